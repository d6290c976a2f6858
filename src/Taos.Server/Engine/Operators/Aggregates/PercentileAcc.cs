using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>The running state of one aggregate call over one group or window.</summary>
internal sealed class PercentileAcc(CExpr arg, double p) : Accumulator
{
    private readonly List<double> _values = [];

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is not null) _values.Add(Values.ToDouble(v));
    }

    public override object? Result()
    {
        if (_values.Count == 0) return null;
        _values.Sort();
        double pos = (_values.Count - 1) * p / 100.0;
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, _values.Count - 1);
        return _values[lo] + (_values[hi] - _values[lo]) * (pos - lo);
    }
}
