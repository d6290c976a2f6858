using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>APERCENTILE with its default algorithm: the percentile estimated from a <see cref="StreamingHistogram"/>.</summary>
internal sealed class ApercentileAcc(CExpr arg, double percent) : Accumulator
{
    private readonly StreamingHistogram _histogram = new();

    public override void Add(EvalContext ctx, long ts)
    {
        if (arg.Eval(ctx) is { } v) _histogram.Add(Values.ToDouble(v));
    }

    public override object? Result() => _histogram.Total == 0 ? null : _histogram.Percentile(percent);
}
