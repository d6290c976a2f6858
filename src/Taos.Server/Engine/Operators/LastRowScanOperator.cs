using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// The source of a query made only of LAST_ROW and LAST (see <see cref="Planning.LastRowRule"/>): like
/// <see cref="TableScanOperator"/> it visits the tables one after the other, each announced by an empty batch, but
/// reads of each only the rows that decide those aggregates (<see cref="ICatalogReader.LastRows"/>: its last row
/// and, per column of <paramref name="nonNullColumns"/>, its last row where that column is not NULL) instead of
/// all of them. The accumulators see those rows in scan order, so they answer exactly as over the whole scan.
/// </summary>
internal sealed class LastRowScanOperator(
    ICatalogReader catalog, IReadOnlyList<TableInfo> tables, TimeRange range, IReadOnlyList<int> columns,
    IReadOnlyList<int> nonNullColumns, TableFilter filter, int rowWidth)
    : BatchOperator
{
    public override IEnumerable<DataBatch> Open()
    {
        if (range.IsEmpty) yield break;
        var passing = new List<int>();
        for (int t = 0; t < tables.Count; t++)
        {
            if (filter.Passes(tables[t])) passing.Add(t);
        }
        var batch = new DataBatch(rowWidth, 0);
        batch.Vectors = new ColumnVector?[rowWidth];
        int announced = 0;
        foreach (var (index, rows) in catalog.LastRows(passing.ConvertAll(t => tables[t]), range.Min, range.Max, columns, nonNullColumns))
        {
            for (; announced <= index; announced++) yield return Announce(batch, passing[announced]);
            batch.Load(rows, columns);
            batch.SelectAll();
            yield return batch;
        }
        for (; announced < passing.Count; announced++) yield return Announce(batch, passing[announced]);
    }

    /// <summary>The empty batch naming table <paramref name="t"/> before its rows (GROUP BY over tags shows tables without rows).</summary>
    private DataBatch Announce(DataBatch batch, int t)
    {
        batch.Table = tables[t];
        batch.TableIndex = t;
        batch.Count = 0;
        batch.SelectAll();
        return batch;
    }
}
