using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Topics;

/// <summary>
/// One consumer of a consumer group: the topics it subscribed to and its position in each (one vgroup per
/// database, so one position per topic). Positions start at the group's committed offset, else where
/// <see cref="OffsetReset"/> says; <see cref="Commit"/> stores them durably for the group. Not thread-safe: one
/// connection drives it.
/// </summary>
internal sealed class TopicConsumer
{
    /// <summary>What <c>committed</c> reports when the group has no offset (TDengine's 0x80004011, no committed info).</summary>
    public const long NoCommittedOffset = -2147467247;

    /// <summary>The vgroup id every topic's single vgroup reports.</summary>
    public const int VgroupId = 2;

    private readonly IStore _store;
    private readonly TopicReader _reader;
    private readonly SubscriptionRegistry _registry;
    private readonly Dictionary<string, long?> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _starts = new(StringComparer.Ordinal);
    private List<TopicInfo> _topics = [];
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
        _positions.Clear();
        _starts.Clear();
        foreach (var topic in topics)
        {
            long? start = _store.CommittedOffset(Group, topic.Name) ?? Reset switch
            {
                OffsetReset.Earliest => 0,
                OffsetReset.Latest => End(topic),
                _ => null,
            };
            _positions[topic.Name] = start;
            _starts[topic.Name] = start ?? 0;
        }
        _registry.Add(topics.Select(t => t.Name));
    }

    /// <summary>Drops the subscription (positions not committed are lost).</summary>
    public void Unsubscribe()
    {
        _registry.Remove(_topics.Select(t => t.Name));
        _topics = [];
        _positions.Clear();
        _starts.Clear();
    }

    /// <summary>
    /// The next message of any subscribed topic (round robin), moving that topic's position past it; null when
    /// nothing new was written. 16401 when a topic has no position (reset <c>none</c> and nothing committed).
    /// </summary>
    public TopicMessage? Poll()
    {
        for (int tried = 0; tried < _topics.Count; tried++)
        {
            var topic = _topics[_next++ % _topics.Count];
            long position = _positions[topic.Name] ?? throw new TaosServerException(16401, "No committed info");
            while (_reader.Read(topic, position) is { } message)
            {
                _positions[topic.Name] = position = message.End;
                if (message.Blocks.Count > 0) return message;
            }
        }
        return null;
    }

    /// <summary>Commits every subscribed topic's position for the group, durably.</summary>
    public void Commit() => _store.Write(tx =>
    {
        foreach (var (topic, position) in _positions)
        {
            if (position is { } p) tx.CommitOffset(Group, topic, p);
        }
        return 0;
    });

    /// <summary>Commits <paramref name="offset"/> for the group on a subscribed topic.</summary>
    public void CommitOffset(string topic, long offset)
    {
        Require(topic);
        _store.Write(tx =>
        {
            tx.CommitOffset(Group, topic, offset);
            return 0;
        });
    }

    /// <summary>Moves a subscribed topic's position; the next poll reads from there.</summary>
    public void Seek(string topic, long offset)
    {
        Require(topic);
        _positions[topic] = offset;
    }

    /// <summary>The position in a subscribed topic (0 when it has none).</summary>
    public long Position(string topic)
    {
        Require(topic);
        return _positions[topic] ?? 0;
    }

    /// <summary>The group's committed offset on a topic, or <see cref="NoCommittedOffset"/>.</summary>
    public long Committed(string topic) => _store.CommittedOffset(Group, topic) ?? NoCommittedOffset;

    /// <summary>The offset the consumer started the topic at, and the range of offsets it can read.</summary>
    public (long Offset, long Begin, long End) Assignment(string topic)
    {
        var info = Require(topic);
        return (_starts[topic], 0, End(info));
    }

    /// <summary>The offset after the last write to the topic's database.</summary>
    private long End(TopicInfo topic) => _store.LastSequence(topic.Database) + 1;

    private TopicInfo Require(string topic) => _topics.FirstOrDefault(t => t.Name == topic) ?? throw TopicErrors.NotExist();
}
