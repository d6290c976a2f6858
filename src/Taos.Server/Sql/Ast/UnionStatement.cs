namespace Taos.Server.Sql.Ast;

/// <summary>
/// <c>q1 UNION [ALL] q2 [UNION [ALL] q3 …] [ORDER BY …] [SLIMIT …] [LIMIT …]</c>: <see cref="All"/>[i] tells whether
/// the operator before <see cref="Queries"/>[i + 1] is UNION ALL. Result names come from the first query.
/// </summary>
internal sealed record UnionStatement(
    IReadOnlyList<SelectStatement> Queries,
    IReadOnlyList<bool> All,
    IReadOnlyList<OrderItem> OrderBy,
    LimitClause? SLimit,
    LimitClause? Limit) : Statement;
