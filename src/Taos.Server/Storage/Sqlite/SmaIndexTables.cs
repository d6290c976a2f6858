using Microsoft.Data.Sqlite;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The SMA indexes: one row per index in <c>catalog_sma</c> (<c>seq</c> keeping creation order), mirrored in memory.
/// Changes go to SQLite inside the caller's transaction and to the mirror at once; after a rollback the mirror is
/// rebuilt with <see cref="Load"/>.
/// </summary>
internal sealed class SmaIndexTables
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private List<(SmaIndexInfo Index, long Order)> _indexes = [];

    /// <summary>Creates <c>catalog_sma</c> when missing and loads it.</summary>
    /// <param name="connection">The store's writer connection.</param>
    public SmaIndexTables(SqliteConnection connection)
    {
        _connection = connection;
        RawSqlite.Exec(connection, """
            CREATE TABLE IF NOT EXISTS catalog_sma (db TEXT NOT NULL, name TEXT NOT NULL, stable TEXT NOT NULL, vgroup INTEGER NOT NULL,
              created INTEGER NOT NULL, sql TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (db, name))
            """);
        Load();
    }

    /// <summary>Rebuilds the mirror from the committed rows.</summary>
    public void Load()
    {
        var indexes = new List<(SmaIndexInfo, long)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT db, name, stable, vgroup, created, sql, seq FROM catalog_sma ORDER BY seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((new SmaIndexInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4),
                    reader.GetString(5)), reader.GetInt64(6)));
            }
        }
        lock (_lock) _indexes = indexes;
    }

    /// <summary>All SMA indexes in creation order.</summary>
    public IReadOnlyList<SmaIndexInfo> All()
    {
        lock (_lock) return _indexes.Select(i => i.Index).ToList();
    }

    public void Add(SqliteTransaction transaction, SmaIndexInfo index)
    {
        long order;
        lock (_lock) order = _indexes.Count == 0 ? 1 : _indexes.Max(i => i.Order) + 1;
        using (var command = RawSqlite.Command(transaction,
            "INSERT INTO catalog_sma (db, name, stable, vgroup, created, sql, seq) VALUES ($db, $n, $s, $v, $c, $sql, $seq)"))
        {
            command.Parameters.AddWithValue("$db", index.Database);
            command.Parameters.AddWithValue("$n", index.Name);
            command.Parameters.AddWithValue("$s", index.Stable);
            command.Parameters.AddWithValue("$v", index.VgroupId);
            command.Parameters.AddWithValue("$c", index.CreateTime);
            command.Parameters.AddWithValue("$sql", index.Sql);
            command.Parameters.AddWithValue("$seq", order);
            command.ExecuteNonQuery();
        }
        lock (_lock) _indexes = [.. _indexes, (index, order)];
    }

    /// <summary>Removes the SMA indexes that <paramref name="match"/> picks.</summary>
    public void Remove(SqliteTransaction transaction, Func<SmaIndexInfo, bool> match)
    {
        foreach (var index in All().Where(match))
        {
            using var command = RawSqlite.Command(transaction, "DELETE FROM catalog_sma WHERE db = $db AND name = $n");
            command.Parameters.AddWithValue("$db", index.Database);
            command.Parameters.AddWithValue("$n", index.Name);
            command.ExecuteNonQuery();
            lock (_lock) _indexes = _indexes.Where(i => i.Index != index).ToList();
        }
    }
}
