using Taos.Server.Engine.Catalog;

namespace Taos.Server.Tests.Storage;

/// <summary>Reads stored rows whole (every schema column, boxed as result values) through the batch scan, for assertions.</summary>
internal static class StoredRows
{
    public static IEnumerable<object?[]> ScanRows(this ICatalogReader store, TableInfo table, long minTs, long maxTs)
    {
        var all = Enumerable.Range(0, table.Columns.Count).ToArray();
        foreach (var batch in store.ScanBatches(table, minTs, maxTs, all))
        {
            for (int r = 0; r < batch.Count; r++)
            {
                var row = new object?[all.Length];
                for (int c = 0; c < row.Length; c++) row[c] = batch.Columns[c].GetValue(r);
                yield return row;
            }
        }
    }
}
