using System.Diagnostics;
using System.Text.Json;

namespace Taos.Tests.Transport.WebSocket;

/// <summary>Timeouts, cancellation, abandoned results, broken sockets and malformed answers, against a scripted server.</summary>
public class WsFailureTests
{
    private const string QueryReply =
        ",\\\"id\\\":7,\\\"is_update\\\":false,\\\"affected_rows\\\":0,\\\"fields_count\\\":1,\\\"fields_names\\\":[\\\"v\\\"],\\\"fields_types\\\":[4],\\\"fields_lengths\\\":[4],\\\"precision\\\":0";

    private static string Fields(string escaped) => escaped.Replace("\\\"", "\"", StringComparison.Ordinal);

    // A result of one INT column with id 7 whose fetch answers a 1-row block, then never again.
    private static IReadOnlyList<ScriptedFrame>? OneRowThenSilence(JsonElement request) => ScriptedWsServer.Action(request) switch
    {
        "query" => [ScriptedWsServer.Ok("query", request, Fields(QueryReply))],
        "fetch" when request.GetProperty("args").GetProperty("req_id").GetUInt64() < 5 =>
            [ScriptedWsServer.Ok("fetch", request, ",\"id\":7,\"completed\":false,\"lengths\":[4],\"rows\":1")],
        "fetch_block" => [new ScriptedFrame(true, Convert.FromHexString(
            "0100000000000000" + "0700000000000000" + "01000000" + "2a000000" + "01000000" + "01000000" + "00000080" + "0000000000000000"
            + "0404000000" + "04000000" + "00" + "05000000" + "00"))],
        _ => ScriptedWsServer.Handshake(request),
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_query_without_answer_times_out_and_its_late_result_is_freed(bool async)
    {
        await using var server = await ScriptedWsServer.StartAsync(request => ScriptedWsServer.Action(request) == "query"
            ? [ScriptedWsServer.Ok("query", request, Fields(QueryReply)) with { Delay = TimeSpan.FromSeconds(4) }]
            : ScriptedWsServer.Handshake(request));
        using var c = new TaosConnection($"Url={server.Url};Timeout=1");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select v from t";
        var sw = Stopwatch.StartNew();
        var e = async ? await Assert.ThrowsAsync<TaosException>(() => cmd.ExecuteReaderAsync()) : Assert.Throws<TaosException>(() => cmd.ExecuteReader());
        Assert.IsType<TimeoutException>(e.InnerException);
        Assert.True(e.IsTransient);
        Assert.Equal("select v from t", e.Sql);
        // The late answer (4 s) would have been a result, not a TimeoutException: only the lower bound needs checking.
        Assert.True(sw.Elapsed >= TimeSpan.FromSeconds(0.9), $"timed out after {sw.Elapsed}");
        await WaitForAsync(() => server.Requests.Any(r => r.Contains("\"free_result\"", StringComparison.Ordinal) && r.Contains("\"id\":7", StringComparison.Ordinal)));
        Assert.Equal(System.Data.ConnectionState.Open, c.State);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_fetch_without_answer_times_out_and_closing_the_reader_frees_the_result(bool async)
    {
        await using var server = await ScriptedWsServer.StartAsync(OneRowThenSilence);
        using var c = new TaosConnection($"Url={server.Url};Timeout=1");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select v from t";
        using (var r = async ? await cmd.ExecuteReaderAsync() : cmd.ExecuteReader())
        {
            Assert.True(r.Read());
            Assert.Equal(5, r.GetInt32(0));
            var e = async ? await Assert.ThrowsAsync<TaosException>(() => r.ReadAsync()) : Assert.Throws<TaosException>(() => r.Read());
            Assert.IsType<TimeoutException>(e.InnerException);
        }
        await WaitForAsync(() => server.Requests.Any(r => r.Contains("\"free_result\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Cancelling_a_query_throws_OperationCanceledException_promptly()
    {
        await using var server = await ScriptedWsServer.StartAsync(ScriptedWsServer.Handshake);
        await using var c = new TaosConnection($"Url={server.Url};Timeout=0");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "select v from t";
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var sw = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cmd.ExecuteReaderAsync(cts.Token));
        Assert.InRange(sw.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_dropped_socket_fails_the_waiting_statement_saying_it_may_have_run_then_the_session_is_broken()
    {
        await using var server = await ScriptedWsServer.StartAsync(request => ScriptedWsServer.Action(request) == "query" ? null : ScriptedWsServer.Handshake(request));
        using var c = new TaosConnection($"Url={server.Url};Timeout=5");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "insert into t values (now, 1)";
        var e = Assert.Throws<TaosException>(() => cmd.ExecuteNonQuery());
        Assert.Contains("may have run", e.Message);
        Assert.Equal(TaosException.ClientErrorCode, e.ErrorCode);
        Assert.True(e.IsTransient);
        Assert.True(c.Session.IsBroken);
        var next = Assert.Throws<TaosException>(() => cmd.ExecuteNonQuery());
        Assert.Contains("broken", next.Message);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"code\":\"zero\"}")]
    [InlineData("[1,2]")]
    public async Task A_malformed_reply_breaks_the_socket_with_a_TaosException(string reply)
    {
        await using var server = await ScriptedWsServer.StartAsync(request => ScriptedWsServer.Action(request) == "query"
            ? [ScriptedFrame.Text(reply)]
            : ScriptedWsServer.Handshake(request));
        using var c = new TaosConnection($"Url={server.Url};Timeout=5");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select 1";
        var e = Assert.Throws<TaosException>(() => cmd.ExecuteScalar());
        Assert.Contains("not a valid taosAdapter WebSocket message", e.Message);
        Assert.True(c.Session.IsBroken);
    }

    [Fact]
    public async Task A_malformed_block_is_a_TaosException()
    {
        await using var server = await ScriptedWsServer.StartAsync(request => ScriptedWsServer.Action(request) == "fetch_block"
            ? [new ScriptedFrame(true, Convert.FromHexString("00000000000000000700000000000000" + "01000000ff000000"))]
            : OneRowThenSilence(request));
        using var c = new TaosConnection($"Url={server.Url};Timeout=5");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select v from t";
        var e = Assert.Throws<TaosException>(() => cmd.ExecuteScalar());
        Assert.Contains("malformed raw block", e.Message);
        Assert.Equal("select v from t", e.Sql);
    }

    [Fact]
    public async Task A_token_travels_on_the_upgrade_url_and_credentials_in_conn()
    {
        await using var server = await ScriptedWsServer.StartAsync(ScriptedWsServer.Handshake);
        using var c = new TaosConnection($"Url={server.Url};Token=abc/+=;Username=u1;Password=p1;Database=power");
        c.Open();
        Assert.Equal(["?token=abc%2F%2B%3D"], server.Upgrades);
        var conn = server.Requests.Single(r => r.Contains("\"conn\"", StringComparison.Ordinal));
        Assert.Contains("\"user\":\"u1\"", conn);
        Assert.Contains("\"password\":\"p1\"", conn);
        Assert.Contains("\"db\":\"power\"", conn);
        Assert.Equal("power", c.Database);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_TaosException_naming_it()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var c = new TaosConnection($"Url=ws://127.0.0.1:{port};Timeout=5");
        var e = await Assert.ThrowsAsync<TaosException>(() => c.OpenAsync());
        Assert.Contains($"ws://127.0.0.1:{port}", e.Message);
        Assert.True(e.IsTransient);
        Assert.Equal(System.Data.ConnectionState.Closed, c.State);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), "the condition did not come true within 10 s");
            await Task.Delay(20);
        }
    }
}
