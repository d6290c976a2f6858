namespace Taos.Server.Sql.Ast;

/// <summary>
/// <c>CREATE INDEX [IF NOT EXISTS] [db.]name ON [db.]stable (tag)</c>: a tag index (TDengine indexes one tag per
/// index; <see cref="Columns"/> holds what was listed).
/// </summary>
internal sealed record CreateIndexStatement(bool IfNotExists, TableName Name, TableName Table, IReadOnlyList<string> Columns) : Statement;

/// <summary><c>SHOW INDEXES FROM table [FROM db]</c> or <c>SHOW INDEXES FROM db.table</c>.</summary>
internal sealed record ShowIndexesStatement(TableName Table) : Statement;

/// <summary><c>DROP INDEX [IF EXISTS] [db.]name</c>.</summary>
internal sealed record DropIndexStatement(bool IfExists, TableName Name) : Statement;

/// <summary>
/// <c>CREATE SMA INDEX [IF NOT EXISTS] name ON [db.]stable FUNCTION(f(args), …) INTERVAL(len [, offset])
/// [SLIDING(step)] [WATERMARK d] [MAX_DELAY d] [DELETE_MARK d]</c>: a time-range SMA of a super table.
/// </summary>
internal sealed record CreateSmaIndexStatement(bool IfNotExists, string Name, TableName Table, IReadOnlyList<FunctionExpr> Functions,
    Duration Interval, Duration? Offset, Duration? Sliding) : Statement;

/// <summary>
/// <c>CREATE TSMA [IF NOT EXISTS] name ON [db.]table FUNCTION(f(col), …) INTERVAL(len)</c>, or with
/// <see cref="Recursive"/> <c>CREATE RECURSIVE TSMA [IF NOT EXISTS] name ON [db.]base_tsma INTERVAL(len)</c>
/// (<see cref="Functions"/> empty).
/// </summary>
internal sealed record CreateTsmaStatement(bool IfNotExists, bool Recursive, string Name, TableName Table, IReadOnlyList<FunctionExpr> Functions,
    Duration Interval) : Statement;

/// <summary><c>DROP TSMA [IF EXISTS] [db.]name</c>.</summary>
internal sealed record DropTsmaStatement(bool IfExists, TableName Name) : Statement;
