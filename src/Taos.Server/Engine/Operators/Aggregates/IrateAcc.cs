using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>Per-second rate between the last two points (a drop counts as a counter reset).</summary>
internal sealed class IrateAcc(CExpr arg, double ticksPerSecond) : PointsAcc(arg)
{
    public override object? Result()
    {
        if (Points.Count == 0) return null;
        if (Points.Count == 1) return 0.0;
        var sorted = SortedPoints();
        var (t1, v1) = sorted[^2];
        var (t2, v2) = sorted[^1];
        if (t2 == t1) return 0.0;
        double delta = v2 < v1 ? v2 : v2 - v1;
        return delta / ((t2 - t1) / ticksPerSecond);
    }
}
