namespace Taos.Pooling;

/// <summary>
/// A pool's one timer: runs <see cref="SessionPool.MaintainAsync"/> every interval once started. It holds its pool
/// weakly, so that the pool of a data source nobody disposed nor references any more can be collected (the timer
/// then stops itself), and it does not capture the execution context of whoever made the pool.
/// </summary>
internal sealed class MaintenanceTimer : IDisposable
{
    private readonly WeakReference<SessionPool> _pool;
    private readonly ITimer _timer;

    public MaintenanceTimer(SessionPool pool, TimeProvider time)
    {
        _pool = new WeakReference<SessionPool>(pool);
        if (ExecutionContext.IsFlowSuppressed())
        {
            _timer = time.CreateTimer(static state => ((MaintenanceTimer)state!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        using (ExecutionContext.SuppressFlow())
        {
            _timer = time.CreateTimer(static state => ((MaintenanceTimer)state!).Tick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Runs the first round now and the next ones every <paramref name="interval"/>.</summary>
    public void Start(TimeSpan interval) => _timer.Change(TimeSpan.Zero, interval);

    public void Dispose() => _timer.Dispose();

    private void Tick()
    {
        if (_pool.TryGetTarget(out var pool))
        {
            _ = pool.MaintainAsync();
        }
        else
        {
            _timer.Dispose();
        }
    }
}
