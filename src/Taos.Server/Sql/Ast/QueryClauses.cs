namespace Taos.Server.Sql.Ast;

/// <summary>
/// One select-list item. <see cref="Text"/> is the item's source text (lowercased outside quotes, spaces as written):
/// the result column's name when there is no <see cref="Alias"/> and the expression is not a bare column.
/// </summary>
internal sealed record SelectItem(Expr Expr, string? Alias, string Text);

/// <summary><c>RANGE(start[, end])</c>; <see cref="End"/> is null for the one-instant form.</summary>
internal sealed record RangeClause(Expr Start, Expr? End);

/// <summary>
/// One ORDER BY key. <see cref="NullsFirst"/> is null when not written (TDengine's default: ASC → NULLS FIRST, DESC → NULLS LAST).
/// </summary>
internal sealed record OrderItem(Expr Expr, bool Descending, bool? NullsFirst);

/// <summary><c>LIMIT n [OFFSET m]</c> or <c>LIMIT m, n</c> (likewise SLIMIT/SOFFSET).</summary>
internal sealed record LimitClause(long Count, long Offset);
