using System.Globalization;
using System.Runtime.CompilerServices;
using Taos.Transport;

namespace Taos.Pooling;

/// <summary>
/// A data source's pool of open sessions (one per WebSocket over WebSocket; over REST a session is cheap, but a pooled
/// one keeps its verified open). A connection's open takes the most recently returned idle session, or opens a new one
/// while fewer than <c>MaxPoolSize</c> exist, or waits (asynchronously in the async path) up to its timeout for one to
/// be returned. A returned session is reset to the connection string's default database and kept, unless it is
/// broken (<see cref="ITaosSession.IsBroken"/>), older than <c>ConnectionLifetime</c>, or the pool was cleared or
/// disposed meanwhile. One timer per pool closes the sessions idle for <c>ConnectionIdleLifetime</c> beyond
/// <c>MinPoolSize</c> and opens sessions until <c>MinPoolSize</c> exist. Thread-safe.
/// </summary>
internal sealed class SessionPool : ISessionSource
{
    // Every pool not yet disposed nor collected, for TaosConnection.ClearAllPools.
    private static readonly ConditionalWeakTable<SessionPool, object?> Live = new();

    private readonly ITaosTransport _transport;
    private readonly SessionPoolOptions _options;
    private readonly TimeProvider _time;
    // One permit per session that may be in use: a permit is held from a rent to its return.
    private readonly SemaphoreSlim _permits;
    // Idle sessions, the longest idle first; a rent takes the last one.
    private readonly List<PooledSession> _idle = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _disposing = new();
    private readonly MaintenanceTimer _timer;
    private int _total;
    private int _generation;
    private int _maintenanceStarted;
    private int _maintaining;
    private volatile bool _disposed;

    /// <summary>Creates an empty pool; its timer (<see cref="MaintenanceTimer"/>) starts with the first rent.</summary>
    public SessionPool(ITaosTransport transport, SessionPoolOptions options, TimeProvider time)
    {
        _transport = transport;
        _options = options;
        _time = time;
        _permits = new SemaphoreSlim(options.MaxPoolSize, options.MaxPoolSize);
        _timer = new MaintenanceTimer(this, time);
        Live.Add(this, null);
    }

    /// <summary>Sessions open now, idle and in use (and being opened).</summary>
    internal int Total
    {
        get
        {
            lock (_lock) return _total;
        }
    }

    /// <summary>Sessions waiting in the pool.</summary>
    internal int Idle
    {
        get
        {
            lock (_lock) return _idle.Count;
        }
    }

    /// <summary>Clears every pool not yet disposed (<see cref="TaosConnection.ClearAllPools"/>).</summary>
    public static void ClearAll()
    {
        foreach (var (pool, _) in Live)
        {
            pool.Clear();
        }
    }

