using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>Linear fit of the values against x = start, start + step, …: <c>{slop:…, intercept:…}</c>.</summary>
internal sealed class LeastSquaresAcc(CExpr arg, double start, double step) : Accumulator
{
    private long _n;
    private double _x;
    private double _sx, _sy, _sxx, _sxy;

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is null) return;
        double x = start + _x, y = Values.ToDouble(v);
        _x += step;
        _n++;
        _sx += x;
        _sy += y;
        _sxx += x * x;
        _sxy += x * y;
    }

    public override object? Result()
    {
        if (_n == 0) return null;
        double d = _n * _sxx - _sx * _sx;
        double slope = d == 0 ? 0 : (_n * _sxy - _sx * _sy) / d;
        double intercept = (_sy - slope * _sx) / _n;
        return "{slop:" + slope.ToString("F6", System.Globalization.CultureInfo.InvariantCulture) + ", intercept:" +
               intercept.ToString("F6", System.Globalization.CultureInfo.InvariantCulture) + "}";
    }
}
