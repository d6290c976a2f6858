using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Topics;

/// <summary>
/// One consumer of a consumer group: the topics it subscribed to and its position in each vgroup of each topic's
/// database. Positions start at the group's committed offset of that vgroup, else where <see cref="OffsetReset"/>
/// says; <see cref="Commit"/> stores them durably for the group. Offsets are the database's write sequence numbers
/// (shared by its vgroups; each vgroup keeps its own position). Not thread-safe: one connection drives it.
/// </summary>
internal sealed class TopicConsumer
{
    /// <summary>What <c>committed</c> reports when the group has no offset (TDengine's 0x80004011, no committed info).</summary>
    public const long NoCommittedOffset = -2147467247;

    private readonly IStore _store;
    private readonly TopicReader _reader;
    private readonly SubscriptionRegistry _registry;
    private Dictionary<(string Topic, int Vgroup), VgroupCursor> _cursors = [];
    private List<TopicInfo> _topics = [];
    private List<(TopicInfo Topic, int Vgroup, VgroupCursor Cursor)> _assigned = [];
    private int _next;
    private static long s_lastId = Random.Shared.NextInt64(1L << 40, 1L << 60);

    public TopicConsumer(IStore store, TopicReader reader, SubscriptionRegistry registry, string group, OffsetReset reset)
    {
        _store = store;
        _reader = reader;
        _registry = registry;
        Group = group;
        Reset = reset;
    }

    /// <summary>The consumer group.</summary>
    public string Group { get; }

    /// <summary>The consumer's id as perf_consumers shows it (<c>0x</c> and 16 hex digits, unique in the server's run).</summary>
    public string Id { get; } = "0x" + Interlocked.Increment(ref s_lastId).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The client id the subscriber gave (<c>client_id</c>), "" when none.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The subscription's options as perf_consumers shows them (<c>tbname:1,commit:0,interval:5000ms,reset:earliest</c>).</summary>
    public string Parameters { get; set; } = "";

    /// <summary>When the consumer was made (ms since the epoch).</summary>
    public long UpTime { get; } = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>When it last subscribed (ms since the epoch).</summary>
    public long SubscribeTime { get; private set; }

    /// <summary>Where a topic without a committed offset starts.</summary>
    public OffsetReset Reset { get; }

    /// <summary>The subscribed topics, in subscription order (empty after <see cref="Unsubscribe"/>).</summary>
    public IReadOnlyList<TopicInfo> Topics => _topics;

    /// <summary>Subscribes to the named topics; 993 (and nothing subscribed) when one does not exist.</summary>
    public void Subscribe(IReadOnlyList<string> names)
    {
        var all = _store.Topics();
        var topics = names.Select(n => all.FirstOrDefault(t => t.Name == n) ?? throw TopicErrors.NotExist()).ToList();
        var cursors = new Dictionary<(string Topic, int Vgroup), VgroupCursor>();
        var assigned = new List<(TopicInfo Topic, int Vgroup, VgroupCursor Cursor)>();
        foreach (var topic in topics)
        {
            foreach (int vgroup in VgroupIds(topic))
            {
                long? start = _store.CommittedOffset(Group, topic.Name, vgroup) ?? Reset switch
                {
                    OffsetReset.Earliest => 0,
                    OffsetReset.Latest => End(topic),
                    _ => null,
                };
                var cursor = new VgroupCursor { Position = start, Start = start ?? 0 };
                cursors[(topic.Name, vgroup)] = cursor;
                assigned.Add((topic, vgroup, cursor));
            }
        }
        _cursors = cursors;
        _assigned = assigned;
        _topics = topics;
        SubscribeTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        _registry.Add(this);
    }

    /// <summary>Drops the subscription (positions not committed are lost).</summary>
    public void Unsubscribe()
    {
        _registry.Remove(this);
        _topics = [];
        _assigned = [];
        _cursors = [];
    }

