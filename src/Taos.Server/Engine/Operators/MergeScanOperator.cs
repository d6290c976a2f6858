using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// Reads all tables at once, merged into ascending ts order (ties: table order): ORDER BY ts and windows over a
/// super table without buffering its rows. Each batch is the run of one table's rows that come before any other
/// table's next row.
/// </summary>
internal sealed class MergeScanOperator(
    ICatalogReader catalog, IReadOnlyList<TableInfo> tables, TimeRange range, IReadOnlyList<int> columns, TableFilter filter, int rowWidth)
    : BatchOperator
{
    /// <summary>One table's read position: its batches, the current one, and the row within it.</summary>
    private sealed class Cursor(IEnumerator<ColumnBatch> reader, DataBatch view)
    {
        public IEnumerator<ColumnBatch> Reader { get; } = reader;
        public DataBatch View { get; } = view;
        public int Row { get; set; }

        public long Ts => TsAt(Row);

        public long TsAt(int row) => View.Vectors![0]!.Longs[row];

        /// <summary>Moves to the next row, reading the next batch when this one is done; false at the end.</summary>
        public bool Advance(IReadOnlyList<int> columns)
        {
            if (++Row < View.Count) return true;
            if (!Reader.MoveNext()) return false;
            View.Load(Reader.Current, columns);
            Row = 0;
            return View.Count > 0 || Advance(columns);
        }
    }

    public override IEnumerable<DataBatch> Open()
    {
        if (range.IsEmpty) yield break;
        var cursors = new List<Cursor>();
        try
        {
            var heap = new PriorityQueue<int, (long Ts, int Table)>();
            for (int t = 0; t < tables.Count; t++)
            {
                if (!filter.Passes(tables[t])) continue;
                var view = new DataBatch(rowWidth, 0) { Vectors = new ColumnVector?[rowWidth], Table = tables[t], TableIndex = t };
                var cursor = new Cursor(catalog.ScanBatches(tables[t], range.Min, range.Max, columns).GetEnumerator(), view) { Row = -1 };
                cursors.Add(cursor);
                if (cursor.Advance(columns)) heap.Enqueue(cursors.Count - 1, (cursor.Ts, t));
            }
            while (heap.TryDequeue(out int i, out var key))
            {
                var cursor = cursors[i];
                int end = RunEnd(cursor, key.Table, heap);
                cursor.View.SelectRange(cursor.Row, end);
                yield return cursor.View;
                cursor.Row = end - 1;
                if (cursor.Advance(columns)) heap.Enqueue(i, (cursor.Ts, key.Table));
            }
        }
        finally
        {
            foreach (var c in cursors) c.Reader.Dispose();
        }
    }

    /// <summary>Where the run of <paramref name="cursor"/>'s batch ends: before its first row that another table's next row precedes.</summary>
    private static int RunEnd(Cursor cursor, int table, PriorityQueue<int, (long Ts, int Table)> heap)
    {
        int end = cursor.Row + 1;
        if (!heap.TryPeek(out _, out var next)) return cursor.View.Count;
        while (end < cursor.View.Count)
        {
            long ts = cursor.TsAt(end);
            if (ts > next.Ts || (ts == next.Ts && table > next.Table)) break;
            end++;
        }
        return end;
    }
}
