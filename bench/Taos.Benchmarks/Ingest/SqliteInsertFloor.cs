using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Taos.Benchmarks.Ingest;

/// <summary>
/// The row store's floor for ingest: batches of rows of <c>(ts, v bigint, f double, s varchar)</c> stepped straight into
/// SQLite through raw prepared statements, in the layout the server stores rows in (one <c>(tid, ts)</c> WITHOUT ROWID
/// table, 32-row multi-row upserts, the rest one by one), one transaction per batch, with the server's journal settings
/// (WAL, <c>synchronous=NORMAL</c>). No server, no SQL text, no protocol: what any way of writing a batch into this
/// storage costs at least.
/// </summary>
internal sealed class SqliteInsertFloor : IDisposable
{
    private const int ChunkRows = 32;
    private const long Start = 1_700_000_000_000;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-bench-floor-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _multi;
    private readonly sqlite3_stmt _single;
    private readonly byte[][] _labels = ["alpha"u8.ToArray(), "beta"u8.ToArray(), "gamma"u8.ToArray()];
    private long _next;

    public SqliteInsertFloor()
    {
        Directory.CreateDirectory(_dir);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dir, "floor.db"), Pooling = false }.ToString());
        _connection.Open();
        Exec("PRAGMA journal_mode=WAL");
        Exec("PRAGMA synchronous=NORMAL");
        Exec("CREATE TABLE t (tid INTEGER NOT NULL, ts INTEGER NOT NULL, c1 INTEGER, c2 REAL, c3 TEXT, PRIMARY KEY (tid, ts)) WITHOUT ROWID");
        _multi = Prepare(ChunkRows);
        _single = Prepare(1);
    }

    /// <summary>Writes <paramref name="batches"/> transactions of <paramref name="batchSize"/> new rows each.</summary>
    public void Write(int batches, int batchSize)
    {
        for (int b = 0; b < batches; b++)
        {
            Raw("BEGIN");
            int r = 0;
            for (; r + ChunkRows <= batchSize; r += ChunkRows) Step(_multi, ChunkRows);
            for (; r < batchSize; r++) Step(_single, 1);
            Raw("COMMIT");
        }
    }

    private void Step(sqlite3_stmt statement, int rows)
    {
        int index = 1;
        for (int i = 0; i < rows; i++)
        {
            long k = _next++;
            raw.sqlite3_bind_int64(statement, index++, 1);
            raw.sqlite3_bind_int64(statement, index++, Start + k);
            raw.sqlite3_bind_int64(statement, index++, k);
            raw.sqlite3_bind_double(statement, index++, k * 0.5);
            raw.sqlite3_bind_text(statement, index++, _labels[k % _labels.Length]);
        }
        int rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE) throw new InvalidOperationException("SQLite step failed: " + raw.sqlite3_errmsg(_connection.Handle).utf8_to_string());
    }

    private sqlite3_stmt Prepare(int rows)
    {
        var sql = new StringBuilder("INSERT INTO t (tid, ts, c1, c2, c3) VALUES ");
        for (int r = 0; r < rows; r++) sql.Append(r == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
        sql.Append(" ON CONFLICT (tid, ts) DO UPDATE SET c1 = excluded.c1, c2 = excluded.c2, c3 = excluded.c3");
        int rc = raw.sqlite3_prepare_v2(_connection.Handle, sql.ToString(), out sqlite3_stmt statement);
        if (rc != raw.SQLITE_OK) throw new InvalidOperationException("SQLite prepare failed: " + raw.sqlite3_errmsg(_connection.Handle).utf8_to_string());
        return statement;
    }

    private void Raw(string sql)
    {
        int rc = raw.sqlite3_exec(_connection.Handle, sql);
        if (rc != raw.SQLITE_OK) throw new InvalidOperationException($"SQLite {sql} failed: " + raw.sqlite3_errmsg(_connection.Handle).utf8_to_string());
    }

    private void Exec(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _multi.Dispose();
        _single.Dispose();
        _connection.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
