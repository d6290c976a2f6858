using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>Time-weighted average: the area under the line through the points over the covered span.</summary>
internal sealed class TwaAcc(CExpr arg) : PointsAcc(arg)
{
    public override object? Result()
    {
        if (Points.Count == 0) return null;
        var sorted = SortedPoints();
        if (sorted.Count == 1 || sorted[^1].Ts == sorted[0].Ts) return sorted[0].V;
        double area = 0;
        for (int i = 1; i < sorted.Count; i++)
        {
            area += (sorted[i].V + sorted[i - 1].V) / 2 * (sorted[i].Ts - sorted[i - 1].Ts);
        }
        return area / (sorted[^1].Ts - sorted[0].Ts);
    }
}
