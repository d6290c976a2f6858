using System.Text.Json;
using Microsoft.Data.Sqlite;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The TSMAs: one row per TSMA in <c>catalog_tsma</c> (the TSMA as JSON, <c>seq</c> keeping creation order), mirrored
/// in memory. Changes go to SQLite inside the caller's transaction and to the mirror at once; after a rollback the
/// mirror is rebuilt with <see cref="Load"/>.
/// </summary>
internal sealed class TsmaTables
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private List<(TsmaInfo Tsma, long Order)> _tsmas = [];

    /// <summary>Creates <c>catalog_tsma</c> when missing and loads it.</summary>
    /// <param name="connection">The store's writer connection.</param>
    public TsmaTables(SqliteConnection connection)
    {
        _connection = connection;
        RawSqlite.Exec(connection, "CREATE TABLE IF NOT EXISTS catalog_tsma (db TEXT NOT NULL, name TEXT NOT NULL, seq INTEGER NOT NULL, tsma TEXT NOT NULL, PRIMARY KEY (db, name))");
        Load();
    }

    /// <summary>Rebuilds the mirror from the committed rows.</summary>
    public void Load()
    {
        var tsmas = new List<(TsmaInfo, long)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT seq, tsma FROM catalog_tsma ORDER BY seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var tsma = JsonSerializer.Deserialize<TsmaInfo>(reader.GetString(1)) ?? throw new InvalidDataException("catalog_tsma holds an empty TSMA");
                tsmas.Add((tsma, reader.GetInt64(0)));
            }
        }
        lock (_lock) _tsmas = tsmas;
    }

    /// <summary>All TSMAs in creation order.</summary>
    public IReadOnlyList<TsmaInfo> All()
    {
        lock (_lock) return _tsmas.Select(t => t.Tsma).ToList();
    }

    public void Add(SqliteTransaction transaction, TsmaInfo tsma)
    {
        long order;
        lock (_lock) order = _tsmas.Count == 0 ? 1 : _tsmas.Max(t => t.Order) + 1;
        using (var command = RawSqlite.Command(transaction, "INSERT INTO catalog_tsma (db, name, seq, tsma) VALUES ($db, $n, $s, $t)"))
        {
            command.Parameters.AddWithValue("$db", tsma.Database);
            command.Parameters.AddWithValue("$n", tsma.Name);
            command.Parameters.AddWithValue("$s", order);
            command.Parameters.AddWithValue("$t", JsonSerializer.Serialize(tsma));
            command.ExecuteNonQuery();
        }
        lock (_lock) _tsmas = [.. _tsmas, (tsma, order)];
    }

    /// <summary>Removes the TSMAs that <paramref name="match"/> picks.</summary>
    public void Remove(SqliteTransaction transaction, Func<TsmaInfo, bool> match)
    {
        foreach (var tsma in All().Where(match))
        {
            using var command = RawSqlite.Command(transaction, "DELETE FROM catalog_tsma WHERE db = $db AND name = $n");
            command.Parameters.AddWithValue("$db", tsma.Database);
            command.Parameters.AddWithValue("$n", tsma.Name);
            command.ExecuteNonQuery();
            lock (_lock) _tsmas = _tsmas.Where(t => t.Tsma != tsma).ToList();
        }
    }
}
