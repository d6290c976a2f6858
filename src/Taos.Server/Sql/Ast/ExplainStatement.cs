namespace Taos.Server.Sql.Ast;

/// <summary>
/// <c>EXPLAIN [ANALYZE] [VERBOSE true|false] [RATIO r] query</c>: <see cref="Query"/> is a
/// <see cref="SelectStatement"/>, a <see cref="UnionStatement"/> or an <see cref="InsertSelectStatement"/>
/// (sql.y <c>cmd ::= EXPLAIN analyze_opt explain_options query_or_subquery | insert_query</c>). RATIO is read and
/// has no effect, as in TDengine's community edition.
/// </summary>
internal sealed record ExplainStatement(bool Analyze, bool Verbose, Statement Query) : Statement;
