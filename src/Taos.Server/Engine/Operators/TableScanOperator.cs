using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// Reads tables one after the other, each ascending by ts, as typed vectors of only the schema
/// <paramref name="columns"/> the query needs. Before each table's rows it produces an empty batch naming the
/// table, so that GROUP BY over tags can show groups of tables without rows.
/// </summary>
internal sealed class TableScanOperator(
    ICatalogReader catalog, IReadOnlyList<TableInfo> tables, TimeRange range, IReadOnlyList<int> columns, TableFilter filter, int rowWidth)
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
            foreach (var read in catalog.ScanBatches(table, range.Min, range.Max, columns))
            {
                batch.Load(read, columns);
                batch.SelectAll();
                yield return batch;
            }
        }
    }
}
