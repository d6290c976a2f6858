using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>COUNT(*) (no argument) or COUNT(expr): the rows, or the rows where the argument is not NULL.</summary>
internal sealed class CountAcc(CExpr? arg) : Accumulator
{
    private long _n;

    public override void Add(EvalContext ctx, long ts)
    {
        if (arg is null || arg.Eval(ctx) is not null) _n++;
    }

    public override void AddBatch(DataBatch batch, int from, int to, EvalContext ctx)
    {
        if (arg is null)
        {
            _n += to - from;
            return;
        }
        if (VectorOf(arg, batch) is not { } vector)
        {
            base.AddBatch(batch, from, to, ctx);
            return;
        }
        var nulls = vector.Nulls;
        for (int k = from; k < to; k++)
        {
            if (!nulls[batch.RowAt(k)]) _n++;
        }
    }

    public override object? Result() => _n;
}
