using System.Collections.Concurrent;
using Taos.Transport;

namespace Taos.Tests.Pooling;

/// <summary>A transport whose sessions count what the pool does with them; no network.</summary>
internal sealed class CountingTransport : ITaosTransport
{
    private int _created;
    private int _disposed;

    public Uri Endpoint { get; } = new("http://pool.test/");

    /// <summary>Every session made, in order.</summary>
    public ConcurrentQueue<CountingSession> Sessions { get; } = new();

    /// <summary>When set, opening a session throws it.</summary>
    public Exception? OpenFailure { get; set; }

    public int Created => Volatile.Read(ref _created);

    public int Disposed => Volatile.Read(ref _disposed);

    /// <summary>Sessions made and not disposed.</summary>
    public int Alive => Created - Disposed;

    public ITaosSession CreateSession(string? database)
    {
        var session = new CountingSession(this, database);
        Interlocked.Increment(ref _created);
        Sessions.Enqueue(session);
        return session;
    }

    internal void SessionDisposed() => Interlocked.Increment(ref _disposed);

    public void Dispose()
    {
    }
}

/// <summary>A session that records its opens, database changes and disposal, and can be told it broke.</summary>
internal sealed class CountingSession(CountingTransport transport, string? database) : ITaosSession
{
    private int _inUse;

    public string? Database { get; private set; } = database;

    public string? ServerVersion => "3.3.0.1";

    public bool IsBroken { get; set; }

    public bool Disposed { get; private set; }

    public bool OpenedWithVerify { get; private set; }

    public int DatabaseChanges { get; private set; }

    /// <summary>Marks the session taken by one user; false when another user holds it already.</summary>
    public bool TryEnter() => Interlocked.CompareExchange(ref _inUse, 1, 0) == 0;

    public void Leave() => Volatile.Write(ref _inUse, 0);

    public ValueTask OpenAsync(bool verify, TimeSpan timeout, bool async, CancellationToken cancellationToken)
    {
        if (transport.OpenFailure is { } failure) throw failure;
        OpenedWithVerify = verify;
        return default;
    }

    public ValueTask<ITaosResult> ExecuteAsync(TaosRequest request, bool async, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The pool tests run no statements.");

    public ValueTask<long?> InsertSchemalessAsync(SchemalessRequest request, bool async, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The pool tests write no schemaless data.");

    public ValueTask ChangeDatabaseAsync(string database, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        DatabaseChanges++;
        Database = database;
        return default;
    }

    public void Dispose()
    {
        if (Disposed) return;
        Disposed = true;
        transport.SessionDisposed();
    }
}
