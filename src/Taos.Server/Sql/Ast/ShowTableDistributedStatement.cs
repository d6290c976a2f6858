namespace Taos.Server.Sql.Ast;

/// <summary>
/// <c>SHOW TABLE DISTRIBUTED [db.]t</c>: how the rows of a super, child or normal table lie in blocks (TDengine
/// rewrites it to <c>select _block_dist() from [db.]t</c>).
/// </summary>
internal sealed record ShowTableDistributedStatement(TableName Table) : Statement;
