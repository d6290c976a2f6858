namespace Taos.Server.Sql.Ast;

// Statements beyond the core set (sql-dialect.md part B). The parser produces them; until the engine handles one,
// it answers the engine's default for unknown statements.

/// <summary><c>DELETE FROM [db.]t [WHERE cond]</c>.</summary>
internal sealed record DeleteStatement(TableName Table, Expr? Where) : Statement;

/// <summary><c>ALTER DATABASE db option value …</c>; options as in <see cref="CreateDatabaseStatement"/>.</summary>
internal sealed record AlterDatabaseStatement(string Name, IReadOnlyList<DatabaseOption> Options) : Statement;

internal enum AlterTableKind { AddColumn, DropColumn, ModifyColumn, RenameColumn, AddTag, DropTag, ModifyTag, RenameTag, SetTag, Options }

/// <summary>
/// <c>ALTER TABLE|STABLE [db.]t …</c>. <see cref="Column"/> is the new definition for ADD/MODIFY;
/// <see cref="Name"/> the column or tag for DROP, RENAME (old name) and SET TAG; <see cref="NewName"/> the
/// RENAME target; <see cref="TagValue"/> the SET TAG value; <see cref="Options"/> COMMENT/TTL (name + value as in
/// <see cref="DatabaseOption"/>, the comment without quotes).
/// </summary>
internal sealed record AlterTableStatement(
    bool Stable,
    TableName Table,
    AlterTableKind Kind,
    ColumnDefinition? Column,
    string? Name,
    string? NewName,
    InsertValue? TagValue,
    IReadOnlyList<DatabaseOption> Options) : Statement;

/// <summary><c>SHOW CREATE DATABASE db</c>.</summary>
internal sealed record ShowCreateDatabaseStatement(string Name) : Statement;

/// <summary><c>SHOW CREATE TABLE t</c> / <c>SHOW CREATE STABLE s</c>.</summary>
internal sealed record ShowCreateTableStatement(TableName Name, bool Stable) : Statement;

/// <summary><c>SHOW TAGS FROM t [FROM db]</c> or <c>SHOW TAGS FROM db.t</c>.</summary>
internal sealed record ShowTagsStatement(TableName Table) : Statement;

/// <summary><c>SHOW TABLE TAGS [tag, …] FROM s [FROM db]</c>; <see cref="Tags"/> empty means all tags.</summary>
internal sealed record ShowTableTagsStatement(TableName Stable, IReadOnlyList<Expr> Tags) : Statement;

/// <summary>
/// The other <c>SHOW</c> forms without arguments: <see cref="What"/> is the lowercased words after SHOW
/// (<c>users</c>, <c>topics</c>, <c>vgroups</c>, <c>local variables</c>, …); <see cref="Database"/> for <c>SHOW db.VGROUPS</c>.
/// </summary>
internal sealed record ShowStatement(string What, string? Database) : Statement;

internal enum TopicMeta { None, WithMeta, OnlyMeta }

/// <summary>
/// <c>CREATE TOPIC [IF NOT EXISTS] t AS query</c> (<see cref="Query"/>), <c>… AS DATABASE db</c> (<see cref="Database"/>)
/// or <c>… AS STABLE s [WHERE cond]</c> (<see cref="Stable"/>, <see cref="Where"/>); WITH META / ONLY META in <see cref="Meta"/>.
/// </summary>
internal sealed record CreateTopicStatement(
    string Name,
    bool IfNotExists,
    SelectStatement? Query,
    string? Database,
    TableName? Stable,
    Expr? Where,
    TopicMeta Meta) : Statement;

/// <summary><c>DROP TOPIC [IF EXISTS] t</c>.</summary>
internal sealed record DropTopicStatement(string Name, bool IfExists) : Statement;

/// <summary><c>DROP CONSUMER GROUP [IF EXISTS] g ON t</c>.</summary>
internal sealed record DropConsumerGroupStatement(string Group, string Topic, bool IfExists) : Statement;

/// <summary><c>CREATE USER u PASS 'p' [SYSINFO 0|1]</c> (SYSINFO defaults to 1).</summary>
internal sealed record CreateUserStatement(string Name, string Password, int SysInfo) : Statement;

/// <summary><c>ALTER USER u PASS 'p' | ENABLE n | SYSINFO n</c>: <see cref="Option"/> is <c>pass</c>, <c>enable</c> or <c>sysinfo</c>.</summary>
internal sealed record AlterUserStatement(string Name, string Option, string Value) : Statement;

/// <summary><c>DROP USER u</c>.</summary>
internal sealed record DropUserStatement(string Name) : Statement;

/// <summary><c>INSERT INTO [db.]t [(col, …)] query</c>.</summary>
internal sealed record InsertSelectStatement(TableName Table, IReadOnlyList<string>? Columns, SelectStatement Query) : Statement;
