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

/// <summary><c>RANGE(start[, end])</c>; <see cref="End"/> is null for the one-instant form.</summary>
internal sealed record RangeClause(Expr Start, Expr? End);

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

/// <summary>
/// One select-list item. <see cref="Text"/> is the item's source text (lowercased outside quotes, spaces as written):
/// the result column's name when there is no <see cref="Alias"/> and the expression is not a bare column.
/// </summary>
internal sealed record SelectItem(Expr Expr, string? Alias, string Text);

internal abstract record FromSource;

/// <summary><c>FROM [db.]t [[AS] alias]</c>.</summary>
internal sealed record TableSource(TableName Name, string? Alias) : FromSource;

/// <summary><c>FROM (SELECT …) [[AS] alias]</c>.</summary>
internal sealed record SubquerySource(SelectStatement Query, string? Alias) : FromSource;

/// <summary>
/// <c>a [INNER|LEFT|RIGHT|FULL …] JOIN b ON cond</c>, or <c>FROM a, b</c> (an inner join with <see cref="On"/> null).
/// <see cref="JoinType"/> is the lowercased words before JOIN (<c>inner</c> when none).
/// </summary>
internal sealed record JoinSource(FromSource Left, FromSource Right, string JoinType, Expr? On) : FromSource;

internal abstract record WindowClause;

/// <summary><c>INTERVAL(len[, offset]) [SLIDING(step)] [FILL(…)]</c>.</summary>
internal sealed record IntervalWindow(Duration Length, Duration? Offset, Duration? Sliding, FillClause? Fill) : WindowClause;

/// <summary><c>SESSION(col, gap)</c>.</summary>
internal sealed record SessionWindow(Expr Column, Duration Gap) : WindowClause;

/// <summary><c>STATE_WINDOW(expr)</c>.</summary>
internal sealed record StateWindow(Expr Expr) : WindowClause;

/// <summary><c>EVENT_WINDOW START WITH a END WITH b</c>.</summary>
internal sealed record EventWindow(Expr Start, Expr End) : WindowClause;

/// <summary><c>COUNT_WINDOW(n[, step])</c>.</summary>
internal sealed record CountWindow(long Count, long? Sliding) : WindowClause;

internal enum FillMode { None, Null, NullF, Prev, Next, Linear, Value, ValueF }

/// <summary><c>FILL(mode[, v, …])</c>; <see cref="Values"/> only for VALUE/VALUE_F.</summary>
internal sealed record FillClause(FillMode Mode, IReadOnlyList<Expr> Values);

/// <summary>
/// One ORDER BY key. <see cref="NullsFirst"/> is null when not written (TDengine's default: ASC → NULLS FIRST, DESC → NULLS LAST).
/// </summary>
internal sealed record OrderItem(Expr Expr, bool Descending, bool? NullsFirst);

/// <summary><c>LIMIT n [OFFSET m]</c> or <c>LIMIT m, n</c> (likewise SLIMIT/SOFFSET).</summary>
internal sealed record LimitClause(long Count, long Offset);
