using Taos.Transport;

namespace Taos.Pooling;

/// <summary>
/// Where a data source's connections get their sessions: its <see cref="SessionPool"/>, or with <c>Pooling=false</c>
/// an <see cref="UnpooledSessionSource"/> that opens a session per open and disposes it on close. Thread-safe.
/// </summary>
internal interface ISessionSource : IDisposable
{
    /// <summary>
    /// Hands out an open session whose default database is <paramref name="database"/> (null: the connection
    /// string's). With <paramref name="verify"/> the session has checked the server and credentials. Waits at most
    /// <paramref name="timeout"/> for a free session and gives the same time to open a new one.
    /// </summary>
    /// <exception cref="TaosException">The server cannot be reached, rejects the credentials, or no session became free in time.</exception>
    /// <exception cref="ObjectDisposedException">The data source is disposed.</exception>
    ValueTask<PooledSession> RentAsync(string? database, bool verify, TimeSpan timeout, bool async, CancellationToken cancellationToken);

    /// <summary>Takes back a session handed out by <see cref="RentAsync"/>: it is reset and kept for the next open, or disposed.</summary>
    ValueTask ReturnAsync(PooledSession session, bool async);

    /// <summary>Disposes the idle sessions; the ones in use are disposed when they come back.</summary>
    void Clear();
}
