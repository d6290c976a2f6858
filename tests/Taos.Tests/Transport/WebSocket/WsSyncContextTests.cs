using Taos.Tests.Integration;

namespace Taos.Tests.Transport.WebSocket;

/// <summary>
/// Blocking calls on a thread with a single-threaded <see cref="SynchronizationContext"/> (as in a UI application):
/// the transport's receive loop and awaits never need that thread, so sync calls and sync-over-async do not deadlock.
/// </summary>
[Collection(WsServerCollection.Name)]
public class WsSyncContextTests(WsServerFixture server)
{
    [Fact]
    public void Sync_and_sync_over_async_calls_on_a_single_threaded_context_do_not_deadlock()
    {
        server.Run("create database if not exists wsctx", "create table if not exists wsctx.t (ts timestamp, v int)",
            "insert into wsctx.t values " + string.Join(' ', Enumerable.Range(0, 10_000).Select(i => $"({1704067200000 + i}, {i})")));
        long total = 0;
        var context = new BlockedThreadContext();
        var thread = new Thread(() =>
        {
            SynchronizationContext.SetSynchronizationContext(context);
            using var c = new TaosConnection(server.ConnectionString("wsctx"));
            c.OpenAsync().GetAwaiter().GetResult();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "select count(*) from t";
            total += (long)cmd.ExecuteScalar()!;
            total += (long)cmd.ExecuteScalarAsync().GetAwaiter().GetResult()!;
            cmd.CommandText = "select v from t";
            using var r = cmd.ExecuteReaderAsync().GetAwaiter().GetResult();
            while (r.ReadAsync().GetAwaiter().GetResult()) total += r.GetInt32(0);
        });
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(60)), "the calls deadlocked on the context's thread");
        Assert.Equal(20_000L + (10_000L * 9_999 / 2), total);
        Assert.Equal(0, context.Posted);
    }

    // The context of a UI thread that is blocked in the call: what is posted to it cannot run until the call returns.
    private sealed class BlockedThreadContext : SynchronizationContext
    {
        public int Posted;

        public override void Post(SendOrPostCallback d, object? state) => Interlocked.Increment(ref Posted);
    }
}
