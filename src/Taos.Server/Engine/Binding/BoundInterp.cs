using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary>
/// INTERP's clauses bound: the points <see cref="Start"/>, <see cref="Start"/> + <see cref="Every"/>, … up to
/// <see cref="End"/> (ticks of the source's precision), how a point without a row at its instant is filled, and the
/// arguments of the INTERP calls (slot i of the evaluation context's values is argument i's value at the point).
/// </summary>
internal sealed record BoundInterp(long Start, long End, long Every, FillMode Fill, object?[]? FillValues, IReadOnlyList<CExpr> Args);
