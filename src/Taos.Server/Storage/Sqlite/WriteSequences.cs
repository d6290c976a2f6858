using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The last committed write sequence number of each database, in <c>write_seq</c> (added beside the catalog tables;
/// a data directory without it starts every database at 0). A row outlives its database, so a database created
/// again under the same name continues its numbers instead of reusing them. Numbers are saved inside the writing
/// transaction (through one prepared statement kept for the store's life) and become visible here only once it committed.
/// </summary>
internal sealed class WriteSequences : IDisposable
{
    private const string SaveSql = "INSERT INTO write_seq (db, seq) VALUES (?, ?) ON CONFLICT (db) DO UPDATE SET seq = excluded.seq";

    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private sqlite3_stmt? _save;
    private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal);

    /// <summary>Creates <c>write_seq</c> when missing and loads it.</summary>
    /// <param name="connection">The store's writer connection.</param>
    public WriteSequences(SqliteConnection connection)
    {
        _connection = connection;
        RawSqlite.Exec(connection, "CREATE TABLE IF NOT EXISTS write_seq (db TEXT PRIMARY KEY, seq INTEGER NOT NULL)");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT db, seq FROM write_seq";
        using var reader = command.ExecuteReader();
        while (reader.Read()) _last[reader.GetString(0)] = reader.GetInt64(1);
    }

    /// <summary>The last committed number of <paramref name="database"/>, 0 when none.</summary>
    public long Last(string database)
    {
        lock (_lock)
            return _last.TryGetValue(database, out long seq) ? seq : 0;
    }

    /// <summary>Writes the numbers a transaction takes, inside the writer connection's open transaction.</summary>
    public void Save(IReadOnlyDictionary<string, long> taken)
    {
        if (taken.Count == 0) return;
        var db = _connection.Handle!;
        _save ??= RawSqlite.Prepare(db, SaveSql);
        foreach (var (name, number) in taken)
        {
            raw.sqlite3_bind_text(_save, 1, name);
            raw.sqlite3_bind_int64(_save, 2, number);
            RawSqlite.Run(db, _save);
        }
    }

    /// <summary>Makes the numbers of a committed transaction the last ones.</summary>
    public void Publish(IReadOnlyDictionary<string, long> taken)
    {
        lock (_lock)
        {
            foreach (var (name, number) in taken) _last[name] = number;
        }
    }

    /// <summary>Finalizes the prepared statement (before the connection closes).</summary>
    public void Dispose()
    {
        _save?.Dispose();
        _save = null;
    }
}
