using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary>The joins TDengine 3.3 runs, all on the primary timestamps of their two sides.</summary>
internal enum JoinKind { Inner, Outer, Semi, Anti, Asof, Window }

/// <summary>
/// A join bound: its kind, which side drives it (<see cref="Driving"/>: <c>left</c>, <c>right</c>, or <c>full</c> for
/// FULL [OUTER] JOIN), where each side's timestamp is in its rows and how wide they are, the ASOF comparison
/// (written as <c>driving.ts op other.ts</c>), the WINDOW join's offsets in ticks, and JLIMIT.
/// </summary>
internal sealed record BoundJoin(
    JoinKind Kind, string Driving, int LeftTs, int RightTs, int LeftWidth, int RightWidth,
    BinaryOp AsofOp, long WindowLow, long WindowHigh, long? JLimit)
{
    /// <summary>
    /// The left rows' join key when the primary condition compares an expression of the timestamp
    /// (<c>timetruncate(a.ts, 1s)</c>) rather than the timestamp itself; null: the timestamp at <see cref="LeftTs"/>.
    /// </summary>
    public Func<object?[], long?>? LeftKey { get; init; }

    /// <summary>The right rows' join key, as <see cref="LeftKey"/>.</summary>
    public Func<object?[], long?>? RightKey { get; init; }
}
