namespace Taos.Server.Engine.Binding;

/// <summary>One ORDER BY key: an output column (<see cref="Item"/> ≥ 0) or an expression of its own.</summary>
internal sealed record OrderKey(int Item, CExpr? Expr, bool Descending, bool NullsFirst);
