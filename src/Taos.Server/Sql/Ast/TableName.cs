namespace Taos.Server.Sql.Ast;

/// <summary>
/// A possibly database-qualified table name. Unquoted names arrive lowercased; backquoted ones keep their case.
/// </summary>
internal sealed record TableName(string? Database, string Name)
{
    public override string ToString() => Database is null ? Name : Database + "." + Name;
}
