using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>
/// Running state of one aggregate over one group or window. Rows arrive one at a time (<see cref="Add"/>) or as a
/// range of a batch of typed vectors (<see cref="AddBatch"/>), which the common aggregates over a bare column
/// read without boxing.
/// </summary>
internal abstract class Accumulator
{
    /// <summary>Adds the row in <paramref name="ctx"/>; <paramref name="ts"/> is its primary timestamp (or its ordinal).</summary>
    public abstract void Add(EvalContext ctx, long ts);

    /// <summary>
    /// Adds the selected rows <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive) of a batch of
    /// vectors, in order; <paramref name="ctx"/> is scratch space. The default adds them one by one.
    /// </summary>
    public virtual void AddBatch(DataBatch batch, int from, int to, EvalContext ctx)
    {
        for (int k = from; k < to; k++)
        {
            int row = batch.RowAt(k);
            batch.Position(ctx, row);
            Add(ctx, batch.TsAt(row, 0));
        }
    }

    public abstract object? Result();

    /// <summary>For selectors: the row the result came from.</summary>
    public virtual (object?[] Row, TableInfo? Table)? Selected => null;

    /// <summary>The batch's vector of <paramref name="arg"/> when it is a bare column the batch holds, else null.</summary>
    protected static ColumnVector? VectorOf(CExpr? arg, DataBatch batch) =>
        arg?.Slot is { Kind: SlotKind.Column } slot && batch.Vectors is { } vectors && slot.Index < vectors.Length ? vectors[slot.Index] : null;
}
