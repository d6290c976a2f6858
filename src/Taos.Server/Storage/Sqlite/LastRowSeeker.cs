using Microsoft.Data.Sqlite;
using SQLitePCL;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// Finds the rows that decide LAST_ROW and LAST of one table by seeks on its <c>(tid, ts)</c> key, newest first,
/// instead of a scan: the range's last timestamp, the last timestamp where each asked column is not NULL, then
/// those rows (see <see cref="Engine.Catalog.ICatalogReader.LastRows"/>). Runs on a pooled read connection of
/// its own, beside the writer as <see cref="RowScanner"/> does.
/// </summary>
internal sealed class LastRowSeeker(string connectionString)
{
    /// <summary>
    /// The deciding rows of a child or normal table within <paramref name="minTs"/> ≤ ts ≤ <paramref name="maxTs"/>,
    /// ascending by ts, as one batch of the schema columns <paramref name="columns"/>; none when it has no row there
    /// (or was dropped meanwhile).
    /// </summary>
    public IReadOnlyList<ColumnBatch> LastRows(SqliteTable table, long minTs, long maxTs, IReadOnlyList<int> columns, IReadOnlyList<int> nonNullColumns)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var db = connection.Handle!;
        // One read snapshot for the seeks and the reads: a write between them cannot tear the rows apart.
        RawSqlite.Exec(connection, "BEGIN");
        try
        {
            return Read(db, table, minTs, maxTs, columns, nonNullColumns);
        }
        finally
        {
            RawSqlite.Exec(connection, "ROLLBACK");
        }
    }

    private static IReadOnlyList<ColumnBatch> Read(sqlite3 db, SqliteTable table, long minTs, long maxTs, IReadOnlyList<int> columns, IReadOnlyList<int> nonNullColumns)
    {
        var stamps = new SortedSet<long>();
        if (LastTs(db, table, 0, minTs, maxTs) is not { } last) return [];
        stamps.Add(last);
        foreach (int column in nonNullColumns)
        {
            if (LastTs(db, table, column, minTs, maxTs) is { } ts) stamps.Add(ts);
        }
        var types = columns.Select(i => table.Info.Columns[i].Type).ToArray();
        var batch = new ColumnBatch(types, stamps.Count) { Count = stamps.Count };
        var byPart = columns.Select((column, k) => (column, k)).Where(c => c.column > 0).GroupBy(c => TableLayout.PartOf(c.column));
        foreach (var part in byPart) ReadPart(db, table, part.Key, [.. part], stamps, batch);
        for (int k = 0; k < columns.Count; k++)
        {
            if (columns[k] != 0) continue;
            int n = 0;
            foreach (long ts in stamps) batch.Columns[k].SetValue(n++, ts);
        }
        return [batch];
    }

    /// <summary>
    /// The last ts in the range, where schema column <paramref name="column"/> is not NULL unless it is 0 (ts itself);
    /// null when there is none or the SQLite table is gone.
    /// </summary>
    private static long? LastTs(sqlite3 db, SqliteTable table, int column, long minTs, long maxTs)
    {
        string sql = "SELECT ts FROM " + TableLayout.PartTableName(table.DataId, column == 0 ? 0 : TableLayout.PartOf(column))
            + " WHERE tid = ? AND ts >= ? AND ts <= ?"
            + (column == 0 ? string.Empty : " AND " + TableLayout.ColumnName(column) + " IS NOT NULL")
            + " ORDER BY ts DESC LIMIT 1";
        if (raw.sqlite3_prepare_v2(db, sql, out var statement) != raw.SQLITE_OK)
        {
            statement?.Dispose();
            return null;
        }
        using (statement)
        {
            raw.sqlite3_bind_int64(statement, 1, table.Id);
            raw.sqlite3_bind_int64(statement, 2, minTs);
            raw.sqlite3_bind_int64(statement, 3, maxTs);
            int rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_DONE) return null;
            if (rc != raw.SQLITE_ROW) throw RawSqlite.Error(db, rc);
            return raw.sqlite3_column_int64(statement, 0);
        }
    }

    /// <summary>
    /// Reads the asked columns held by one part (each with its place <c>k</c> in the batch) of the rows at
    /// <paramref name="stamps"/> into <paramref name="batch"/>, row by row in ts order.
    /// </summary>
    private static void ReadPart(sqlite3 db, SqliteTable table, int part, IReadOnlyList<(int Column, int K)> asked, SortedSet<long> stamps, ColumnBatch batch)
    {
        string sql = "SELECT " + string.Join(", ", asked.Select(a => TableLayout.ColumnName(a.Column)))
            + " FROM " + TableLayout.PartTableName(table.DataId, part) + " WHERE tid = ? AND ts = ?";
        if (raw.sqlite3_prepare_v2(db, sql, out var statement) != raw.SQLITE_OK)
        {
            statement?.Dispose();
            throw RawSqlite.Error(db, raw.sqlite3_errcode(db));
        }
        using (statement)
        {
            int n = 0;
            foreach (long ts in stamps)
            {
                raw.sqlite3_reset(statement);
                raw.sqlite3_bind_int64(statement, 1, table.Id);
                raw.sqlite3_bind_int64(statement, 2, ts);
                int rc = raw.sqlite3_step(statement);
                if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE)) throw RawSqlite.Error(db, rc);
                for (int a = 0; a < asked.Count; a++)
                {
                    var (column, k) = asked[a];
                    bool isNull = rc == raw.SQLITE_DONE || raw.sqlite3_column_type(statement, a) == raw.SQLITE_NULL;
                    batch.Columns[k].SetValue(n, isNull ? null : RowScanner.ReadValue(statement, a, table.Info.Columns[column].Type));
                }
                n++;
            }
        }
    }
}
