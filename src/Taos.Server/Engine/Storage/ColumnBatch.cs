namespace Taos.Server.Engine.Storage;

/// <summary>
/// Up to <see cref="Capacity"/> rows of a scan as one typed <see cref="ColumnVector"/> per column. A producer may
/// refill the same instance for its next batch: a consumer copies what it keeps beyond the current batch.
/// </summary>
internal sealed class ColumnBatch
{
    /// <summary>Rows per batch that storage scans produce.</summary>
    public const int DefaultCapacity = 1024;

    public ColumnBatch(IReadOnlyList<TaosDataType> types, int capacity = DefaultCapacity)
    {
        Capacity = capacity;
        Columns = new ColumnVector[types.Count];
        for (int i = 0; i < Columns.Length; i++) Columns[i] = new ColumnVector(types[i], capacity);
    }

    public ColumnVector[] Columns { get; }

    public int Capacity { get; }

    /// <summary>The number of valid rows (0..<see cref="Capacity"/>).</summary>
    public int Count { get; set; }

    /// <summary>Full-schema rows regrouped as batches of the schema columns <paramref name="columns"/> (typed <paramref name="types"/>).</summary>
    public static IEnumerable<ColumnBatch> FromRows(IEnumerable<object?[]> rows, IReadOnlyList<int> columns, IReadOnlyList<TaosDataType> types)
    {
        var batch = new ColumnBatch(types);
        foreach (var row in rows)
        {
            for (int k = 0; k < columns.Count; k++) batch.Columns[k].SetValue(batch.Count, row[columns[k]]);
            if (++batch.Count == batch.Capacity)
            {
                yield return batch;
                batch.Count = 0;
            }
        }
        if (batch.Count > 0) yield return batch;
    }
}
