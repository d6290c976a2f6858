namespace Taos.Server.Sql.Ast;

/// <summary>Which databases <see cref="ShowDatabasesStatement"/> lists.</summary>
internal enum ShowDatabasesKind { All, User, System }

/// <summary><c>SHOW [USER|SYSTEM] DATABASES</c>.</summary>
internal sealed record ShowDatabasesStatement : Statement
{
    /// <summary>USER lists only user databases, SYSTEM only <c>information_schema</c> and <c>performance_schema</c>.</summary>
    public ShowDatabasesKind Kind { get; init; }
}

/// <summary>Which tables <see cref="ShowTablesStatement"/> lists.</summary>
internal enum ShowTablesKind { All, Normal, Child }

/// <summary><c>SHOW [NORMAL|CHILD] [db.]TABLES [LIKE 'p']</c>.</summary>
internal sealed record ShowTablesStatement(string? Database, string? LikePattern, ShowTablesKind Kind) : Statement;

/// <summary><c>SHOW [db.]STABLES [LIKE 'p']</c>.</summary>
internal sealed record ShowStablesStatement(string? Database, string? LikePattern) : Statement;

/// <summary><c>SHOW CREATE DATABASE db</c>.</summary>
internal sealed record ShowCreateDatabaseStatement(string Name) : Statement;

/// <summary><c>SHOW CREATE TABLE t</c> / <c>SHOW CREATE STABLE s</c>.</summary>
internal sealed record ShowCreateTableStatement(TableName Name, bool Stable) : Statement;

/// <summary><c>SHOW TAGS FROM t [FROM db]</c> or <c>SHOW TAGS FROM db.t</c>.</summary>
internal sealed record ShowTagsStatement(TableName Table) : Statement;

/// <summary><c>SHOW TABLE TAGS [tag, …] FROM s [FROM db]</c>; <see cref="Tags"/> empty means all tags.</summary>
internal sealed record ShowTableTagsStatement(TableName Stable, IReadOnlyList<Expr> Tags) : Statement;

/// <summary>
/// The other <c>SHOW</c> forms: <see cref="What"/> is the lowercased words after SHOW (<c>users</c>, <c>topics</c>,
/// <c>vgroups</c>, <c>local variables</c>, <c>dnode variables</c>, …); <see cref="Database"/> for <c>SHOW db.VGROUPS</c>.
/// </summary>
internal sealed record ShowStatement(string What, string? Database) : Statement
{
    /// <summary>The dnode of <c>SHOW DNODE n VARIABLES</c> and <c>SHOW VNODES ON DNODE n</c>, else null.</summary>
    public long? Dnode { get; init; }

    /// <summary>The LIKE pattern of <c>SHOW DNODE n VARIABLES LIKE '…'</c>, else null.</summary>
    public string? Like { get; init; }
}
