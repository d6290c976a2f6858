using Microsoft.Data.Sqlite;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The last committed write sequence number of each database, in <c>write_seq</c> (added beside the catalog tables;
/// a data directory without it starts every database at 0). A row outlives its database, so a database created
/// again under the same name continues its numbers instead of reusing them. Numbers are saved inside the writing
/// transaction and become visible here only once it committed.
/// </summary>
internal sealed class WriteSequences
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal);

    /// <summary>Creates <c>write_seq</c> when missing and loads it.</summary>
    /// <param name="connection">The store's writer connection.</param>
    public WriteSequences(SqliteConnection connection)
    {
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

    /// <summary>Writes the numbers a transaction takes, inside it.</summary>
    public static void Save(SqliteTransaction transaction, IReadOnlyDictionary<string, long> taken)
    {
        if (taken.Count == 0) return;
        using var command = RawSqlite.Command(transaction,
            "INSERT INTO write_seq (db, seq) VALUES ($db, $seq) ON CONFLICT (db) DO UPDATE SET seq = excluded.seq");
        var db = command.Parameters.Add("$db", SqliteType.Text);
        var seq = command.Parameters.Add("$seq", SqliteType.Integer);
        foreach (var (name, number) in taken)
        {
            db.Value = name;
            seq.Value = number;
            command.ExecuteNonQuery();
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
}
