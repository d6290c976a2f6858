using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Topics;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The durable log of written rows behind topic subscriptions: one row of <c>write_log</c> per (transaction, table)
/// holding the database's sequence number, the table name, the timestamps written (little-endian int64s) and when
/// it was written (<c>at</c>, ms since the epoch; 0 for rows logged before the column existed). A DDL is logged
/// as a row whose <c>meta</c> holds the <see cref="MetaEvent"/> as JSON (no timestamps; null for written rows and for
/// rows logged before the column existed), in order with the rows of its transaction.
/// Rows of a dropped table or database are read again only as far as they still exist; <see cref="WriteLogRetention"/>
/// prunes what no topic can need any more.
/// </summary>
internal sealed class WriteLog : IDisposable
{
    private const string SaveSql = "INSERT INTO write_log (db, seq, tbl, ts, at) VALUES (?, ?, ?, ?, ?)";

    private readonly SqliteConnection _connection;
    private readonly string _readConnectionString;
    private sqlite3_stmt? _save;

    /// <summary>Creates <c>write_log</c> when missing.</summary>
    /// <param name="connection">The store's writer connection.</param>
    /// <param name="readConnectionString">Where reads open their own pooled connections.</param>
    public WriteLog(SqliteConnection connection, string readConnectionString)
    {
        RawSqlite.Exec(connection, "CREATE TABLE IF NOT EXISTS write_log (db TEXT NOT NULL, seq INTEGER NOT NULL, tbl TEXT NOT NULL, ts BLOB NOT NULL)");
        RawSqlite.Exec(connection, "CREATE INDEX IF NOT EXISTS write_log_db_seq ON write_log (db, seq)");
        if (!HasColumn(connection, "at")) RawSqlite.Exec(connection, "ALTER TABLE write_log ADD COLUMN at INTEGER NOT NULL DEFAULT 0");
        if (!HasColumn(connection, "meta")) RawSqlite.Exec(connection, "ALTER TABLE write_log ADD COLUMN meta TEXT");
        _connection = connection;
        _readConnectionString = readConnectionString;
    }

    /// <summary>
    /// Appends what a transaction wrote, inside the writer connection's open transaction, through one prepared
    /// statement kept for the store's life.
    /// </summary>
    public void Save(IReadOnlyDictionary<string, long> taken, IReadOnlyDictionary<(string Database, string Table), List<long>> written, long now)
    {
        if (written.Count == 0) return;
        var db = _connection.Handle!;
        _save ??= RawSqlite.Prepare(db, SaveSql);
        foreach (var ((database, table), timestamps) in written)
        {
            raw.sqlite3_bind_text(_save, 1, database);
            raw.sqlite3_bind_int64(_save, 2, taken[database]);
            raw.sqlite3_bind_text(_save, 3, table);
            // The timestamps as int64s in the machine's byte order (little-endian wherever this runs), as Read takes them.
            var bytes = MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(timestamps));
            raw.sqlite3_bind_blob(_save, 4, bytes);
            raw.sqlite3_bind_int64(_save, 5, now);
            RawSqlite.Run(db, _save);
        }
    }

    /// <summary>Finalizes the prepared statement (before the connection closes).</summary>
    public void Dispose()
    {
        _save?.Dispose();
        _save = null;
    }

    /// <summary>Appends a DDL of the transaction, inside it, numbered <paramref name="sequence"/>.</summary>
    public static void SaveMeta(SqliteTransaction transaction, MetaEvent meta, long sequence)
    {
        using var command = RawSqlite.Command(transaction, "INSERT INTO write_log (db, seq, tbl, ts, at, meta) VALUES ($db, $seq, $tbl, $ts, $at, $meta)");
        command.Parameters.AddWithValue("$db", meta.Database);
        command.Parameters.AddWithValue("$seq", sequence);
        command.Parameters.AddWithValue("$tbl", meta.Table);
        command.Parameters.AddWithValue("$ts", Array.Empty<byte>());
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$meta", JsonSerializer.Serialize(meta));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Deletes the entries of <paramref name="database"/> written before <paramref name="before"/> (ms) or numbered below
    /// <paramref name="belowSequence"/>, but none numbered above <paramref name="keepAfter"/>.
    /// </summary>
    public static int Prune(SqliteTransaction transaction, string database, long before, long belowSequence, long keepAfter = long.MaxValue)
    {
        using var command = RawSqlite.Command(transaction, "DELETE FROM write_log WHERE db = $db AND (at < $at OR seq < $seq) AND seq <= $keep");
        command.Parameters.AddWithValue("$db", database);
        command.Parameters.AddWithValue("$at", before);
        command.Parameters.AddWithValue("$seq", belowSequence);
        command.Parameters.AddWithValue("$keep", keepAfter);
        return command.ExecuteNonQuery();
    }

    /// <summary>Deletes the entries of databases that no longer exist.</summary>
    public static int PruneDropped(SqliteTransaction transaction, IReadOnlyCollection<string> databases)
    {
        using var command = RawSqlite.Command(transaction, "DELETE FROM write_log WHERE db NOT IN (SELECT value FROM json_each($dbs))");
        command.Parameters.AddWithValue("$dbs", System.Text.Json.JsonSerializer.Serialize(databases));
        return command.ExecuteNonQuery();
    }

    private static bool HasColumn(SqliteConnection connection, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('write_log') WHERE name = $c";
        command.Parameters.AddWithValue("$c", column);
        return (long)command.ExecuteScalar()! > 0;
    }

    /// <summary>The entries of <paramref name="database"/> with a sequence number of at least <paramref name="fromSequence"/>, in order.</summary>
    public IReadOnlyList<WriteLogEntry> Read(string database, long fromSequence)
    {
        using var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, tbl, ts, meta FROM write_log WHERE db = $db AND seq >= $seq ORDER BY seq, rowid";
        command.Parameters.AddWithValue("$db", database);
        command.Parameters.AddWithValue("$seq", fromSequence);
        using var reader = command.ExecuteReader();
        var entries = new List<WriteLogEntry>();
        while (reader.Read())
        {
            var bytes = (byte[])reader.GetValue(2);
            var timestamps = new long[bytes.Length / sizeof(long)];
            for (int i = 0; i < timestamps.Length; i++) timestamps[i] = BitConverter.ToInt64(bytes, i * sizeof(long));
            var meta = reader.IsDBNull(3) ? null : JsonSerializer.Deserialize<MetaEvent>(reader.GetString(3));
            entries.Add(new WriteLogEntry(reader.GetInt64(0), reader.GetString(1), timestamps) { Meta = meta });
        }
        return entries;
    }
}
