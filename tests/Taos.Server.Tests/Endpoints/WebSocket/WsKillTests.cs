using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Endpoints.WebSocket;

/// <summary>
/// A WebSocket connection as perf_connections and perf_queries show it, and what KILL QUERY and KILL CONNECTION
/// (sent over REST) do to it: the killed query's next fetch fails with 0x022D, the killed connection is dropped.
/// </summary>
public class WsKillTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Kill_query_stops_a_fetch_and_kill_connection_drops_the_socket()
    {
        Assert.Equal(0, (await fixture.SqlAsync("create database if not exists wk")).Code);
        Assert.Equal(0, (await fixture.SqlAsync("create table if not exists wk.t (ts timestamp, v int)")).Code);
        Assert.Equal(0, (await fixture.SqlAsync("insert into wk.t values (1704067200000, 1) (1704067201000, 2)")).Code);

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{fixture.Server.Url.Authority}/ws"), CancellationToken.None);
        Assert.Equal(0, (await RequestAsync(socket, """{"action":"conn","args":{"req_id":1,"user":"root","password":"taosdata","db":"wk"}}""")).GetProperty("code").GetInt32());

        // The REST request that asks is a connection too; the WebSocket one is the other.
        var connections = (await fixture.SqlAsync("show connections")).Json.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, connections.Count);
        var ws = connections.OrderBy(c => c[0].GetInt32()).First();
        int connId = ws[0].GetInt32();
        Assert.Equal(("root", "taosadapter"), (ws[1].GetString(), ws[2].GetString()));
        Assert.StartsWith("127.0.0.1:", ws[4].GetString(), StringComparison.Ordinal);

        var query = await RequestAsync(socket, """{"action":"query","args":{"req_id":2,"sql":"select v from t"}}""");
        ulong resultId = query.GetProperty("id").GetUInt64();
        var queries = (await fixture.SqlAsync("show queries")).Json.GetProperty("data").EnumerateArray().ToList();
        var running = Assert.Single(queries, q => q[12].GetString() == "select v from t");
        Assert.Equal(connId, running[2].GetInt32());
        Assert.Single(queries, q => q[12].GetString() == "show queries");

        Assert.Equal(0, (await fixture.SqlAsync($"kill query '{running[0].GetString()}'")).Code);
        var fetch = await RequestAsync(socket, $$$"""{"action":"fetch","args":{"req_id":3,"id":{{{resultId}}}}}""");
        Assert.Equal((0x022D, "Query killed"), (fetch.GetProperty("code").GetInt32(), fetch.GetProperty("message").GetString()));

        Assert.Equal(0, (await fixture.SqlAsync($"kill connection {connId}")).Code);
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await SendAsync(socket, """{"action":"get_current_db","args":{"req_id":4}}""");
            var (_, type) = await ReceiveAsync(socket);
            Assert.NotEqual(WebSocketMessageType.Close, type);
        });
        var left = (await fixture.SqlAsync("show connections")).Json.GetProperty("data").EnumerateArray();
        Assert.DoesNotContain(left, c => c[0].GetInt32() == connId);
        var again = await fixture.SqlAsync($"kill connection {connId}");
        Assert.Equal((0x030E, "Invalid connection id"), (again.Code, again.Desc));
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement> RequestAsync(ClientWebSocket socket, string text)
    {
        await SendAsync(socket, text);
        var (data, type) = await ReceiveAsync(socket);
        Assert.Equal(WebSocketMessageType.Text, type);
        return JsonDocument.Parse(data).RootElement.Clone();
    }

    private static async Task<(byte[] Data, WebSocketMessageType Type)> ReceiveAsync(ClientWebSocket socket)
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var message = new MemoryStream();
        var buffer = new byte[4096];
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(), cts.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return (message.ToArray(), result.MessageType);
    }
}
