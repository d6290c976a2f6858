using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>
/// PERCENTILE (and APERCENTILE, exactly): the values kept, interpolated at the percent; with several percents the
/// answer is their values as text, <c>[1.500000, 6.500000]</c>.
/// </summary>
internal sealed class PercentileAcc(CExpr arg, IReadOnlyList<double> percents) : Accumulator
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
        if (percents.Count == 1) return At(percents[0]);
        return "[" + string.Join(", ", percents.Select(p => At(p).ToString("F6", System.Globalization.CultureInfo.InvariantCulture))) + "]";
    }

    private double At(double p)
    {
        double pos = (_values.Count - 1) * p / 100.0;
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, _values.Count - 1);
        return _values[lo] + (_values[hi] - _values[lo]) * (pos - lo);
    }
}
