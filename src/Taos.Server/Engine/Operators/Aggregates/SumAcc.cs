using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>SUM, kept in its result <paramref name="type"/>: DOUBLE, UBIGINT (wrapping) or BIGINT (wrapping).</summary>
internal sealed class SumAcc(CExpr arg, TaosDataType type) : Accumulator
{
    private bool _any;
    private long _long;
    private ulong _ulong;
    private double _double;

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is null) return;
        _any = true;
        switch (type)
        {
            case TaosDataType.Double: _double += Values.ToDouble(v); break;
            case TaosDataType.UBigInt: _ulong = unchecked(_ulong + (v is ulong u ? u : (ulong)Values.ToLong(v))); break;
            default: _long = unchecked(_long + Values.ToLong(v)); break;
        }
    }

    public override void AddBatch(DataBatch batch, int from, int to, EvalContext ctx)
    {
        var vector = VectorOf(arg, batch);
        var storage = vector is null ? VectorStorage.Objects : ColumnVector.StorageOf(vector.Type);
        if (vector is null || storage == VectorStorage.Objects || (storage == VectorStorage.Doubles && type != TaosDataType.Double))
        {
            base.AddBatch(batch, from, to, ctx);
            return;
        }
        var nulls = vector.Nulls;
        bool unsigned = vector.Type == TaosDataType.UBigInt;
        for (int k = from; k < to; k++)
        {
            int row = batch.RowAt(k);
            if (nulls[row]) continue;
            _any = true;
            if (storage == VectorStorage.Doubles)
            {
                _double += vector.Doubles[row];
                continue;
            }
            long x = vector.Longs[row];
            switch (type)
            {
                case TaosDataType.Double: _double += unsigned ? unchecked((ulong)x) : x; break;
                case TaosDataType.UBigInt: _ulong = unchecked(_ulong + (ulong)x); break;
                default: _long = unchecked(_long + x); break;
            }
        }
    }

    public override object? Result() => !_any ? null : type switch
    {
        TaosDataType.Double => _double,
        TaosDataType.UBigInt => _ulong,
        _ => (object)_long,
    };
}
