namespace Taos.Server.Sql.Ast;

/// <summary>
/// <c>CREATE INDEX [IF NOT EXISTS] [db.]name ON [db.]stable (tag)</c>: a tag index (TDengine indexes one tag per
/// index; <see cref="Columns"/> holds what was listed).
/// </summary>
internal sealed record CreateIndexStatement(bool IfNotExists, TableName Name, TableName Table, IReadOnlyList<string> Columns) : Statement;

/// <summary><c>DROP INDEX [IF EXISTS] [db.]name</c>.</summary>
internal sealed record DropIndexStatement(bool IfExists, TableName Name) : Statement;
