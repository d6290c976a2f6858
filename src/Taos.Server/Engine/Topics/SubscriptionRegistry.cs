namespace Taos.Server.Engine.Topics;

/// <summary>Which topics live consumers subscribe to right now (a subscribed topic cannot be dropped). Thread-safe.</summary>
internal sealed class SubscriptionRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _consumers = new(StringComparer.Ordinal);

    /// <summary>Counts one more consumer of each topic.</summary>
    public void Add(IEnumerable<string> topics)
    {
        lock (_lock)
        {
            foreach (string topic in topics) _consumers[topic] = _consumers.GetValueOrDefault(topic) + 1;
        }
    }

    /// <summary>Counts one consumer less of each topic.</summary>
    public void Remove(IEnumerable<string> topics)
    {
        lock (_lock)
        {
            foreach (string topic in topics)
            {
                int left = _consumers.GetValueOrDefault(topic) - 1;
                if (left > 0) _consumers[topic] = left;
                else _consumers.Remove(topic);
            }
        }
    }

    /// <summary>Whether a live consumer subscribes to <paramref name="topic"/>.</summary>
    public bool IsSubscribed(string topic)
    {
        lock (_lock) return _consumers.ContainsKey(topic);
    }
}
