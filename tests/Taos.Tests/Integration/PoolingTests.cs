using System.Collections.Concurrent;
using System.Diagnostics;
using Taos.Pooling;
using Taos.Tests.Pooling;
using Taos.Transport;

namespace Taos.Tests.Integration;

/// <summary>
/// Connection pooling against the embedded server over real sockets: sessions taken on open and given back on close,
/// per data source and per connection string, with the limits and timers of the connection string.
/// </summary>
[Collection(PoolWideCollection.Name)]
public class PoolingTests(ServerFixture server)
{
    private static SessionPool PoolOf(TaosDataSource dataSource) => Assert.IsType<SessionPool>(dataSource.Sessions);

    private static async Task<object?> ScalarAsync(TaosConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(15), "timed out waiting until " + what);
            await Task.Delay(50);
        }
    }

    private void Table(string db, int value) =>
        server.Run($"create database if not exists {db}", $"create table if not exists {db}.t (ts timestamp, v int)",
            $"insert into {db}.t values ('2024-01-01T00:00:00Z', {value})");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Connections_made_from_one_connection_string_reuse_one_session(bool async)
    {
        string db = async ? "pool_cs_a" : "pool_cs_s";
        Table(db, 7);
        string cs = server.ConnectionString(db);
        ITaosSession? first = null;
        for (int i = 0; i < 5; i++)
        {
            await using var c = new TaosConnection(cs);
            if (async) await c.OpenAsync(); else c.Open();
            first ??= c.Session;
            Assert.Same(first, c.Session);
            Assert.Equal(7, await ScalarAsync(c, "select v from t"));
            if (async) await c.CloseAsync(); else c.Close();
        }
        using var probe = new TaosConnection(cs);
        var pool = PoolOf(probe.GetDataSource());
        Assert.Equal((1, 1), (pool.Total, pool.Idle));
    }

    [Fact]
    public async Task Connections_of_one_data_source_share_its_pool_and_another_data_source_has_its_own()
    {
        Table("pool_ds", 1);
        await using var dataSource = TaosDataSource.Create(server.ConnectionString("pool_ds"));
        await using var other = TaosDataSource.Create(server.ConnectionString("pool_ds"));
        var c1 = dataSource.OpenConnection();
        var s1 = c1.Session;
        await using var c2 = await dataSource.OpenConnectionAsync();
        Assert.NotSame(s1, c2.Session);
        Assert.Equal((2, 0), (PoolOf(dataSource).Total, PoolOf(dataSource).Idle));
        await c1.DisposeAsync();
        await using var c3 = await dataSource.OpenConnectionAsync();
        Assert.Same(s1, c3.Session);
        await using var elsewhere = await other.OpenConnectionAsync();
        Assert.NotSame(s1, elsewhere.Session);
        Assert.Equal(1, await ScalarAsync(elsewhere, "select v from t"));
    }

    /// <summary>Counts the HTTP requests that reach the server.</summary>
    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task Over_REST_a_pooled_session_keeps_its_verified_open_and_reopening_sends_nothing()
    {
        var handler = new CountingHandler();
        await using var dataSource = new TaosDataSourceBuilder(server.ConnectionString()).UseHttpMessageHandler(handler).Build();
        ITaosSession? first = null;
        for (int i = 0; i < 5; i++)
        {
            await using var c = await dataSource.OpenConnectionAsync();
            first ??= c.Session;
            Assert.Same(first, c.Session);
            Assert.Equal("3.3.0.1", c.ServerVersion);
        }
        // The one SELECT SERVER_VERSION() of the first open.
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task Without_pooling_each_open_opens_a_session_and_each_close_disposes_it()
    {
        Table("pool_off", 3);
        await using var dataSource = TaosDataSource.Create(server.ConnectionString("pool_off", "Pooling=false"));
        Assert.IsType<UnpooledSessionSource>(dataSource.Sessions);
        var c = dataSource.OpenConnection();
        var first = c.Session;
        c.Close();
        var request = new TaosRequest("select 1", [], 1, TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => first.ExecuteAsync(request, true, CancellationToken.None).AsTask());
        await c.OpenAsync();
        Assert.NotSame(first, c.Session);
        Assert.Equal(3, await ScalarAsync(c, "select v from t"));
        await c.DisposeAsync();
    }

    [Fact]
    public async Task A_returned_session_is_reset_to_the_connection_strings_database_and_the_connection_keeps_its_own()
    {
        Table("pool_home", 10);
        Table("pool_away", 20);
        await using var dataSource = TaosDataSource.Create(server.ConnectionString("pool_home", "MaxPoolSize=1"));
        var c1 = dataSource.OpenConnection();
        var session = c1.Session;
        c1.ChangeDatabase("pool_away");
        Assert.Equal(20, await ScalarAsync(c1, "select v from t"));
        c1.Close();
        Assert.Equal("pool_away", c1.Database);

        await using (var c2 = await dataSource.OpenConnectionAsync())
        {
            Assert.Same(session, c2.Session);
            Assert.Equal("pool_home", c2.Database);
            Assert.Equal(10, await ScalarAsync(c2, "select v from t"));
        }
        await c1.OpenAsync();
        Assert.Same(session, c1.Session);
        Assert.Equal("pool_away", c1.Database);
        Assert.Equal(20, await ScalarAsync(c1, "select v from t"));
        await c1.DisposeAsync();
        Assert.Equal("pool_home", session.Database);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Closing_with_an_open_reader_drops_its_result_and_pools_the_session(bool async)
    {
        server.Run("create database if not exists pool_rd", "create table if not exists pool_rd.t (ts timestamp, v int)",
            "insert into pool_rd.t values ('2024-01-01T00:00:00Z', 1) ('2024-01-01T00:00:01Z', 2) ('2024-01-01T00:00:02Z', 3)");
        await using var dataSource = TaosDataSource.Create(server.ConnectionString("pool_rd", "MaxPoolSize=1"));
        var c = await dataSource.OpenConnectionAsync();
        var session = c.Session;
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "select v from t order by ts";
        var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        if (async) await c.CloseAsync(); else c.Close();
        Assert.True(reader.IsClosed);
        Assert.Equal((1, 1), (PoolOf(dataSource).Total, PoolOf(dataSource).Idle));

        await using var next = await dataSource.OpenConnectionAsync();
        Assert.Same(session, next.Session);
        Assert.Equal(3L, await ScalarAsync(next, "select count(*) from t"));
    }

    [Fact]
    public async Task At_MaxPoolSize_Open_waits_for_a_returned_session_and_gives_up_after_Timeout_naming_MaxPoolSize()
    {
        await using var dataSource = TaosDataSource.Create(server.ConnectionString(null, "MaxPoolSize=1;Timeout=1"));
        var held = await dataSource.OpenConnectionAsync();
        var sw = Stopwatch.StartNew();
        var e = Assert.Throws<TaosException>(() => dataSource.OpenConnection());
        Assert.InRange(sw.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.Contains("MaxPoolSize", e.Message);
        Assert.IsType<TimeoutException>(e.InnerException);
        await Assert.ThrowsAsync<TaosException>(async () => await dataSource.OpenConnectionAsync());

        var waiting = dataSource.OpenConnectionAsync().AsTask();
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        var session = held.Session;
        await held.CloseAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Same(session, next.Session);
        Assert.Equal(1, PoolOf(dataSource).Total);
    }

    [Fact]
    public async Task Data_source_commands_take_a_session_when_they_run_and_give_it_back_when_disposed()
    {
        await using var dataSource = TaosDataSource.Create(server.ConnectionString(null, "MaxPoolSize=1;Timeout=1"));
        var pool = PoolOf(dataSource);
        var cmd = dataSource.CreateCommand("select server_version()");
        Assert.Equal(0, pool.Total);
        Assert.Equal("3.3.0.1", await cmd.ExecuteScalarAsync());
        Assert.Equal((1, 0), (pool.Total, pool.Idle));
        Assert.Throws<TaosException>(() => dataSource.OpenConnection());
        await cmd.DisposeAsync();
        Assert.Equal((1, 1), (pool.Total, pool.Idle));
        await using var c = await dataSource.OpenConnectionAsync();
        Assert.Equal(1, pool.Total);
    }

    [Fact]
    public async Task MinPoolSize_sessions_are_kept_warm_and_idle_ones_beyond_it_close_after_ConnectionIdleLifetime()
    {
        await using var dataSource = TaosDataSource.Create(server.ConnectionString(null, "MinPoolSize=2;ConnectionIdleLifetime=1"));
        var pool = PoolOf(dataSource);
        await using (var first = await dataSource.OpenConnectionAsync())
        {
            // Total counts a session from the moment its open starts; wait until the warm one is parked.
            await EventuallyAsync(() => (pool.Total, pool.Idle) == (2, 1), "MinPoolSize sessions are open");
        }
        var connections = new List<TaosConnection>();
        for (int i = 0; i < 4; i++) connections.Add(await dataSource.OpenConnectionAsync());
        foreach (var c in connections) await c.DisposeAsync();
        Assert.Equal((4, 4), (pool.Total, pool.Idle));
        await EventuallyAsync(() => pool.Total == 2, "the idle sessions beyond MinPoolSize are closed");
        await Task.Delay(1500);
        Assert.Equal((2, 2), (pool.Total, pool.Idle));
    }

    [Fact]
    public async Task A_session_older_than_ConnectionLifetime_is_not_handed_out_again()
    {
        await using var dataSource = TaosDataSource.Create(server.ConnectionString(null, "ConnectionLifetime=1"));
        ITaosSession old;
        await using (var c = await dataSource.OpenConnectionAsync()) old = c.Session;
        await Task.Delay(1100);
        await using var next = await dataSource.OpenConnectionAsync();
        Assert.NotSame(old, next.Session);
        Assert.Equal("3.3.0.1", await ScalarAsync(next, "select server_version()"));
    }

    [Fact]
    public async Task Disposing_the_data_source_closes_idle_sessions_and_later_opens_throw_ObjectDisposedException()
    {
        var dataSource = TaosDataSource.Create(server.ConnectionString());
        var pool = PoolOf(dataSource);
        var busy = await dataSource.OpenConnectionAsync();
        var busySession = busy.Session;
        var idle = dataSource.OpenConnection();
        idle.Close();
        Assert.Equal((2, 1), (pool.Total, pool.Idle));

        dataSource.Dispose();
        Assert.Equal((1, 0), (pool.Total, pool.Idle));
        Assert.Throws<ObjectDisposedException>(() => dataSource.OpenConnection());
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await dataSource.OpenConnectionAsync());
        Assert.Throws<ObjectDisposedException>(() => idle.Open());
        await busy.CloseAsync();
        Assert.Equal(0, pool.Total);
        var request = new TaosRequest("select 1", [], 1, TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => busySession.ExecuteAsync(request, true, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task ClearPool_drops_idle_sessions_and_retires_the_ones_in_use_and_ClearAllPools_reaches_every_pool()
    {
        string cs = server.ConnectionString(null, "Timeout=29");
        var c1 = new TaosConnection(cs);
        c1.Open();
        await using var c2 = new TaosConnection(cs);
        await c2.OpenAsync();
        var pool = PoolOf(c2.GetDataSource());
        c1.Close();
        Assert.Equal((2, 1), (pool.Total, pool.Idle));
        TaosConnection.ClearPool(c1);
        Assert.Equal((1, 0), (pool.Total, pool.Idle));
        var retired = c2.Session;
        await c2.CloseAsync();
        Assert.Equal(0, pool.Total);
        await c2.OpenAsync();
        Assert.NotSame(retired, c2.Session);
        await c2.CloseAsync();

        await using var dataSource = TaosDataSource.Create(server.ConnectionString());
        (await dataSource.OpenConnectionAsync()).Dispose();
        var counting = new CountingTransport();
        using var other = new SessionPool(counting, SessionPoolOptions.From(new TaosConnectionStringBuilder("Url=http://x.test")), TimeProvider.System);
        await other.ReturnAsync(await other.RentAsync(null, true, TimeSpan.FromSeconds(5), true, CancellationToken.None), true);
        Assert.Equal(1, PoolOf(dataSource).Idle);
        Assert.Equal(1, pool.Idle);
        Assert.Equal(1, other.Idle);
        TaosConnection.ClearAllPools();
        Assert.Equal((0, 0, 0), (PoolOf(dataSource).Total, pool.Total, other.Total));
        Assert.Equal(0, counting.Alive);
    }

    [Fact]
    public async Task Many_connections_opened_and_closed_at_once_never_share_a_session_nor_pass_MaxPoolSize()
    {
        Table("pool_stress", 5);
        await using var dataSource = TaosDataSource.Create(server.ConnectionString("pool_stress", "MaxPoolSize=3"));
        var pool = PoolOf(dataSource);
        var holders = new ConcurrentDictionary<ITaosSession, int>();
        int shared = 0, outside = 0, wrong = 0;
        async Task Round(int id, bool async)
        {
            var c = async ? await dataSource.OpenConnectionAsync() : dataSource.OpenConnection();
            if (!holders.TryAdd(c.Session, id)) Interlocked.Increment(ref shared);
            if (pool.Total > 3) Interlocked.Increment(ref outside);
            if (!Equals(5, await ScalarAsync(c, "select v from t"))) Interlocked.Increment(ref wrong);
            holders.TryRemove(c.Session, out _);
            if (async) await c.DisposeAsync(); else c.Dispose();
        }
        var workers = Enumerable.Range(0, 10).Select(id => Task.Run(async () =>
            {
                for (int i = 0; i < 8; i++) await Round(id, true);
            }))
            .Concat(Enumerable.Range(10, 3).Select(id => Task.Factory.StartNew(() =>
            {
                for (int i = 0; i < 8; i++) Round(id, false).GetAwaiter().GetResult();
            }, TaskCreationOptions.LongRunning)));
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal((0, 0, 0), (shared, outside, wrong));
        Assert.InRange(pool.Total, 1, 3);
        Assert.Equal(pool.Total, pool.Idle);
    }
}
