namespace Taos.Server.Engine.Operators;

/// <summary>
/// A plain projection whose select items are all bare columns of scanned tables (<see cref="OutputProjector.BareColumns"/>):
/// hands each scan batch on as the scan's own typed vectors in result order (<see cref="RowSetResult.Batches"/>),
/// boxing nothing. Its rows are the ones <see cref="ProjectOperator"/> produces over the same input.
/// </summary>
internal sealed class VectorProjectOperator(BatchOperator input, int[] slots)
{
    /// <summary>The batches, produced lazily; each is valid until the next is requested.</summary>
    /// <exception cref="InvalidOperationException">The input produced whole rows or lacks a column (a planning error).</exception>
    public IEnumerable<ResultBatch> Open()
    {
        var result = new ResultBatch(slots.Length);
        foreach (var batch in input.Open())
        {
            if (batch.Length == 0) continue;
            var vectors = batch.Vectors ?? throw new InvalidOperationException("a vector projection over whole rows");
            for (int i = 0; i < slots.Length; i++)
            {
                result.Columns[i] = vectors[slots[i]] ?? throw new InvalidOperationException($"the scan did not read column {slots[i]}");
            }
            if (batch.Length == batch.Count)
            {
                result.SelectFirst(batch.Length);
            }
            else
            {
                var rows = result.Select(batch.Length);
                for (int k = 0; k < rows.Length; k++) rows[k] = batch.RowAt(k);
            }
            yield return result;
        }
    }
}
