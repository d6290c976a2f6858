using System.Diagnostics;

namespace Taos.Tests.Transport.WebSocket;

/// <summary>A send that cannot complete (the server stopped reading) fails within the command's timeout instead of hanging.</summary>
public class WsSendTimeoutTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_send_to_a_server_that_stopped_reading_fails_within_the_timeout_as_not_sent(bool async)
    {
        // The first query stalls the server's loop for 30 s: it reads nothing more meanwhile.
        await using var server = await ScriptedWsServer.StartAsync(request => ScriptedWsServer.Action(request) == "query"
            ? [ScriptedWsServer.Ok("query", request) with { Delay = TimeSpan.FromSeconds(30) }]
            : ScriptedWsServer.Handshake(request));
        using var c = new TaosConnection($"Url={server.Url};Timeout=1");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select 1";
        Assert.IsType<TimeoutException>(Assert.Throws<TaosException>(() => cmd.ExecuteNonQuery()).InnerException);

        // 32 MB of SQL: far more than loopback's socket buffers hold, so the send blocks.
        cmd.CommandText = "select '" + new string('x', 32 * 1024 * 1024) + "'";
        var sw = Stopwatch.StartNew();
        var e = async ? await Assert.ThrowsAsync<TaosException>(() => cmd.ExecuteNonQueryAsync()) : Assert.Throws<TaosException>(() => cmd.ExecuteNonQuery());

        Assert.InRange(sw.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(15));
        Assert.IsType<OperationCanceledException>(e.InnerException?.InnerException, exactMatch: false);
        Assert.Contains("not sent", e.Message, StringComparison.Ordinal);
        Assert.Contains("timeout of 1 s", e.Message, StringComparison.Ordinal);
    }
}
