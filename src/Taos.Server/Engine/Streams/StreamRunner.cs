using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Streams;

/// <summary>
/// The background worker that computes a server's streams: it wakes when told that something was written (and
/// every <see cref="PollInterval"/>, which also catches writes it was not told about and MAX_DELAY deadlines) and
/// steps every stream that is not paused and has new rows in its source database's write log, pending ranges that
/// are due, or was just created, resumed or had rows deleted (<see cref="Kick"/>). Stream commands run under the
/// same gate (<see cref="Exclusive{T}"/>), so a command and a step never interleave.
/// </summary>
internal sealed class StreamRunner : IDisposable
{
    /// <summary>How often the worker looks for work it was not told about.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly IStore _store;
    private readonly StreamProcessor _processor;
    private readonly Lock _gate = new();
    private readonly object _passes = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;
    private readonly HashSet<string> _kicked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);
    private readonly Thread _loop;
    private long _passesStarted;
    private long _passesDone;

    /// <summary>Starts the worker over <paramref name="store"/>; every stored stream is stepped once at start.</summary>
    public StreamRunner(IStore store, TimeZoneInfo zone)
    {
        _store = store;
        _processor = new StreamProcessor(store, zone);
        foreach (var stream in store.Streams()) _kicked.Add(stream.Name);
        // A thread of its own: a pass blocks on queries and writes, and must not borrow the pool threads requests run on.
        _loop = new Thread(Loop) { IsBackground = true, Name = "taos-streams" };
        _loop.Start();
    }

    /// <summary>Runs <paramref name="work"/> while no stream step runs (stream commands change what steps read and save).</summary>
    public T Exclusive<T>(Func<T> work)
    {
        lock (_gate) return work();
    }

    /// <summary>Has the named stream stepped on the next pass even without new writes, and wakes the worker.</summary>
    public void Kick(string name)
    {
        lock (_kicked) _kicked.Add(name);
        Notify();
    }

    /// <summary>Wakes the worker (something was written).</summary>
    public void Notify()
    {
        try
        {
            if (_wake.CurrentCount == 0) _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another writer woke it in between: once is enough.
        }
        catch (ObjectDisposedException)
        {
            // The server is stopping.
        }
    }

    /// <summary>
    /// Waits until a pass that started after this call has finished, so every write committed before the call is
    /// processed (tests wait with this instead of sleeping); false when <paramref name="timeout"/> passed first.
    /// </summary>
    internal bool WaitIdle(TimeSpan timeout)
    {
        long target;
        lock (_passes) target = _passesStarted + 1;
        Notify();
        var deadline = DateTime.UtcNow + timeout;
        lock (_passes)
        {
            while (_passesDone < target)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_passes, left)) return _passesDone >= target;
            }
        }
        return true;
    }

    /// <summary>The error the named stream's last step failed with, or null.</summary>
    internal string? Failure(string name)
    {
        lock (_failures) return _failures.GetValueOrDefault(name);
    }

    private void Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                _wake.Wait(PollInterval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Pass();
        }
    }

    /// <summary>Steps every stream that has work.</summary>
    private void Pass()
    {
        long started;
        lock (_passes) started = ++_passesStarted;
        lock (_gate)
        {
            foreach (var stream in _store.Streams())
            {
                if (_stop.IsCancellationRequested) break;
                Step(stream);
            }
        }
        lock (_passes)
        {
            _passesDone = Math.Max(_passesDone, started);
            Monitor.PulseAll(_passes);
        }
    }

    private void Step(StreamInfo stream)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        bool kicked;
        lock (_kicked) kicked = _kicked.Remove(stream.Name);
        if (stream.Paused) return;
        if (!kicked && _store.LastSequence(stream.SourceDatabase) <= stream.Progress && !stream.Pending.Any(p => StreamProcessor.IsDelayDue(stream, p, now)))
            return;
        try
        {
            _processor.Step(stream, now);
            lock (_failures) _failures.Remove(stream.Name);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A stream that cannot be computed (its target changed, a value does not fit, …) must not stop the others
            // or the server: it is retried on the next pass and its error kept for inspection.
            lock (_failures) _failures[stream.Name] = e.Message;
            lock (_kicked) _kicked.Add(stream.Name);
        }
    }

    /// <summary>Stops the worker and waits for its pass to end; a second call does nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stop.Cancel();
        _loop.Join();
        _stop.Dispose();
        _wake.Dispose();
    }
}
