using System.Text.Json;
using Microsoft.Data.Sqlite;
using Taos.Server.Engine.Topics;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The topics: one row per topic in <c>catalog_topic</c> (the topic as JSON, <c>seq</c> keeping creation order),
/// mirrored in memory. Changes go to SQLite inside the caller's transaction and to the mirror at once; after a
/// rollback the mirror is rebuilt with <see cref="Load"/>.
/// </summary>
internal sealed class TopicTables
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private List<(TopicInfo Topic, long Order)> _topics = [];

    /// <summary>Creates <c>catalog_topic</c> when missing and loads it.</summary>
    /// <param name="connection">The store's writer connection.</param>
    public TopicTables(SqliteConnection connection)
    {
        _connection = connection;
        RawSqlite.Exec(connection, "CREATE TABLE IF NOT EXISTS catalog_topic (name TEXT PRIMARY KEY, seq INTEGER NOT NULL, topic TEXT NOT NULL)");
        Load();
    }

    /// <summary>Rebuilds the mirror from the committed rows.</summary>
    public void Load()
    {
        var topics = new List<(TopicInfo, long)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT seq, topic FROM catalog_topic ORDER BY seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var topic = JsonSerializer.Deserialize<TopicInfo>(reader.GetString(1)) ?? throw new InvalidDataException("catalog_topic holds an empty topic");
                topics.Add((topic, reader.GetInt64(0)));
            }
        }
        lock (_lock) _topics = topics;
    }

    /// <summary>All topics in creation order.</summary>
    public IReadOnlyList<TopicInfo> All()
    {
        lock (_lock) return _topics.Select(t => t.Topic).ToList();
    }

    public void Save(SqliteTransaction transaction, TopicInfo topic)
    {
        long order;
        lock (_lock) order = _topics.Count == 0 ? 1 : _topics.Max(t => t.Order) + 1;
        using (var command = RawSqlite.Command(transaction, "INSERT INTO catalog_topic (name, seq, topic) VALUES ($n, $s, $t)"))
        {
            command.Parameters.AddWithValue("$n", topic.Name);
            command.Parameters.AddWithValue("$s", order);
            command.Parameters.AddWithValue("$t", JsonSerializer.Serialize(topic));
            command.ExecuteNonQuery();
        }
        lock (_lock) _topics = [.. _topics, (topic, order)];
    }

    public void Remove(SqliteTransaction transaction, string name)
    {
        using (var command = RawSqlite.Command(transaction, "DELETE FROM catalog_topic WHERE name = $n"))
        {
            command.Parameters.AddWithValue("$n", name);
            command.ExecuteNonQuery();
        }
        lock (_lock) _topics = _topics.Where(t => t.Topic.Name != name).ToList();
    }
}
