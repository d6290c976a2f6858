using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>Keeps every non-NULL value with its timestamp, for the functions that need the points in time order.</summary>
internal abstract class PointsAcc(CExpr arg) : Accumulator
{
    protected List<(long Ts, double V)> Points { get; } = [];

    public override void Add(EvalContext ctx, long ts)
    {
        if (arg.Eval(ctx) is { } v) Points.Add((ts, Values.ToDouble(v)));
    }

    /// <summary>The points in ts order (stable: rows with equal ts keep their arrival order).</summary>
    protected List<(long Ts, double V)> SortedPoints() => Points.OrderBy(p => p.Ts).ToList();
}
