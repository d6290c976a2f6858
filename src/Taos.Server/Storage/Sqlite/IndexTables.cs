using Microsoft.Data.Sqlite;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The tag indexes: one row per index in <c>catalog_index</c> (<c>seq</c> keeping creation order), mirrored in memory.
/// Changes go to SQLite inside the caller's transaction and to the mirror at once; after a rollback the mirror is
/// rebuilt with <see cref="Load"/>.
/// </summary>
internal sealed class IndexTables
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private List<(TagIndexInfo Index, long Order)> _indexes = [];
    private long _nextOrder = 1;

    /// <summary>Creates <c>catalog_index</c> when missing and loads it.</summary>
    /// <param name="connection">The store's writer connection.</param>
    public IndexTables(SqliteConnection connection)
    {
        _connection = connection;
        RawSqlite.Exec(connection, """
            CREATE TABLE IF NOT EXISTS catalog_index (db TEXT NOT NULL, name TEXT NOT NULL, stable TEXT NOT NULL, tag TEXT NOT NULL,
              created INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (db, name))
            """);
        Load();
    }

    /// <summary>Rebuilds the mirror from the committed rows.</summary>
    public void Load()
    {
        var indexes = new List<(TagIndexInfo, long)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT db, name, stable, tag, created, seq FROM catalog_index ORDER BY seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((new TagIndexInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)),
                    reader.GetInt64(5)));
            }
        }
        lock (_lock)
        {
            _indexes = indexes;
            _nextOrder = indexes.Count == 0 ? 1 : indexes[^1].Item2 + 1;
        }
    }

    /// <summary>The indexes of <paramref name="database"/> in creation order.</summary>
    public IReadOnlyList<TagIndexInfo> Of(string database)
    {
        lock (_lock)
            return _indexes.Where(i => i.Index.Database == database).Select(i => i.Index).ToList();
    }

    public void Add(SqliteTransaction transaction, TagIndexInfo index)
    {
        long order;
        lock (_lock) order = _nextOrder++;
        using (var command = RawSqlite.Command(transaction,
            "INSERT INTO catalog_index (db, name, stable, tag, created, seq) VALUES ($db, $n, $s, $t, $c, $seq)"))
        {
            command.Parameters.AddWithValue("$db", index.Database);
            command.Parameters.AddWithValue("$n", index.Name);
            command.Parameters.AddWithValue("$s", index.Stable);
            command.Parameters.AddWithValue("$t", index.Tag);
            command.Parameters.AddWithValue("$c", index.CreateTime);
            command.Parameters.AddWithValue("$seq", order);
            command.ExecuteNonQuery();
        }
        lock (_lock) _indexes.Add((index, order));
    }

    /// <summary>Removes the indexes of <paramref name="database"/> that <paramref name="match"/> picks.</summary>
    public void Remove(SqliteTransaction transaction, string database, Func<TagIndexInfo, bool> match)
    {
        foreach (var index in Of(database).Where(match))
        {
            using var command = RawSqlite.Command(transaction, "DELETE FROM catalog_index WHERE db = $db AND name = $n");
            command.Parameters.AddWithValue("$db", database);
            command.Parameters.AddWithValue("$n", index.Name);
            command.ExecuteNonQuery();
            lock (_lock) _indexes.RemoveAll(i => i.Index == index);
        }
    }
}
