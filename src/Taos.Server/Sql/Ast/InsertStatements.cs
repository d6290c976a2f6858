namespace Taos.Server.Sql.Ast;

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

/// <summary><c>INSERT INTO [db.]t [(col, …)] query</c>.</summary>
internal sealed record InsertSelectStatement(TableName Table, IReadOnlyList<string>? Columns, SelectStatement Query) : Statement;
