using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// <c>SELECT TAGS …</c> reading no column: one row per table passing the tag filter, whether the table holds rows
/// or not, as TDengine's tag scan answers from the tables' metadata. The row's columns are all NULL (nothing reads
/// them); its tags and <c>tbname</c> come from the batch's table.
/// </summary>
internal sealed class TagRowScanOperator(IReadOnlyList<TableInfo> tables, TableFilter filter, int rowWidth) : BatchOperator
{
    public override IEnumerable<DataBatch> Open()
    {
        var batch = new DataBatch(rowWidth, -1) { Rows = [new object?[rowWidth]], Count = 1 };
        for (int t = 0; t < tables.Count; t++)
        {
            if (!filter.Passes(tables[t])) continue;
            batch.Table = tables[t];
            batch.TableIndex = t;
            batch.SelectAll();
            yield return batch;
        }
    }
}
