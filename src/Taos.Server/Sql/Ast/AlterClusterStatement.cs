namespace Taos.Server.Sql.Ast;

/// <summary>
/// <c>ALTER CLUSTER 'key' ['value']</c>: TDengine 3.3.0.1's mnode (mndCluster.c mndProcessConfigClusterReq) knows only
/// the enterprise edition's grant activation code and answers every other key, and the community edition every key,
/// with 0x0100 Operation not supported.
/// </summary>
internal sealed record AlterClusterStatement(string Config, string? Value) : Statement;