    /// <summary>
    /// The next message of any subscribed topic's vgroup (round robin), moving that vgroup's position past it (a
    /// commit keeps the position of a transaction whose DDL was consumed but not yet its rows: they come again); null
    /// when nothing new was written. 16401 when a vgroup has no position (reset <c>none</c> and nothing committed).
    /// </summary>
    public TopicMessage? Poll()
    {
        for (int tried = 0; tried < _assigned.Count; tried++)
        {
            var (topic, vgroup, cursor) = _assigned[_next++ % _assigned.Count];
            long position = cursor.Position ?? throw new TaosServerException(16401, "No committed info");
            while (_reader.Read(topic, vgroup, position, cursor.Part) is { } message)
            {
                cursor.Position = position = message.End;
                cursor.Part = message.EndPart;
                cursor.Rows += message.Blocks.Sum(b => b.Rows.Count);
                if (message.HasContent) return message;
            }
        }
        return null;
    }

    /// <summary>Commits every subscribed vgroup's position for the group, durably.</summary>
    public void Commit() => _store.Write(tx =>
    {
        foreach (var ((topic, vgroup), cursor) in _cursors)
        {
            if (cursor.Position is { } p) tx.CommitOffset(Group, topic, vgroup, p);
        }
        return 0;
    });

    /// <summary>Commits <paramref name="offset"/> for the group on a subscribed topic's vgroup.</summary>
    public void CommitOffset(string topic, int vgroup, long offset)
    {
        Require(topic, vgroup);
        _store.Write(tx =>
        {
            tx.CommitOffset(Group, topic, vgroup, offset);
            return 0;
        });
    }

    /// <summary>Moves a subscribed vgroup's position; the next poll of it reads from there.</summary>
    public void Seek(string topic, int vgroup, long offset)
    {
        var cursor = Require(topic, vgroup);
        cursor.Position = offset;
        cursor.Part = 0;
    }

    /// <summary>The position in a subscribed topic's vgroup (0 when it has none).</summary>
    public long Position(string topic, int vgroup) => Require(topic, vgroup).Position ?? 0;

    /// <summary>The group's committed offset on a topic's vgroup, or <see cref="NoCommittedOffset"/>.</summary>
    public long Committed(string topic, int vgroup) => _store.CommittedOffset(Group, topic, vgroup) ?? NoCommittedOffset;

    /// <summary>
    /// The topic's vgroups, each with the offset the consumer started it at and the range of offsets it can read.
    /// </summary>
    public IReadOnlyList<VgroupAssignment> Assignment(string topic)
    {
        var info = _topics.FirstOrDefault(t => t.Name == topic) ?? throw TopicErrors.NotExist();
        long end = End(info);
        return _assigned.Where(a => a.Topic.Name == topic)
            .Select(a => new VgroupAssignment(a.Vgroup, a.Cursor.Start, 0, end)).ToList();
    }

    /// <summary>Each subscribed vgroup with the consumer's position in it (null: none) and the rows it polled there.</summary>
    public IReadOnlyList<(string Topic, int Vgroup, long? Position, long Rows)> Positions() =>
        _assigned.Select(a => (a.Topic.Name, a.Vgroup, a.Cursor.Position, a.Cursor.Rows)).ToList();

    /// <summary>The offset after the last write to the topic's database.</summary>
    private long End(TopicInfo topic) => _store.LastSequence(topic.Database) + 1;

    private IReadOnlyList<int> VgroupIds(TopicInfo topic) =>
        _store.FindDatabase(topic.Database) is { } database ? Vgroups.Ids(_store, database) : [];

    private VgroupCursor Require(string topic, int vgroup)
    {
        if (_topics.All(t => t.Name != topic)) throw TopicErrors.NotExist();
        return _cursors.TryGetValue((topic, vgroup), out var cursor) ? cursor : throw TopicErrors.InvalidVgroup();
    }

    /// <summary>Where the consumer is in one vgroup: its position (null: none yet) and where it started.</summary>
    private sealed class VgroupCursor
    {
        public long? Position { get; set; }

        public long Start { get; init; }

        public long Rows { get; set; }

        /// <summary>The part of the write transaction at <see cref="Position"/> to read next (its DDL and rows are separate messages).</summary>
        public int Part { get; set; }
    }
}

/// <summary>One vgroup of a consumer's assignment: the offset it started at and the range of offsets it can read.</summary>
internal sealed record VgroupAssignment(int Vgroup, long Offset, long Begin, long End);
