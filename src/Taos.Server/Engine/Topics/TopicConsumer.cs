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
    private readonly Dictionary<(string Topic, int Vgroup), VgroupCursor> _cursors = [];
    private List<TopicInfo> _topics = [];
    private List<(TopicInfo Topic, int Vgroup)> _assigned = [];
    private int _next;

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

    /// <summary>Where a topic without a committed offset starts.</summary>
    public OffsetReset Reset { get; }

    /// <summary>The subscribed topics, in subscription order (empty after <see cref="Unsubscribe"/>).</summary>
    public IReadOnlyList<TopicInfo> Topics => _topics;

    /// <summary>Subscribes to the named topics; 993 (and nothing subscribed) when one does not exist.</summary>
    public void Subscribe(IReadOnlyList<string> names)
    {
        var all = _store.Topics();
        var topics = names.Select(n => all.FirstOrDefault(t => t.Name == n) ?? throw TopicErrors.NotExist()).ToList();
        _topics = topics;
        _cursors.Clear();
        _assigned = [];
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
                _cursors[(topic.Name, vgroup)] = new VgroupCursor { Position = start, Start = start ?? 0 };
                _assigned.Add((topic, vgroup));
            }
        }
        _registry.Add(topics.Select(t => t.Name));
    }

    /// <summary>Drops the subscription (positions not committed are lost).</summary>
    public void Unsubscribe()
    {
        _registry.Remove(_topics.Select(t => t.Name));
        _topics = [];
        _assigned = [];
        _cursors.Clear();
    }

    /// <summary>
    /// The next message of any subscribed topic's vgroup (round robin), moving that vgroup's position past it; null
    /// when nothing new was written. 16401 when a vgroup has no position (reset <c>none</c> and nothing committed).
    /// </summary>
    public TopicMessage? Poll()
    {
        for (int tried = 0; tried < _assigned.Count; tried++)
        {
            var (topic, vgroup) = _assigned[_next++ % _assigned.Count];
            var cursor = _cursors[(topic.Name, vgroup)];
            long position = cursor.Position ?? throw new TaosServerException(16401, "No committed info");
            while (_reader.Read(topic, vgroup, position) is { } message)
            {
                cursor.Position = position = message.End;
                if (message.Blocks.Count > 0) return message;
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
    public void Seek(string topic, int vgroup, long offset) => Require(topic, vgroup).Position = offset;

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
            .Select(a => new VgroupAssignment(a.Vgroup, _cursors[(topic, a.Vgroup)].Start, 0, end)).ToList();
    }

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
    }
}

/// <summary>One vgroup of a consumer's assignment: the offset it started at and the range of offsets it can read.</summary>
internal sealed record VgroupAssignment(int Vgroup, long Offset, long Begin, long End);
