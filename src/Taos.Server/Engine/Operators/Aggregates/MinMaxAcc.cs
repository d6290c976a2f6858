using System.Runtime.InteropServices;
using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>MIN (<paramref name="sign"/> −1) or MAX (+1), remembering the first row holding the result.</summary>
internal sealed class MinMaxAcc(CExpr arg, int sign) : Accumulator
{
    private object? _best;
    private (object?[], TableInfo?)? _row;

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is null) return;
        if (_best is null || Values.Compare(v, _best) * sign > 0)
        {
            _best = v;
            _row = (ctx.CurrentRow(), ctx.Table);
        }
    }

    public override void AddBatch(DataBatch batch, int from, int to, EvalContext ctx)
    {
        var vector = VectorOf(arg, batch);
        if (vector is null || ColumnVector.StorageOf(vector.Type) == VectorStorage.Objects)
        {
            base.AddBatch(batch, from, to, ctx);
            return;
        }
        var storage = ColumnVector.StorageOf(vector.Type);
        bool unsigned = vector.Type == TaosDataType.UBigInt;
        int best = storage == VectorStorage.Doubles ? Best<double>(batch, vector.Nulls, vector.Doubles, from, to)
            : unsigned ? Best<ulong>(batch, vector.Nulls, MemoryMarshal.Cast<long, ulong>(vector.Longs), from, to)
            : Best<long>(batch, vector.Nulls, vector.Longs, from, to);
        if (best < 0) return;
        // Compared with the best so far unboxed: a value is boxed only when it becomes the best.
        bool better = _best is null || sign * (storage == VectorStorage.Doubles ? vector.Doubles[best].CompareTo(Values.ToDouble(_best))
            : unsigned ? unchecked((ulong)vector.Longs[best]).CompareTo((ulong)_best)
            : vector.Longs[best].CompareTo(Values.ToLong(_best))) > 0;
        if (better)
        {
            _best = vector.GetValue(best);
            _row = (batch.Materialize(best), batch.Table);
        }
    }

    /// <summary>
    /// The physical row of the first best non-NULL value in the range, or −1. One copy for every value type: the JIT
    /// specializes it per struct type, so nothing is boxed.
    /// </summary>
    private int Best<T>(DataBatch batch, bool[] nulls, ReadOnlySpan<T> values, int from, int to)
        where T : struct, IComparable<T>
    {
        int best = -1;
        T bestValue = default;
        for (int k = from; k < to; k++)
        {
            int row = batch.RowAt(k);
            if (nulls[row]) continue;
            T x = values[row];
            if (best < 0 || x.CompareTo(bestValue) * sign > 0)
            {
                best = row;
                bestValue = x;
            }
        }
        return best;
    }

    public override object? Result() => _best;

    public override (object?[] Row, TableInfo? Table)? Selected => _row;
}
