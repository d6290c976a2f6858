using Microsoft.Data.Sqlite;
using SQLitePCL;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// Finds the rows that decide LAST_ROW and LAST of tables by seeks on their <c>(tid, ts)</c> key, newest first,
/// instead of scans: the range's last timestamp, the last timestamp where each asked column is not NULL, then
/// those rows (see <see cref="Engine.Catalog.ICatalogReader.LastRows"/>). All tables of one call are read in one
/// read snapshot on a pooled read connection of its own (beside the writer, as <see cref="RowScanner"/> reads),
/// with each statement prepared once for all the children of a super table.
/// </summary>
internal sealed class LastRowSeeker(string connectionString)
{
    /// <summary>
    /// For each table of <paramref name="tables"/> (null: nothing to read) that has rows within
    /// <paramref name="minTs"/> ≤ ts ≤ <paramref name="maxTs"/>: its position in the list and its deciding rows,
    /// ascending by ts, as one batch of the schema columns <paramref name="columns"/>. Lazy, in list order.
    /// </summary>
    public IEnumerable<(int Index, ColumnBatch Rows)> LastRows(
        IEnumerable<SqliteTable?> tables, long minTs, long maxTs, IReadOnlyList<int> columns, IReadOnlyList<int> nonNullColumns)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // One read snapshot (a deferred transaction, rolled back on disposal) for every seek and read: a write
        // meanwhile cannot tear a table's rows apart.
        using var snapshot = connection.BeginTransaction(deferred: true);
        using var statements = new StatementCache(connection.Handle!);
        int index = 0;
        foreach (var table in tables)
        {
            if (table is not null && Read(statements, table, minTs, maxTs, columns, nonNullColumns) is { } rows) yield return (index, rows);
            index++;
        }
    }

    private static ColumnBatch? Read(StatementCache statements, SqliteTable table, long minTs, long maxTs, IReadOnlyList<int> columns, IReadOnlyList<int> nonNullColumns)
    {
        if (LastTs(statements, table, 0, minTs, maxTs) is not { } last) return null;
        var stamps = new SortedSet<long> { last };
        foreach (int column in nonNullColumns)
        {
            if (LastTs(statements, table, column, minTs, maxTs) is { } ts) stamps.Add(ts);
        }
        var types = new TaosDataType[columns.Count];
        for (int k = 0; k < types.Length; k++) types[k] = table.Info.Columns[columns[k]].Type;
        var batch = new ColumnBatch(types, stamps.Count) { Count = stamps.Count };
        var byPart = columns.Select((column, k) => (column, k)).Where(c => c.column > 0).GroupBy(c => TableLayout.PartOf(c.column));
        foreach (var part in byPart) ReadPart(statements, table, part.Key, [.. part], stamps, batch);
        for (int k = 0; k < columns.Count; k++)
        {
            if (columns[k] != 0) continue;
            int n = 0;
            foreach (long ts in stamps) batch.Columns[k].SetValue(n++, ts);
        }
        return batch;
    }

    /// <summary>
    /// The last ts in the range, where schema column <paramref name="column"/> is not NULL unless it is 0 (ts itself);
    /// null when there is none or the SQLite table is gone.
    /// </summary>
    private static long? LastTs(StatementCache statements, SqliteTable table, int column, long minTs, long maxTs)
    {
        string sql = "SELECT ts FROM " + TableLayout.PartTableName(table.DataId, column == 0 ? 0 : TableLayout.PartOf(column))
            + " WHERE tid = ? AND ts >= ? AND ts <= ?"
            + (column == 0 ? string.Empty : " AND " + TableLayout.ColumnName(column) + " IS NOT NULL")
            + " ORDER BY ts DESC LIMIT 1";
        if (statements.Get(sql) is not { } statement) return null;
        raw.sqlite3_bind_int64(statement, 1, table.Id);
        raw.sqlite3_bind_int64(statement, 2, minTs);
        raw.sqlite3_bind_int64(statement, 3, maxTs);
        int rc = raw.sqlite3_step(statement);
        if (rc == raw.SQLITE_DONE) return null;
        if (rc != raw.SQLITE_ROW) throw RawSqlite.Error(statements.Db, rc);
        return raw.sqlite3_column_int64(statement, 0);
    }

    /// <summary>
    /// Reads the asked columns held by one part (each with its place <c>K</c> in the batch) of the rows at
    /// <paramref name="stamps"/> into <paramref name="batch"/>, row by row in ts order.
    /// </summary>
    private static void ReadPart(StatementCache statements, SqliteTable table, int part, IReadOnlyList<(int Column, int K)> asked, SortedSet<long> stamps, ColumnBatch batch)
    {
        string sql = "SELECT " + string.Join(", ", asked.Select(a => TableLayout.ColumnName(a.Column)))
            + " FROM " + TableLayout.PartTableName(table.DataId, part) + " WHERE tid = ? AND ts = ?";
        var statement = statements.Get(sql) ?? throw RawSqlite.Error(statements.Db, raw.sqlite3_errcode(statements.Db));
        int n = 0;
        foreach (long ts in stamps)
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_bind_int64(statement, 1, table.Id);
            raw.sqlite3_bind_int64(statement, 2, ts);
            int rc = raw.sqlite3_step(statement);
            if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE)) throw RawSqlite.Error(statements.Db, rc);
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
