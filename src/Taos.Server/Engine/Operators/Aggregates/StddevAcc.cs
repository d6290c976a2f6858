using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>The running state of one aggregate call over one group or window.</summary>
internal sealed class StddevAcc(CExpr arg) : Accumulator
{
    private long _n;
    private double _sum;
    private double _sumSquares;

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is null) return;
        double d = Values.ToDouble(v);
        _n++;
        _sum += d;
        _sumSquares += d * d;
    }

    public override object? Result()
    {
        if (_n == 0) return null;
        double avg = _sum / _n;
        return Math.Sqrt(Math.Abs(_sumSquares / _n - avg * avg));
    }
}
