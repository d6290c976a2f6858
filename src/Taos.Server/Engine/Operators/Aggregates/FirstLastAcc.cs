using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>
/// FIRST (<paramref name="first"/>) or LAST/LAST_ROW by timestamp; <paramref name="skipNull"/> passes over NULL
/// values (FIRST, LAST) rather than taking them (LAST_ROW). Equal timestamps: FIRST keeps the earliest arrival,
/// LAST the latest.
/// </summary>
internal sealed class FirstLastAcc(CExpr arg, bool first, bool skipNull) : Accumulator
{
    private bool _any;
    private long _ts;
    private object? _value;
    private (object?[], TableInfo?)? _row;

    public override void Add(EvalContext ctx, long ts)
    {
        if (_any && (first ? ts >= _ts : ts < _ts)) return;
        var v = arg.Eval(ctx);
        if (skipNull && v is null) return;
        _any = true;
        _ts = ts;
        _value = v;
        _row = (ctx.CurrentRow(), ctx.Table);
    }

    public override void AddBatch(DataBatch batch, int from, int to, EvalContext ctx)
    {
        if (VectorOf(arg, batch) is not { } vector || batch.TsIndex < 0)
        {
            base.AddBatch(batch, from, to, ctx);
            return;
        }
        bool any = _any;
        long current = _ts;
        int pick = -1;
        for (int k = from; k < to; k++)
        {
            int row = batch.RowAt(k);
            long ts = batch.TsAt(row, 0);
            if (any && (first ? ts >= current : ts < current)) continue;
            if (skipNull && vector.Nulls[row]) continue;
            any = true;
            current = ts;
            pick = row;
        }
        if (pick < 0) return;
        _any = true;
        _ts = current;
        _value = vector.GetValue(pick);
        _row = (batch.Materialize(pick), batch.Table);
    }

    public override object? Result() => _value;

    public override (object?[] Row, TableInfo? Table)? Selected => _row;
}
