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
        var batch = new DataBatch(rowWidth, 0);
        batch.Vectors = new ColumnVector?[rowWidth];
        for (int t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            if (!filter.Passes(table)) continue;
            batch.Table = table;
            batch.TableIndex = t;
            batch.Count = 0;
            batch.SelectAll();
            yield return batch;
            foreach (var read in catalog.LastRows(table, range.Min, range.Max, columns, nonNullColumns))
            {
                batch.Load(read, columns);
                batch.SelectAll();
                yield return batch;
            }
        }
    }
}
