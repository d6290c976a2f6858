using Microsoft.Data.Sqlite;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The offsets consumer groups committed, per topic (one vgroup per database), in <c>tmq_offset</c>, mirrored in
/// memory. A commit goes to SQLite inside the caller's transaction and to the mirror once it is durable.
/// </summary>
internal sealed class ConsumerOffsets
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Group, string Topic), long> _offsets = [];

    /// <summary>Creates <c>tmq_offset</c> when missing and loads it.</summary>
    /// <param name="connection">The store's writer connection.</param>
    public ConsumerOffsets(SqliteConnection connection)
    {
        RawSqlite.Exec(connection, "CREATE TABLE IF NOT EXISTS tmq_offset (grp TEXT NOT NULL, topic TEXT NOT NULL, offset INTEGER NOT NULL, PRIMARY KEY (grp, topic))");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT grp, topic, offset FROM tmq_offset";
        using var reader = command.ExecuteReader();
        while (reader.Read()) _offsets[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
    }

    /// <summary>The committed offset of a group on a topic, or null.</summary>
    public long? Find(string group, string topic)
    {
        lock (_lock) return _offsets.TryGetValue((group, topic), out long offset) ? offset : null;
    }

    /// <summary>Stores the offsets a transaction commits, inside it.</summary>
    public static void Save(SqliteTransaction transaction, IReadOnlyDictionary<(string Group, string Topic), long> committed)
    {
        if (committed.Count == 0) return;
        using var command = RawSqlite.Command(transaction,
            "INSERT INTO tmq_offset (grp, topic, offset) VALUES ($g, $t, $o) ON CONFLICT (grp, topic) DO UPDATE SET offset = excluded.offset");
        var group = command.Parameters.Add("$g", SqliteType.Text);
        var topic = command.Parameters.Add("$t", SqliteType.Text);
        var offset = command.Parameters.Add("$o", SqliteType.Integer);
        foreach (var ((g, t), o) in committed)
        {
            group.Value = g;
            topic.Value = t;
            offset.Value = o;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Makes a committed transaction's offsets visible.</summary>
    public void Publish(IReadOnlyDictionary<(string Group, string Topic), long> committed)
    {
        lock (_lock)
        {
            foreach (var (key, offset) in committed) _offsets[key] = offset;
        }
    }
}
