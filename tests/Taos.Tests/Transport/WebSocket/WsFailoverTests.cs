using System.Diagnostics;
using Taos.Server;

namespace Taos.Tests.Transport.WebSocket;

/// <summary>Failover between endpoints and reconnects, with real embedded servers that stop and restart.</summary>
public sealed class WsFailoverTests : IAsyncLifetime
{
    private readonly string _dirA = Path.Combine(Path.GetTempPath(), "taos-ws-a-" + Guid.NewGuid().ToString("N"));
    private readonly string _dirB = Path.Combine(Path.GetTempPath(), "taos-ws-b-" + Guid.NewGuid().ToString("N"));
    private TaosServer _a = null!;
    private TaosServer _b = null!;

    public async Task InitializeAsync()
    {
        _a = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = _dirA });
        _b = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = _dirB });
        Run(_a, "create database if not exists fo", "create table if not exists fo.t (ts timestamp, v int)", "insert into fo.t values (1704067200000, 1)");
        Run(_b, "create database if not exists fo", "create table if not exists fo.t (ts timestamp, v int)", "insert into fo.t values (1704067200000, 2)");
    }

    private static string Ws(TaosServer server) => "ws://" + server.Url.Authority;

    private static void Run(TaosServer server, params string[] statements)
    {
        using var c = new TaosConnection("Url=" + Ws(server));
        c.Open();
        using var cmd = c.CreateCommand();
        foreach (var sql in statements)
        {
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
    }

    private static object? Scalar(TaosConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    [Fact]
    public async Task A_broken_socket_moves_to_the_next_endpoint_and_the_statement_runs_there()
    {
        using var c = new TaosConnection($"Url={Ws(_a)},{Ws(_b)};Database=fo;AutoReconnect=true;ReconnectIntervalMs=50");
        c.Open();
        Assert.Equal(1, Scalar(c, "select v from t"));
        await StopAsync(_a);
        await WaitForAsync(() => c.Session.IsBroken);
        Assert.Equal(2, Scalar(c, "select v from t"));
        Assert.Equal("fo", c.Database);
        Assert.False(c.Session.IsBroken);
    }

    [Fact]
    public async Task Without_AutoReconnect_a_broken_socket_is_a_TaosException_and_the_statement_was_not_sent()
    {
        using var c = new TaosConnection($"Url={Ws(_a)},{Ws(_b)};Database=fo");
        c.Open();
        await StopAsync(_a);
        await WaitForAsync(() => c.Session.IsBroken);
        var e = Assert.Throws<TaosException>(() => Scalar(c, "insert into t values (1704067201000, 9)"));
        Assert.Contains("broken", e.Message);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task Opening_skips_an_endpoint_that_is_down()
    {
        await StopAsync(_a);
        await using var c = new TaosConnection($"Url={Ws(_a)},{Ws(_b)};Database=fo");
        await c.OpenAsync();
        Assert.Equal(2, Scalar(c, "select v from t"));
    }

    [Fact]
    public async Task A_server_restarted_on_the_same_port_and_data_is_reconnected_with_retries()
    {
        int port = _a.Url.Port;
        using var c = new TaosConnection($"Url={Ws(_a)};Database=fo;AutoReconnect=true;ReconnectRetryCount=100;ReconnectIntervalMs=100");
        c.Open();
        await StopAsync(_a);
        await WaitForAsync(() => c.Session.IsBroken);
        var statement = Task.Run(() => Scalar(c, "select v from t"));
        await Task.Delay(500);
        Assert.False(statement.IsCompleted);
        _a = await TaosServer.StartAsync(new TaosServerOptions { Port = port, DataDirectory = _dirA });
        Assert.Equal(1, await statement.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task When_every_endpoint_stays_down_the_reconnect_gives_up_with_a_TaosException()
    {
        using var c = new TaosConnection($"Url={Ws(_a)},{Ws(_b)};Database=fo;AutoReconnect=true;ReconnectRetryCount=2;ReconnectIntervalMs=50");
        c.Open();
        await StopAsync(_a);
        await StopAsync(_b);
        await WaitForAsync(() => c.Session.IsBroken);
        var sw = Stopwatch.StartNew();
        var e = Assert.Throws<TaosException>(() => Scalar(c, "select v from t"));
        Assert.Contains("Could not open a WebSocket", e.Message);
        Assert.Contains(Ws(_b), e.Message);
        Assert.InRange(sw.Elapsed, TimeSpan.FromMilliseconds(40), TimeSpan.FromSeconds(20));
    }

    // Stops a server without waiting for the open WebSockets to end (the graceful wait is cut short).
    private static async Task StopAsync(TaosServer server)
    {
        using var cut = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await server.StopAsync(cut.Token);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(20), "the condition did not come true within 20 s");
            await Task.Delay(20);
        }
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        foreach (var dir in new[] { _dirA, _dirB })
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
