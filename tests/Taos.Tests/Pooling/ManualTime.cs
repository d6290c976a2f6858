namespace Taos.Tests.Pooling;

/// <summary>A clock the test moves by hand; its timers never fire on their own (the test runs the pool's round).</summary>
internal sealed class ManualTime : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    /// <summary>The period the last timer made was set to, or null before it was started.</summary>
    public TimeSpan? TimerPeriod { get; private set; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new Timer(this);

    private sealed class Timer(ManualTime owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.TimerPeriod = dueTime == global::System.Threading.Timeout.InfiniteTimeSpan ? null : period;
            return true;
        }

        public void Dispose() => owner.TimerPeriod = null;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
