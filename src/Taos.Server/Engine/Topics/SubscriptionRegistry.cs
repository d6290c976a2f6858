namespace Taos.Server.Engine.Topics;

/// <summary>
/// The live consumers with a subscription (a subscribed topic cannot be dropped, a consumer group in use cannot be
/// dropped; perf_consumers and ins_subscriptions list them). Thread-safe.
/// </summary>
internal sealed class SubscriptionRegistry
{
    private readonly Lock _lock = new();
    private readonly List<TopicConsumer> _consumers = [];

    /// <summary>Counts a consumer that subscribed (once, however often it subscribes again).</summary>
    public void Add(TopicConsumer consumer)
    {
        lock (_lock)
        {
            if (!_consumers.Contains(consumer)) _consumers.Add(consumer);
        }
    }

    /// <summary>Forgets a consumer that unsubscribed or closed.</summary>
    public void Remove(TopicConsumer consumer)
    {
        lock (_lock) _consumers.Remove(consumer);
    }

    /// <summary>The live consumers, in subscription order.</summary>
    public IReadOnlyList<TopicConsumer> Consumers()
    {
        lock (_lock) return [.. _consumers];
    }

    /// <summary>Whether a live consumer subscribes to <paramref name="topic"/>.</summary>
    public bool IsSubscribed(string topic) => Consumers().Any(c => c.Topics.Any(t => t.Name == topic));

    /// <summary>Whether a live consumer of <paramref name="group"/> subscribes to <paramref name="topic"/>.</summary>
    public bool IsUsed(string group, string topic) => Consumers().Any(c => c.Group == group && c.Topics.Any(t => t.Name == topic));
}
