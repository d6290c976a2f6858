using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>The running state of one aggregate call over one group or window.</summary>
internal sealed class ElapsedAcc(double unitTicks) : Accumulator
{
    private bool _any;
    private long _min;
    private long _max;

    public override void Add(EvalContext ctx, long ts)
    {
        if (!_any) { _min = _max = ts; _any = true; return; }
        if (ts < _min) _min = ts;
        if (ts > _max) _max = ts;
    }

    public override object? Result() => _any ? (_max - _min) / unitTicks : null;
}
