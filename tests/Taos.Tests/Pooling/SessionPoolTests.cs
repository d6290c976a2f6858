using System.Diagnostics;
using System.Runtime.CompilerServices;
using Taos.Pooling;

namespace Taos.Tests.Pooling;

/// <summary>The pool's bookkeeping, over a counting transport and a hand-moved clock.</summary>
public class SessionPoolTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private readonly CountingTransport _transport = new();
    private readonly ManualTime _time = new();

    private SessionPool Pool(int min = 0, int max = 10, int idleSeconds = 300, int lifetimeSeconds = 0, string? database = "db") =>
        new(_transport, new SessionPoolOptions(true, min, max, TimeSpan.FromSeconds(idleSeconds), TimeSpan.FromSeconds(lifetimeSeconds), database, Wait), _time);

    private static ValueTask<PooledSession> Rent(SessionPool pool, string? database = null, bool verify = true, bool async = true, TimeSpan? timeout = null) =>
        pool.RentAsync(database, verify, timeout ?? Wait, async, CancellationToken.None);

    private static CountingSession Counting(PooledSession pooled) => (CountingSession)pooled.Session;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_returned_session_is_handed_out_again_instead_of_a_new_one(bool async)
    {
        using var pool = Pool();
        var first = await Rent(pool, async: async);
        await pool.ReturnAsync(first, async);
        var second = await Rent(pool, async: async);
        Assert.Same(first, second);
        Assert.Equal(1, _transport.Created);
        Assert.Equal(0, _transport.Disposed);
        Assert.Equal((1, 0), (pool.Total, pool.Idle));
    }

    [Fact]
    public async Task The_most_recently_returned_session_goes_first()
    {
        using var pool = Pool();
        var a = await Rent(pool);
        var b = await Rent(pool);
        await pool.ReturnAsync(a, true);
        await pool.ReturnAsync(b, true);
        Assert.Same(b, await Rent(pool));
        Assert.Same(a, await Rent(pool));
        Assert.Equal(2, _transport.Created);
    }

    [Fact]
    public async Task A_session_is_rented_on_the_asked_database_and_returned_on_the_connection_strings()
    {
        using var pool = Pool(database: "db");
        var pooled = await Rent(pool, database: "db");
        Assert.Equal(0, Counting(pooled).DatabaseChanges);
        await pool.ReturnAsync(pooled, true);
        // Unchanged: no ChangeDatabase on return.
        Assert.Equal(0, Counting(pooled).DatabaseChanges);

        pooled = await Rent(pool, database: "other");
        Assert.Equal("other", pooled.Session.Database);
        Assert.Equal(1, Counting(pooled).DatabaseChanges);
        await pool.ReturnAsync(pooled, false);
        Assert.Equal("db", pooled.Session.Database);
        Assert.Equal(2, Counting(pooled).DatabaseChanges);
        Assert.Equal(1, pool.Idle);
    }

    [Fact]
    public async Task A_session_that_cannot_go_back_to_no_database_is_disposed_on_return()
    {
        using var pool = Pool(database: null);
        var pooled = await Rent(pool, database: "picked");
        await pool.ReturnAsync(pooled, true);
        Assert.True(Counting(pooled).Disposed);
        Assert.Equal((0, 0), (pool.Total, pool.Idle));
    }

    [Fact]
    public async Task A_broken_session_is_disposed_on_return_and_one_that_broke_while_idle_is_not_handed_out()
    {
        using var pool = Pool();
        var pooled = await Rent(pool);
        Counting(pooled).IsBroken = true;
        await pool.ReturnAsync(pooled, true);
        Assert.True(Counting(pooled).Disposed);
        Assert.Equal(0, pool.Total);

        var idle = await Rent(pool);
        await pool.ReturnAsync(idle, true);
        Counting(idle).IsBroken = true;
        var next = await Rent(pool);
        Assert.NotSame(idle, next);
        Assert.True(Counting(idle).Disposed);
        Assert.Equal(1, pool.Total);
    }

    [Fact]
    public async Task A_session_older_than_ConnectionLifetime_is_disposed_instead_of_pooled()
    {
        using var pool = Pool(lifetimeSeconds: 60);
        var young = await Rent(pool);
        _time.Advance(TimeSpan.FromSeconds(59));
        await pool.ReturnAsync(young, true);
        Assert.Equal(1, pool.Idle);

        var same = await Rent(pool);
        Assert.Same(young, same);
        _time.Advance(TimeSpan.FromSeconds(1));
        await pool.ReturnAsync(same, true);
        Assert.True(Counting(same).Disposed);
        Assert.Equal(0, pool.Total);
    }

    [Fact]
    public async Task At_MaxPoolSize_an_async_open_waits_without_a_thread_until_a_session_is_returned()
    {
        using var pool = Pool(max: 2);
        var a = await Rent(pool);
        var b = await Rent(pool);
        var waiting = Rent(pool).AsTask();
        await Task.Delay(100);
        // The call has returned to its caller: the wait holds no thread.
        Assert.False(waiting.IsCompleted);
        await pool.ReturnAsync(b, true);
        Assert.Same(b, await waiting.WaitAsync(Wait));
        Assert.Equal(2, _transport.Created);
        await pool.ReturnAsync(a, true);
    }

    [Fact]
    public async Task At_MaxPoolSize_a_sync_open_waits_until_a_session_is_returned()
    {
        using var pool = Pool(max: 1);
        var held = await Rent(pool);
        var waiting = Task.Run(() => Rent(pool, async: false).AsTask());
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        await pool.ReturnAsync(held, false);
        Assert.Same(held, await waiting.WaitAsync(Wait));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task At_MaxPoolSize_an_open_gives_up_after_its_timeout_with_a_message_naming_MaxPoolSize(bool async)
    {
        using var pool = Pool(max: 1);
        await Rent(pool);
        var sw = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<TaosException>(() => Rent(pool, async: async, timeout: TimeSpan.FromMilliseconds(300)).AsTask());
        Assert.InRange(sw.Elapsed, TimeSpan.FromMilliseconds(250), Wait);
        Assert.Contains("MaxPoolSize", e.Message);
        Assert.Contains("1 session", e.Message);
        Assert.IsType<TimeoutException>(e.InnerException);
        Assert.True(e.IsTransient);
        Assert.Equal(1, pool.Total);
    }

    [Fact]
    public async Task A_cancelled_wait_throws_OperationCanceledException_and_takes_no_permit()
    {
        using var pool = Pool(max: 1);
        var held = await Rent(pool);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pool.RentAsync(null, true, Wait, true, cts.Token).AsTask());
        await pool.ReturnAsync(held, true);
        Assert.Same(held, await Rent(pool));
    }

    [Fact]
    public async Task A_failed_open_gives_its_place_back()
    {
        using var pool = Pool(max: 1);
        _transport.OpenFailure = new TaosException("server down");
        await Assert.ThrowsAsync<TaosException>(() => Rent(pool).AsTask());
        Assert.Equal(0, pool.Total);
        Assert.Equal(0, _transport.Alive);
        _transport.OpenFailure = null;
        var pooled = await Rent(pool, timeout: TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, pool.Total);
        await pool.ReturnAsync(pooled, true);
    }

    [Fact]
    public async Task An_open_that_checks_the_server_does_not_take_a_session_opened_without_the_check()
    {
        using var pool = Pool();
        var unchecked_ = await Rent(pool, verify: false);
        Assert.False(Counting(unchecked_).OpenedWithVerify);
        await pool.ReturnAsync(unchecked_, true);

        var checked_ = await Rent(pool, verify: true);
        Assert.NotSame(unchecked_, checked_);
        Assert.True(Counting(checked_).OpenedWithVerify);
        Assert.True(Counting(unchecked_).Disposed);
        await pool.ReturnAsync(checked_, true);
        // A checked session serves an open without the check.
        Assert.Same(checked_, await Rent(pool, verify: false));
        Assert.Equal(1, pool.Total);
    }

    [Fact]
    public async Task Idle_sessions_beyond_MinPoolSize_are_closed_after_ConnectionIdleLifetime()
    {
        using var pool = Pool(min: 1, idleSeconds: 300);
        var sessions = new[] { await Rent(pool), await Rent(pool), await Rent(pool) };
        foreach (var s in sessions) await pool.ReturnAsync(s, true);
        _time.Advance(TimeSpan.FromSeconds(299));
        pool.Prune();
        Assert.Equal(3, pool.Idle);

        _time.Advance(TimeSpan.FromSeconds(1));
        pool.Prune();
        Assert.Equal((1, 1), (pool.Total, pool.Idle));
        // The longest idle go first; the one kept is the most recently returned.
        Assert.True(Counting(sessions[0]).Disposed && Counting(sessions[1]).Disposed);
        Assert.False(Counting(sessions[2]).Disposed);
    }

    [Fact]
    public async Task A_session_in_use_is_not_pruned_and_ConnectionIdleLifetime_zero_keeps_idle_sessions()
    {
        using var pool = Pool(idleSeconds: 0);
        var busy = await Rent(pool);
        var idle = await Rent(pool);
        await pool.ReturnAsync(idle, true);
        _time.Advance(TimeSpan.FromDays(1));
        pool.Prune();
        Assert.Equal((2, 1), (pool.Total, pool.Idle));
        Assert.False(Counting(busy).Disposed);
    }

    [Fact]
    public async Task The_pool_timer_starts_with_the_first_open_and_keeps_MinPoolSize_sessions_warm()
    {
        using var pool = Pool(min: 3, idleSeconds: 1);
        Assert.Null(_time.TimerPeriod);
        var pooled = await Rent(pool);
        Assert.Equal(TimeSpan.FromSeconds(1), _time.TimerPeriod);
        await pool.MaintainAsync();
        Assert.Equal((3, 2), (pool.Total, pool.Idle));
        Assert.All(_transport.Sessions, s => Assert.True(s.OpenedWithVerify));

        // A broken idle session is replaced by the next round.
        var idle = _transport.Sessions.First(s => !ReferenceEquals(s, pooled.Session));
        idle.IsBroken = true;
        await pool.MaintainAsync();
        Assert.True(idle.Disposed);
        Assert.Equal((3, 2), (pool.Total, pool.Idle));
        await pool.ReturnAsync(pooled, true);
    }

    [Fact]
    public async Task Warm_up_stops_quietly_when_the_server_is_down_and_stays_within_MaxPoolSize()
    {
        using var pool = Pool(min: 2, max: 2);
        var a = await Rent(pool);
        var b = await Rent(pool);
        await pool.MaintainAsync();
        Assert.Equal(2, pool.Total);
        await pool.ReturnAsync(a, true);
        Counting(b).IsBroken = true;
        await pool.ReturnAsync(b, true);
        _transport.OpenFailure = new TaosException("server down");
        await pool.MaintainAsync();
        Assert.Equal((1, 1), (pool.Total, pool.Idle));
        _transport.OpenFailure = null;
        await pool.MaintainAsync();
        Assert.Equal((2, 2), (pool.Total, pool.Idle));
    }

    [Fact]
    public async Task A_pool_that_needs_no_maintenance_never_starts_its_timer()
    {
        using var pool = Pool(min: 0, idleSeconds: 0, lifetimeSeconds: 0);
        await Rent(pool);
        Assert.Null(_time.TimerPeriod);
    }

    [Fact]
    public async Task A_pool_nobody_disposed_nor_references_is_collected_even_with_its_timer_running()
    {
        var weak = await AbandonedPoolAsync();
        for (int i = 0; i < 50 && IsAlive(weak); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(20);
        }
        Assert.False(IsAlive(weak));
    }

    // Out of line, so that no frame of the test keeps the pool in a hidden local.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsAlive(WeakReference<SessionPool> weak) => weak.TryGetTarget(out _);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference<SessionPool>> AbandonedPoolAsync()
    {
        var pool = new SessionPool(new CountingTransport(),
            new SessionPoolOptions(true, 2, 10, TimeSpan.FromSeconds(1), TimeSpan.Zero, null, Wait), TimeProvider.System);
        await pool.ReturnAsync(await Rent(pool), true);
        // The timer runs (its first round warmed MinPoolSize sessions).
        await EventuallyAsync(() => pool.Total == 2);
        return new WeakReference<SessionPool>(pool);
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(sw.Elapsed < Wait, "timed out");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Clear_disposes_idle_sessions_and_the_ones_in_use_when_they_come_back()
    {
        using var pool = Pool();
        var busy = await Rent(pool);
        var idle = await Rent(pool);
        await pool.ReturnAsync(idle, true);
        pool.Clear();
        Assert.True(Counting(idle).Disposed);
        Assert.False(Counting(busy).Disposed);
        await pool.ReturnAsync(busy, true);
        Assert.True(Counting(busy).Disposed);
        Assert.Equal(0, pool.Total);
        var fresh = await Rent(pool);
        Assert.NotSame(busy, fresh);
        await pool.ReturnAsync(fresh, true);
        Assert.Equal(1, pool.Idle);
    }

    [Fact]
    public async Task Dispose_closes_idle_sessions_wakes_waiters_and_refuses_later_opens()
    {
        var pool = Pool(max: 1);
        var busy = await Rent(pool);
        var waiting = Rent(pool, timeout: TimeSpan.FromSeconds(30)).AsTask();
        pool.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(Wait));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Rent(pool).AsTask());
        Assert.Null(_time.TimerPeriod);
        await pool.ReturnAsync(busy, true);
        Assert.True(Counting(busy).Disposed);
        Assert.Equal(0, _transport.Alive);
    }

    [Fact]
    public async Task Many_tasks_opening_and_closing_at_once_never_share_a_session_nor_pass_MaxPoolSize()
    {
        const int max = 4;
        using var pool = Pool(max: max);
        int inUse = 0, peak = 0, shared = 0, outside = 0;
        async Task Use(PooledSession pooled, bool async)
        {
            var session = Counting(pooled);
            if (!session.TryEnter()) Interlocked.Increment(ref shared);
            InterlockedMax(ref peak, Interlocked.Increment(ref inUse));
            if (pool.Total is < 1 or > max) Interlocked.Increment(ref outside);
            if (async) await Task.Yield(); else Thread.Yield();
            Interlocked.Decrement(ref inUse);
            session.Leave();
            await pool.ReturnAsync(pooled, async);
        }
        async Task AsyncWorker()
        {
            for (int i = 0; i < 50; i++)
            {
                await Use(await Rent(pool, database: i % 2 == 0 ? "db" : "other", timeout: TimeSpan.FromSeconds(30)), true);
            }
        }
        void SyncWorker()
        {
            for (int i = 0; i < 50; i++)
            {
                var pooled = Rent(pool, async: false, timeout: TimeSpan.FromSeconds(30)).AsTask().GetAwaiter().GetResult();
                Use(pooled, false).GetAwaiter().GetResult();
            }
        }
        // Sync opens block their thread while they wait, so they get threads of their own, as an application's would.
        var workers = Enumerable.Range(0, 16).Select(_ => Task.Run(AsyncWorker))
            .Concat(Enumerable.Range(0, 6).Select(_ => Task.Factory.StartNew(SyncWorker, TaskCreationOptions.LongRunning)));
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, shared);
        Assert.Equal(0, outside);
        Assert.InRange(peak, 1, max);
        Assert.InRange(_transport.Created, 1, max);
        Assert.Equal(pool.Total, pool.Idle);
        Assert.All(_transport.Sessions.Where(s => !s.Disposed), s => Assert.Equal("db", s.Database));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    [Fact]
    public async Task Without_pooling_every_open_opens_a_session_and_every_close_disposes_it()
    {
        using var source = new UnpooledSessionSource(_transport, _time);
        var first = await source.RentAsync("db", true, Wait, true, CancellationToken.None);
        await source.ReturnAsync(first, true);
        Assert.True(Counting(first).Disposed);
        var second = await source.RentAsync("db", false, Wait, false, CancellationToken.None);
        Assert.NotSame(first, second);
        Assert.Equal(2, _transport.Created);
        source.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => source.RentAsync("db", true, Wait, true, CancellationToken.None).AsTask());
    }
}
