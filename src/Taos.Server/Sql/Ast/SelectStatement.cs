namespace Taos.Server.Sql.Ast;

/// <summary>
/// <c>SELECT [DISTINCT] items [FROM …] [WHERE] [PARTITION BY] [window] [GROUP BY] [HAVING] [ORDER BY]
/// [SLIMIT n [SOFFSET m]] [LIMIT n [OFFSET m]]</c>.
/// </summary>
internal sealed record SelectStatement(
    bool Distinct,
    IReadOnlyList<SelectItem> Items,
    FromSource? From,
    Expr? Where,
    IReadOnlyList<Expr> PartitionBy,
    WindowClause? Window,
    IReadOnlyList<Expr> GroupBy,
    Expr? Having,
    IReadOnlyList<OrderItem> OrderBy,
    LimitClause? SLimit,
    LimitClause? Limit) : Statement
{
    /// <summary><c>SELECT TAGS …</c>: one row per child table instead of one per data row.</summary>
    public bool TagsMode { get; init; }

    /// <summary>INTERP's <c>RANGE(start[, end])</c>, written between PARTITION BY and the window.</summary>
    public RangeClause? Range { get; init; }

    /// <summary>INTERP's <c>EVERY(duration)</c>.</summary>
    public Duration? Every { get; init; }

    /// <summary>A FILL written without INTERVAL (for INTERP); a FILL after INTERVAL is in <see cref="IntervalWindow.Fill"/>.</summary>
    public FillClause? Fill { get; init; }
}
