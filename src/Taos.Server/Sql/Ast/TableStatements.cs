namespace Taos.Server.Sql.Ast;

/// <summary>CREATE STABLE, and CREATE TABLE with a TAGS clause (which also makes a super table).</summary>
internal sealed record CreateStableStatement(TableName Name, bool IfNotExists, IReadOnlyList<ColumnDefinition> Columns, IReadOnlyList<ColumnDefinition> Tags) : Statement
{
    /// <summary>COMMENT and TTL as given.</summary>
    public TableOptions Options { get; init; } = TableOptions.None;
}

/// <summary>CREATE TABLE of a normal table.</summary>
internal sealed record CreateNormalTableStatement(TableName Name, bool IfNotExists, IReadOnlyList<ColumnDefinition> Columns) : Statement
{
    /// <summary>COMMENT and TTL as given.</summary>
    public TableOptions Options { get; init; } = TableOptions.None;
}

/// <summary>One <c>[IF NOT EXISTS] t USING s [(tag, …)] TAGS (v, …)</c> clause.</summary>
internal sealed record ChildTableClause(TableName Name, bool IfNotExists, TableName Stable, IReadOnlyList<string>? TagNames, ValueList TagValues);

/// <summary>CREATE TABLE … USING …, one or more clauses in one statement.</summary>
internal sealed record CreateChildTablesStatement(IReadOnlyList<ChildTableClause> Tables) : Statement;

/// <summary><c>DROP TABLE [IF EXISTS] t[, …]</c>.</summary>
internal sealed record DropTableStatement(bool IfExists, IReadOnlyList<TableName> Names) : Statement;

/// <summary><c>DROP STABLE [IF EXISTS] s</c>.</summary>
internal sealed record DropStableStatement(bool IfExists, TableName Name) : Statement;

/// <summary><c>DESC[RIBE] t</c>.</summary>
internal sealed record DescribeStatement(TableName Name) : Statement;
