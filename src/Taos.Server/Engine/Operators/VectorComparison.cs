using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Storage;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// Runs a <see cref="ColumnComparison"/> over a typed vector with the answers <see cref="Values.Compare"/> gives
/// for the boxed values: integers exactly, anything with a floating side as doubles. NULL never passes.
/// </summary>
internal static class VectorComparison
{
    /// <summary>Narrows <paramref name="batch"/> by <paramref name="comparison"/>; false when it cannot run on the batch's vectors.</summary>
    public static bool TryRetain(DataBatch batch, ColumnComparison? comparison)
    {
        if (comparison is null || batch.Vectors is not { } vectors || comparison.Column >= vectors.Length
            || vectors[comparison.Column] is not { } vector)
        {
            return false;
        }
        var op = comparison.Op;
        var storage = ColumnVector.StorageOf(vector.Type);
        if (storage == VectorStorage.Objects || comparison.Constant is ulong) return false;
        var nulls = vector.Nulls;
        if (storage == VectorStorage.Longs && Values.IsIntegral(comparison.Constant))
        {
            if (vector.Type == TaosDataType.UBigInt) return false;
            long c = Values.ToLong(comparison.Constant);
            var longs = vector.Longs;
            batch.Retain(row => !nulls[row] && Test(op, longs[row].CompareTo(c)));
            return true;
        }
        double d = Values.ToDouble(comparison.Constant);
        if (storage == VectorStorage.Doubles)
        {
            var doubles = vector.Doubles;
            batch.Retain(row => !nulls[row] && Test(op, doubles[row].CompareTo(d)));
        }
        else
        {
            var longs = vector.Longs;
            bool unsigned = vector.Type == TaosDataType.UBigInt;
            batch.Retain(row => !nulls[row] && Test(op, (unsigned ? (double)unchecked((ulong)longs[row]) : longs[row]).CompareTo(d)));
        }
        return true;
    }

    private static bool Test(BinaryOp op, int c) => op switch
    {
        BinaryOp.Equal => c == 0,
        BinaryOp.NotEqual => c != 0,
        BinaryOp.Less => c < 0,
        BinaryOp.LessOrEqual => c <= 0,
        BinaryOp.Greater => c > 0,
        _ => c >= 0,
    };
}
