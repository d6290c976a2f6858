using Microsoft.Data.Sqlite;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The offsets consumer groups committed, per topic and vgroup, in <c>tmq_vgroup_offset</c>, mirrored in memory. A
/// commit goes to SQLite inside the caller's transaction and to the mirror once it is durable. Offsets a data
/// directory kept per topic only (<c>tmq_offset</c>, from before databases had several vgroups) still count for
/// every vgroup of the topic until one is committed there: offsets are the database's write sequence numbers,
/// which every vgroup shares.
/// </summary>
internal sealed class ConsumerOffsets
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Group, string Topic, int Vgroup), long> _offsets = [];
    private readonly Dictionary<(string Group, string Topic), long> _perTopic = [];

    /// <summary>Creates <c>tmq_vgroup_offset</c> when missing and loads it (and the older <c>tmq_offset</c>).</summary>
    /// <param name="connection">The store's writer connection.</param>
    public ConsumerOffsets(SqliteConnection connection)
    {
        RawSqlite.Exec(connection, "CREATE TABLE IF NOT EXISTS tmq_offset (grp TEXT NOT NULL, topic TEXT NOT NULL, offset INTEGER NOT NULL, PRIMARY KEY (grp, topic))");
        RawSqlite.Exec(connection, "CREATE TABLE IF NOT EXISTS tmq_vgroup_offset (grp TEXT NOT NULL, topic TEXT NOT NULL, vg INTEGER NOT NULL, "
            + "offset INTEGER NOT NULL, PRIMARY KEY (grp, topic, vg))");
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT grp, topic, offset FROM tmq_offset";
            using var reader = command.ExecuteReader();
            while (reader.Read()) _perTopic[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT grp, topic, vg, offset FROM tmq_vgroup_offset";
            using var reader = command.ExecuteReader();
            while (reader.Read()) _offsets[(reader.GetString(0), reader.GetString(1), reader.GetInt32(2))] = reader.GetInt64(3);
        }
    }

    /// <summary>The committed offset of a group on a topic's vgroup, or null.</summary>
    public long? Find(string group, string topic, int vgroup)
    {
        lock (_lock)
        {
            if (_offsets.TryGetValue((group, topic, vgroup), out long offset)) return offset;
            return _perTopic.TryGetValue((group, topic), out offset) ? offset : null;
        }
    }

    /// <summary>The lowest offset any group committed on any vgroup of <paramref name="topics"/>, or null when none did.</summary>
    public long? Lowest(IReadOnlySet<string> topics)
    {
        lock (_lock)
        {
            var values = _offsets.Where(o => topics.Contains(o.Key.Topic)).Select(o => o.Value)
                .Concat(_perTopic.Where(o => topics.Contains(o.Key.Topic)).Select(o => o.Value)).ToList();
            return values.Count == 0 ? null : values.Min();
        }
    }

    /// <summary>Every (group, topic) with a committed offset, ordered.</summary>
    public IReadOnlyList<(string Group, string Topic)> Groups()
    {
        lock (_lock)
        {
            return _offsets.Keys.Select(k => (k.Group, k.Topic)).Concat(_perTopic.Keys).Distinct()
                .OrderBy(k => k.Topic, StringComparer.Ordinal).ThenBy(k => k.Group, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Deletes every offset of the (group, topic) pairs inside a transaction.</summary>
    public static void Delete(SqliteTransaction transaction, IReadOnlyCollection<(string Group, string Topic)> dropped)
    {
        foreach (var (group, topic) in dropped)
        {
            foreach (string table in new[] { "tmq_offset", "tmq_vgroup_offset" })
            {
                using var command = RawSqlite.Command(transaction, "DELETE FROM " + table + " WHERE grp = $g AND topic = $t");
                command.Parameters.AddWithValue("$g", group);
                command.Parameters.AddWithValue("$t", topic);
                command.ExecuteNonQuery();
            }
        }
    }

    /// <summary>Forgets the offsets of the (group, topic) pairs a committed transaction deleted.</summary>
    public void Forget(IReadOnlyCollection<(string Group, string Topic)> dropped)
    {
        lock (_lock)
        {
            foreach (var (group, topic) in dropped)
            {
                _perTopic.Remove((group, topic));
                foreach (var key in _offsets.Keys.Where(k => k.Group == group && k.Topic == topic).ToList()) _offsets.Remove(key);
            }
        }
    }

    /// <summary>Stores the offsets a transaction commits, inside it.</summary>
    public static void Save(SqliteTransaction transaction, IReadOnlyDictionary<(string Group, string Topic, int Vgroup), long> committed)
    {
        if (committed.Count == 0) return;
        using var command = RawSqlite.Command(transaction,
            "INSERT INTO tmq_vgroup_offset (grp, topic, vg, offset) VALUES ($g, $t, $v, $o) ON CONFLICT (grp, topic, vg) DO UPDATE SET offset = excluded.offset");
        var group = command.Parameters.Add("$g", SqliteType.Text);
        var topic = command.Parameters.Add("$t", SqliteType.Text);
        var vgroup = command.Parameters.Add("$v", SqliteType.Integer);
        var offset = command.Parameters.Add("$o", SqliteType.Integer);
        foreach (var ((g, t, v), o) in committed)
        {
            group.Value = g;
            topic.Value = t;
            vgroup.Value = v;
            offset.Value = o;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Makes a committed transaction's offsets visible.</summary>
    public void Publish(IReadOnlyDictionary<(string Group, string Topic, int Vgroup), long> committed)
    {
        lock (_lock)
        {
            foreach (var (key, offset) in committed) _offsets[key] = offset;
        }
    }
}
