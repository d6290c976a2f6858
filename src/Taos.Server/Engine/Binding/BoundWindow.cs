using Taos.Server.Sql.Ast;
using Taos.Server.Engine.Time;

namespace Taos.Server.Engine.Binding;

/// <summary>The window clause of an aggregate query, bound.</summary>
internal abstract record BoundWindow;

/// <summary>
/// INTERVAL windows with their FILL: <see cref="Fillable"/> marks the output columns holding aggregates (the
/// ones FILL fills), <see cref="FillValues"/> the FILL(VALUE …) values by output column.
/// </summary>
internal sealed record BoundInterval(WindowSpec Spec, FillMode Fill, bool[] Fillable, object?[]? FillValues) : BoundWindow;

/// <summary>SESSION(ts, gap): a new window after a gap longer than <see cref="Gap"/>.</summary>
internal sealed record BoundSession(Duration Gap) : BoundWindow;

/// <summary>STATE_WINDOW(expr): runs of equal non-NULL values.</summary>
internal sealed record BoundState(CExpr State) : BoundWindow;

/// <summary>EVENT_WINDOW START WITH … END WITH ….</summary>
internal sealed record BoundEvent(CExpr Start, CExpr End) : BoundWindow;

/// <summary>COUNT_WINDOW(count[, sliding]).</summary>
internal sealed record BoundCount(long Count, long? Sliding) : BoundWindow;
