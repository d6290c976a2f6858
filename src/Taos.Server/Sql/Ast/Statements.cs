namespace Taos.Server.Sql.Ast;

/// <summary>The root of every parsed statement. <see cref="Sql"/> is the statement text as the parser saw it
/// (lowercased outside quotes, like TDengine's client does), used for error messages that quote it.</summary>
internal abstract record Statement
{
    public string Sql { get; init; } = "";
}

/// <summary>One <c>name value</c> option of CREATE DATABASE; <see cref="Values"/> holds one or more tokens as written (KEEP takes up to three).</summary>
internal sealed record DatabaseOption(string Name, IReadOnlyList<string> Values);

internal sealed record CreateDatabaseStatement(string Name, bool IfNotExists, IReadOnlyList<DatabaseOption> Options) : Statement;

internal sealed record DropDatabaseStatement(string Name, bool IfExists) : Statement;

internal sealed record UseDatabaseStatement(string Name) : Statement;

internal enum ShowDatabasesKind { All, User, System }

/// <summary><c>SHOW [USER|SYSTEM] DATABASES</c>.</summary>
internal sealed record ShowDatabasesStatement : Statement
{
    /// <summary>USER lists only user databases, SYSTEM only <c>information_schema</c> and <c>performance_schema</c>.</summary>
    public ShowDatabasesKind Kind { get; init; }
}

internal enum ShowTablesKind { All, Normal, Child }

/// <summary><c>SHOW [NORMAL|CHILD] [db.]TABLES [LIKE 'p']</c>.</summary>
internal sealed record ShowTablesStatement(string? Database, string? LikePattern, ShowTablesKind Kind) : Statement;

/// <summary><c>SHOW [db.]STABLES [LIKE 'p']</c>.</summary>
internal sealed record ShowStablesStatement(string? Database, string? LikePattern) : Statement;

/// <summary>CREATE STABLE, and CREATE TABLE with a TAGS clause (which also makes a super table).</summary>
internal sealed record CreateStableStatement(TableName Name, bool IfNotExists, IReadOnlyList<ColumnDefinition> Columns, IReadOnlyList<ColumnDefinition> Tags) : Statement;

/// <summary>CREATE TABLE of a normal table.</summary>
internal sealed record CreateNormalTableStatement(TableName Name, bool IfNotExists, IReadOnlyList<ColumnDefinition> Columns) : Statement;

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

/// <summary><c>INSERT INTO clause …</c>.</summary>
internal sealed record InsertStatement(IReadOnlyList<InsertClause> Clauses) : Statement;

/// <summary>
/// The auto-create part of an INSERT clause: <c>USING [db.]s [(tag, …)] TAGS (v, …)</c>.
/// </summary>
internal sealed record InsertUsing(TableName Stable, IReadOnlyList<string>? TagNames, ValueList TagValues);

/// <summary>
/// <c>[db.]t [USING …] [(col, …)] VALUES (v, …) …</c>. Column names in <see cref="ColumnNames"/> keep their source
/// positions for error messages.
/// </summary>
internal sealed record InsertClause(TableName Table, InsertUsing? Using, IReadOnlyList<NameAt>? ColumnNames, IReadOnlyList<ValueList> Rows);

/// <summary>An identifier and where it starts in <see cref="Statement.Sql"/>.</summary>
internal sealed record NameAt(string Name, int Position);

/// <summary>
/// A parenthesised list of INSERT/tag values. <see cref="CloseParenPosition"/> is where its <c>)</c> starts in
/// <see cref="Statement.Sql"/>: TDengine quotes the text from there when too few values were given.
/// </summary>
internal sealed record ValueList(IReadOnlyList<InsertValue> Values, int CloseParenPosition);

internal enum InsertValueKind
{
    /// <summary>A number as written, possibly signed, decimal, exponent, hex (0x) or binary (0b).</summary>
    Number,
    /// <summary>A quoted string; <see cref="InsertValue.Text"/> is its content with escapes resolved.</summary>
    String,
    /// <summary><c>NULL</c>.</summary>
    Null,
    /// <summary><c>TRUE</c> or <c>FALSE</c>; <see cref="InsertValue.Text"/> is <c>true</c>/<c>false</c>.</summary>
    Bool,
    /// <summary><c>NOW</c>, <c>NOW()</c>, <c>TODAY()</c>; <see cref="InsertValue.Text"/> is <c>now</c> or <c>today</c>.</summary>
    TimeFunction,
    /// <summary>Any other bare word (an error for every column type, reported by the engine).</summary>
    Word,
    /// <summary>A <c>?</c> of a prepared statement (<see cref="InsertValue.Text"/> is <c>?</c>), bound later.</summary>
    Placeholder,
}

/// <summary>
/// One value of an INSERT row or a tag list, kept as its token so the engine can coerce it to the
/// column's type with TDengine's exact error text. <see cref="Position"/> is where the token starts in
/// <see cref="Statement.Sql"/> (for a string: its opening quote). <see cref="Offsets"/> are the
/// <c>± duration</c> terms that follow a timestamp (<c>now + 1s</c>, <c>1704067200000 - 10a</c>).
/// </summary>
internal sealed record InsertValue(InsertValueKind Kind, string Text, int Position, IReadOnlyList<(char Sign, Duration Duration)> Offsets)
{
    /// <summary>Where the <c>±</c> of <see cref="Offsets"/> starts (only timestamps take one; others fail there).</summary>
    public int OffsetPosition { get; init; }
}
