using Taos.Transport;

namespace Taos.Pooling;

/// <summary>A session together with what its pool needs to know about it: its age, its check, and its pool generation.</summary>
internal sealed class PooledSession(ITaosSession session, bool verified, long createdAt, int generation)
{
    /// <summary>The transport's session.</summary>
    public ITaosSession Session { get; } = session;

    /// <summary>True when the session was opened with the server and credentials checked.</summary>
    public bool Verified { get; } = verified;

    /// <summary>When the session was opened (a <see cref="TimeProvider.GetTimestamp"/> value).</summary>
    public long CreatedAt { get; } = createdAt;

    /// <summary>The pool's generation when the session was opened; a cleared pool does not take it back.</summary>
    public int Generation { get; } = generation;

    /// <summary>When the session was last returned to the pool (a <see cref="TimeProvider.GetTimestamp"/> value).</summary>
    public long IdleSince { get; set; }
}
