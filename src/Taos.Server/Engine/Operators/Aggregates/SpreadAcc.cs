using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>The running state of one aggregate call over one group or window.</summary>
internal sealed class SpreadAcc(CExpr arg) : Accumulator
{
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private bool _any;

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is null) return;
        double d = Values.ToDouble(v);
        _any = true;
        if (d < _min) _min = d;
        if (d > _max) _max = d;
    }

    public override object? Result() => _any ? _max - _min : null;
}