    public async ValueTask<PooledSession> RentAsync(string? database, bool verify, TimeSpan timeout, bool async, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, typeof(TaosDataSource));
        StartMaintenance();
        await AcquirePermitAsync(timeout, async, cancellationToken).ConfigureAwait(false);
        PooledSession? pooled = null;
        try
        {
            pooled = await TakeOrOpenAsync(verify, timeout, async, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(database) && !string.Equals(database, pooled.Session.Database, StringComparison.Ordinal))
            {
                await pooled.Session.ChangeDatabaseAsync(database, async, cancellationToken).ConfigureAwait(false);
            }
            return pooled;
        }
        catch
        {
            if (pooled is not null) Destroy(pooled);
            _permits.Release();
            throw;
        }
    }

    public async ValueTask ReturnAsync(PooledSession session, bool async)
    {
        try
        {
            if (IsReusable(session) && await TryResetAsync(session, async).ConfigureAwait(false) && TryPark(session))
            {
                return;
            }
            Destroy(session);
        }
        finally
        {
            _permits.Release();
        }
    }

    /// <summary>Disposes the idle sessions and marks the ones in use to be disposed when they come back.</summary>
    public void Clear()
    {
        List<PooledSession> dropped;
        lock (_lock)
        {
            _generation++;
            dropped = TakeAllIdle();
        }
        DisposeAll(dropped);
    }

    /// <summary>Disposes the idle sessions, wakes the opens waiting for one (they throw <see cref="ObjectDisposedException"/>), and disposes the ones in use when they come back.</summary>
    public void Dispose()
    {
        List<PooledSession> dropped;
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            dropped = TakeAllIdle();
        }
        Live.Remove(this);
        _timer.Dispose();
        _disposing.Cancel();
        DisposeAll(dropped);
    }

    /// <summary>One maintenance round: closes idle sessions past their time, then opens sessions up to <c>MinPoolSize</c>.</summary>
    internal async Task MaintainAsync()
    {
        if (Interlocked.Exchange(ref _maintaining, 1) == 1) return;
        try
        {
            Prune();
            await WarmUpAsync().ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _maintaining, 0);
        }
    }

    /// <summary>
    /// Closes the idle sessions that are broken, older than <c>ConnectionLifetime</c> or from before a clear, and the
    /// ones idle for <c>ConnectionIdleLifetime</c> while more than <c>MinPoolSize</c> sessions are open.
    /// </summary>
    internal void Prune()
    {
        var dropped = new List<PooledSession>();
        lock (_lock)
        {
            for (int i = 0; i < _idle.Count;)
            {
                var pooled = _idle[i];
                bool idleTooLong = _options.IdleLifetime > TimeSpan.Zero && _total - dropped.Count > _options.MinPoolSize &&
                    _time.GetElapsedTime(pooled.IdleSince) >= _options.IdleLifetime;
                if (idleTooLong || !IsReusable(pooled))
                {
                    dropped.Add(pooled);
                    _idle.RemoveAt(i);
                }
                else
                {
                    i++;
                }
            }
            _total -= dropped.Count;
        }
        DisposeAll(dropped);
    }

    private void StartMaintenance()
    {
        if (_options.NeedsMaintenance && Interlocked.Exchange(ref _maintenanceStarted, 1) == 0)
        {
            // The first round runs at once, so that MinPoolSize sessions are warm soon after the first open.
            _timer.Start(_options.MaintenanceInterval);
        }
    }

    private async ValueTask AcquirePermitAsync(TimeSpan timeout, bool async, CancellationToken cancellationToken)
    {
        if (!_permits.Wait(0))
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
            bool acquired;
            try
            {
                acquired = async
                    ? await _permits.WaitAsync(timeout, linked.Token).ConfigureAwait(false)
                    : _permits.Wait(timeout, linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ObjectDisposedException(typeof(TaosDataSource).FullName);
            }
            if (!acquired) throw Exhausted(timeout);
        }
        if (_disposed)
        {
            _permits.Release();
            throw new ObjectDisposedException(typeof(TaosDataSource).FullName);
        }
    }

    private TaosException Exhausted(TimeSpan timeout)
    {
        string wait = timeout == Timeout.InfiniteTimeSpan ? "ever" : timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
        string message = string.Create(CultureInfo.InvariantCulture,
            $"The connection pool is exhausted: all {_options.MaxPoolSize} sessions (MaxPoolSize) are in use and none was returned within the Timeout ({wait}). ") +
            "Close or dispose connections and data source commands sooner, or raise MaxPoolSize or Timeout in the connection string.";
        return new TaosException(message, innerException: new TimeoutException(message));
    }

    /// <summary>With a permit held: the most recently returned usable idle session, else a new one.</summary>
    private async ValueTask<PooledSession> TakeOrOpenAsync(bool verify, TimeSpan timeout, bool async, CancellationToken cancellationToken)
    {
        while (true)
        {
            PooledSession? idle = null;
            int generation;
            lock (_lock)
            {
                if (_idle.Count > 0)
                {
                    idle = _idle[^1];
                    _idle.RemoveAt(_idle.Count - 1);
                }
                else
                {
                    _total++;
                }
                generation = _generation;
            }
            if (idle is null)
            {
                return await OpenNewAsync(verify, generation, timeout, async, cancellationToken).ConfigureAwait(false);
            }
            // An open that checks the server does not take a session opened without the check: a new one checks it.
            if (IsReusable(idle) && (idle.Verified || !verify))
            {
                return idle;
            }
            Destroy(idle);
        }
    }

    /// <summary>Opens a session counted in <see cref="_total"/> already; uncounts it when the open fails.</summary>
    private async ValueTask<PooledSession> OpenNewAsync(bool verify, int generation, TimeSpan timeout, bool async, CancellationToken cancellationToken)
    {
        ITaosSession? session = null;
        try
        {
            session = _transport.CreateSession(_options.Database);
            await session.OpenAsync(verify, timeout, async, cancellationToken).ConfigureAwait(false);
            return new PooledSession(session, verify, _time.GetTimestamp(), generation);
        }
        catch
        {
            session?.Dispose();
            lock (_lock) _total--;
            throw;
        }
    }

    private bool IsReusable(PooledSession pooled) =>
        !pooled.Session.IsBroken && pooled.Generation == Volatile.Read(ref _generation) &&
        (_options.Lifetime <= TimeSpan.Zero || _time.GetElapsedTime(pooled.CreatedAt) < _options.Lifetime);

    /// <summary>
    /// Puts the session back on the connection string's default database (a session that has one cannot go back to
    /// none); false when that is impossible or fails, and the session is then disposed instead of pooled.
    /// </summary>
    private async ValueTask<bool> TryResetAsync(PooledSession pooled, bool async)
    {
        var session = pooled.Session;
        string? database = string.IsNullOrEmpty(session.Database) ? null : session.Database;
        if (string.Equals(database, _options.Database, StringComparison.Ordinal)) return true;
        if (_options.Database is null) return false;
        using var timeout = new CancellationTokenSource(_options.Timeout);
        try
        {
            await session.ChangeDatabaseAsync(_options.Database, async, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is TaosException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            return false;
        }
    }

    /// <summary>Keeps a returned session as idle, unless the pool was disposed or cleared since it was opened or the session broke.</summary>
    private bool TryPark(PooledSession pooled)
    {
        lock (_lock)
        {
            if (_disposed || pooled.Generation != _generation || pooled.Session.IsBroken) return false;
            pooled.IdleSince = _time.GetTimestamp();
            _idle.Add(pooled);
            return true;
        }
    }

    private void Destroy(PooledSession pooled)
    {
        lock (_lock) _total--;
        pooled.Session.Dispose();
    }

    private List<PooledSession> TakeAllIdle()
    {
        var all = new List<PooledSession>(_idle);
        _idle.Clear();
        _total -= all.Count;
        return all;
    }

    private static void DisposeAll(List<PooledSession> sessions)
    {
        foreach (var pooled in sessions)
        {
            pooled.Session.Dispose();
        }
    }

    /// <summary>Opens idle sessions, each under a permit like a rent, until <c>MinPoolSize</c> sessions exist.</summary>
    private async Task WarmUpAsync()
    {
        while (!_disposed && _permits.Wait(0))
        {
            try
            {
                int generation;
                lock (_lock)
                {
                    if (_total >= _options.MinPoolSize) return;
                    _total++;
                    generation = _generation;
                }
                var pooled = await OpenNewAsync(verify: true, generation, _options.Timeout, async: true, CancellationToken.None).ConfigureAwait(false);
                if (!TryPark(pooled)) Destroy(pooled);
            }
            catch (Exception e) when (e is TaosException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                // The server cannot be reached now: the next round tries again, and an open reports the cause.
                return;
            }
            finally
            {
                _permits.Release();
            }
        }
    }
}
