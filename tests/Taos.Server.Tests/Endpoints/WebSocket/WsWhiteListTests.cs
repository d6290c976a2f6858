using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Endpoints.WebSocket;

/// <summary>The IP white list at the <c>/ws</c> <c>conn</c> action: a client from 127.0.0.2 is refused with 308 unless its user's list admits it.</summary>
public sealed class WsWhiteListTests(EnforcingServerFixture fixture) : IClassFixture<EnforcingServerFixture>
{
    private async Task<JsonElement> ConnectAsync(string user, string password)
    {
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { ConnectCallback = RestWhiteListTests.ConnectFrom127002Async });
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{fixture.Server.Url.Authority}/ws"), invoker, CancellationToken.None);
        string conn = JsonSerializer.Serialize(new { action = "conn", args = new { req_id = 1, user, password, db = "" } });
        await socket.SendAsync(Encoding.UTF8.GetBytes(conn), WebSocketMessageType.Text, true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        var result = await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
        Assert.True(result.EndOfMessage);
        return JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement.Clone();
    }

    [Fact]
    public async Task Conn_from_outside_the_users_list_is_refused_while_root_connects()
    {
        Assert.Equal(0, (await fixture.SqlAsync("create user ws_host_u pass 'p1'")).Code);
        try
        {
            var refused = await ConnectAsync("ws_host_u", "p1");
            Assert.Equal((308, "Not allowed to connect"), (refused.GetProperty("code").GetInt32(), refused.GetProperty("message").GetString()));
            Assert.Equal(0, (await ConnectAsync("root", "taosdata")).GetProperty("code").GetInt32());

            Assert.Equal(0, (await fixture.SqlAsync("alter user ws_host_u add host '127.0.0.2'")).Code);
            Assert.Equal(0, (await ConnectAsync("ws_host_u", "p1")).GetProperty("code").GetInt32());
        }
        finally
        {
            await fixture.SqlAsync("drop user ws_host_u");
        }
    }
}
