using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Time;

namespace Taos.Server.Engine.Write;

/// <summary>
/// Commits write batches in one store transaction: rows with the same ts in one write merge column by column (a
/// later non-NULL value wins, a later NULL does not erase), every ts must lie in its database's KEEP range (else
/// nothing is written), missing target tables are created, and each table's rows are upserted (an existing row
/// keeps the columns not written). After each commit it calls <paramref name="committed"/> (the stream worker's wake-up),
/// whichever way the rows came: SQL, stmt, schemaless or raw blocks.
/// </summary>
internal sealed class WriteExecutor(IStore store, Action committed)
{
    private static readonly long[] MaxKey = [31556995200000L, 31556995200000000L, 9146850900000000000L];

    /// <summary>A merged row: its values and which columns the write gave (shared between rows until a merge widens it).</summary>
    private sealed class Row(object?[] values, bool[] provided)
    {
        public object?[] Values { get; } = values;

        public bool[] Provided { get; set; } = provided;
    }

    /// <summary>
    /// Runs <paramref name="bind"/> and commits what it gives, in one transaction: binding sees the catalog the
    /// commit writes against (a table it finds missing is created by this write, not by a concurrent one).
    /// </summary>
    /// <returns>The rows written (merged rows count once).</returns>
    public int Execute(Func<IReadOnlyList<WriteBatch>> bind) => Execute(_ => bind());

    /// <summary>
    /// As <see cref="Execute(Func{IReadOnlyList{WriteBatch}})"/>, with the transaction handed to <paramref name="bind"/>
    /// for the schema changes the rows need first (schemaless ingest creates and widens super tables): one commit for both.
    /// </summary>
    public int Execute(Func<IStoreWriter, IReadOnlyList<WriteBatch>> bind)
    {
        int affected = Write(bind);
        committed();
        return affected;
    }

    private int Write(Func<IStoreWriter, IReadOnlyList<WriteBatch>> bind) => store.Write(tx =>
    {
        var batches = bind(tx);
        var merged = batches.Select(Merge).ToList();
        for (int i = 0; i < batches.Count; i++) CheckKeep(batches[i].Database, merged[i]);
        int affected = 0;
        for (int i = 0; i < batches.Count; i++)
        {
            var batch = batches[i];
            var entry = batch.AutoCreate is null
                ? store.FindEntry(batch.Database.Name, batch.Table.Name) ?? throw CatalogResolver.TableNotExist()
                : tx.CreateTable(batch.Table);
            foreach (var rows in merged[i])
            {
                if (rows.Rows.Count == 0) continue;
                affected += rows.Rows.Count;
                tx.UpsertRows(entry, rows.Columns, rows.Rows);
            }
        }
        return affected;
    });

    /// <summary>
    /// The batch's rows with rows of the same ts merged, grouped by the columns they give. Rows given once for one
    /// column list in ascending ts order (what a stmt batch, schemaless lines of one series or a plain INSERT give)
    /// have nothing to merge and stay as they are.
    /// </summary>
    private static IReadOnlyList<WriteRows> Merge(WriteBatch batch)
    {
        if (batch.Rows.Count == 1 && Ascending(batch.Rows[0].Rows)) return batch.Rows;
        var merged = MergeByTimestamp(batch);
        // Rows share their mask array unless a merge changed it, so grouping by reference is cheap.
        var groups = new List<WriteRows>();
        foreach (var group in merged.Values.GroupBy(r => r.Provided, ReferenceEqualityComparer.Instance))
        {
            var provided = (bool[])group.Key!;
            var columns = new List<int>();
            for (int c = 0; c < provided.Length; c++)
            {
                if (provided[c]) columns.Add(c);
            }
            groups.Add(new WriteRows(columns, group.Select(r => r.Values).ToList()));
        }
        return groups;
    }

    private static bool Ascending(IReadOnlyList<object?[]> rows)
    {
        for (int r = 1; r < rows.Count; r++)
        {
            if ((long)rows[r][0]! <= (long)rows[r - 1][0]!) return false;
        }
        return true;
    }

    /// <summary>The batch's rows by ts, rows with the same ts merged.</summary>
    private static Dictionary<long, Row> MergeByTimestamp(WriteBatch batch)
    {
        var rows = new Dictionary<long, Row>();
        int width = batch.Table.Columns.Count;
        foreach (var given in batch.Rows)
        {
            var mask = new bool[width];
            foreach (int c in given.Columns) mask[c] = true;
            foreach (var values in given.Rows)
            {
                long ts = (long)values[0]!;
                if (!rows.TryGetValue(ts, out var row))
                {
                    rows[ts] = new Row(values, mask);
                    continue;
                }
                var merged = row.Provided;
                if (!ReferenceEquals(merged, mask))
                {
                    bool widen = false;
                    foreach (int c in given.Columns) widen |= !merged[c];
                    if (widen) merged = (bool[])merged.Clone();
                }
                foreach (int c in given.Columns)
                {
                    object? v = values[c];
                    if (v is not null || !row.Provided[c]) row.Values[c] = v;
                    merged[c] = true;
                }
                row.Provided = merged;
            }
        }
        return rows;
    }

    /// <summary>1547 when a ts lies before the database's KEEP window or beyond the latest time TDengine stores.</summary>
    private static void CheckKeep(DatabaseInfo database, IReadOnlyList<WriteRows> rows)
    {
        if (rows.All(r => r.Rows.Count == 0)) return;
        var precision = database.Precision;
        long keepMinutes = DatabaseOptions.KeepMinutes(database.Options);
        long now = Clock.Now(precision);
        // A KEEP longer than the tick range reaches back (ns databases created before the 292-year cap) bounds nothing.
        long minKey = Durations.TryTicks(keepMinutes, 'm', precision, out long keepTicks) && now >= long.MinValue + keepTicks
            ? now - keepTicks
            : long.MinValue;
        long maxKey = MaxKey[(int)precision];
        foreach (var given in rows)
        {
            foreach (var row in given.Rows)
            {
                long ts = (long)row[0]!;
                if (ts < minKey || ts > maxKey)
                    throw new TaosServerException(ServerErrorCode.TimestampOutOfRange, "Timestamp data out of range");
            }
        }
    }
}
