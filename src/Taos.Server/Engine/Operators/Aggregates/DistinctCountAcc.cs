using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>The running state of one aggregate call over one group or window.</summary>
internal sealed class DistinctCountAcc(CExpr arg) : Accumulator
{
    private readonly HashSet<string> _seen = [];

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is not null) _seen.Add(Values.KeyOf(v));
    }

    public override object? Result() => (long)_seen.Count;
}
