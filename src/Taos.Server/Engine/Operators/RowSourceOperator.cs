using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Operators;

/// <summary>Whole rows as batches: a subquery's or a system table's rows, or the one empty row of a SELECT without FROM.</summary>
internal sealed class RowSourceOperator(IEnumerable<object?[]> rows, int rowWidth, int tsIndex) : BatchOperator
{
    public override IEnumerable<DataBatch> Open()
    {
        var batch = new DataBatch(rowWidth, tsIndex);
        var buffer = new List<object?[]>(ColumnBatch.DefaultCapacity);
        batch.Rows = buffer;
        foreach (var row in rows)
        {
            buffer.Add(row);
            if (buffer.Count < ColumnBatch.DefaultCapacity) continue;
            batch.Count = buffer.Count;
            batch.SelectAll();
            yield return batch;
            buffer.Clear();
        }
        if (buffer.Count == 0) yield break;
        batch.Count = buffer.Count;
        batch.SelectAll();
        yield return batch;
    }
}
