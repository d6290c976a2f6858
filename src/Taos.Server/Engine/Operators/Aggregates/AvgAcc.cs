using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>AVG: a floating sum for FLOAT/DOUBLE, an exact integer sum otherwise.</summary>
internal sealed class AvgAcc(CExpr arg) : Accumulator
{
    private long _n;
    private Int128 _intSum;
    private long _longSum;
    private double _doubleSum;
    private bool _floating;

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is null) return;
        _n++;
        if (v is float or double)
        {
            _floating = true;
            _doubleSum += Values.ToDouble(v);
        }
        else if (v is ulong u)
        {
            _intSum += u;
        }
        else
        {
            AddLong(Values.ToLong(v));
        }
    }

    /// <summary>A long accumulator is much cheaper than Int128; spill into the wide sum only on overflow.</summary>
    private void AddLong(long x)
    {
        long r = unchecked(_longSum + x);
        if (((_longSum ^ r) & (x ^ r)) < 0)
        {
            _intSum += _longSum;
            _longSum = x;
        }
        else
        {
            _longSum = r;
        }
    }

    public override void AddBatch(DataBatch batch, int from, int to, EvalContext ctx)
    {
        var vector = VectorOf(arg, batch);
        var storage = vector is null ? VectorStorage.Objects : ColumnVector.StorageOf(vector.Type);
        if (vector is null || storage == VectorStorage.Objects)
        {
            base.AddBatch(batch, from, to, ctx);
            return;
        }
        var nulls = vector.Nulls;
        for (int k = from; k < to; k++)
        {
            int row = batch.RowAt(k);
            if (nulls[row]) continue;
            _n++;
            if (storage == VectorStorage.Doubles)
            {
                _floating = true;
                _doubleSum += vector.Doubles[row];
            }
            else if (vector.Type == TaosDataType.UBigInt)
            {
                _intSum += unchecked((ulong)vector.Longs[row]);
            }
            else
            {
                AddLong(vector.Longs[row]);
            }
        }
    }

    public override object? Result() => _n == 0 ? null : _floating ? _doubleSum / _n : (double)(_intSum + _longSum) / _n;
}
