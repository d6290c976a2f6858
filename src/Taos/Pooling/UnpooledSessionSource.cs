using Taos.Transport;

namespace Taos.Pooling;

/// <summary>The sessions of a data source with <c>Pooling=false</c>: each open opens a new session, each close disposes it.</summary>
internal sealed class UnpooledSessionSource(ITaosTransport transport, TimeProvider time) : ISessionSource
{
    private volatile bool _disposed;

    public async ValueTask<PooledSession> RentAsync(string? database, bool verify, TimeSpan timeout, bool async, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, typeof(TaosDataSource));
        var session = transport.CreateSession(database);
        try
        {
            await session.OpenAsync(verify, timeout, async, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            session.Dispose();
            throw;
        }
        return new PooledSession(session, verify, time.GetTimestamp(), 0);
    }

    public ValueTask ReturnAsync(PooledSession session, bool async)
    {
        session.Session.Dispose();
        return default;
    }

    /// <summary>Nothing to clear: no session is kept.</summary>
    public void Clear()
    {
    }

    public void Dispose() => _disposed = true;
}
