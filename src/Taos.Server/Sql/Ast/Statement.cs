namespace Taos.Server.Sql.Ast;

/// <summary>The root of every parsed statement. <see cref="Sql"/> is the statement text as the parser saw it
/// (lowercased outside quotes, like TDengine's client does), used for error messages that quote it.</summary>
internal abstract record Statement
{
    public string Sql { get; init; } = "";
}
