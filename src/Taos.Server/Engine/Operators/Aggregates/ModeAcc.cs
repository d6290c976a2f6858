using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>The most frequent non-NULL value; on a tie the one seen first.</summary>
internal sealed class ModeAcc(CExpr arg) : Accumulator
{
    private readonly Dictionary<string, (object Value, long Count, long First)> _counts = [];
    private long _seq;

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is null) return;
        string key = Values.KeyOf(v);
        _counts[key] = _counts.TryGetValue(key, out var e) ? (e.Value, e.Count + 1, e.First) : (v, 1, _seq);
        _seq++;
    }

    public override object? Result() => _counts.Count == 0 ? null
        : _counts.Values.OrderByDescending(e => e.Count).ThenBy(e => e.First).First().Value;
}
