using System.Diagnostics;
using System.Net.WebSockets;
using Taos.Server.Tests.Endpoints.WebSocket.Stmt;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Endpoints.WebSocket;

/// <summary>Stopping the server ends the WebSocket sessions that are still open instead of waiting for their clients.</summary>
public class WsShutdownTests
{
    [Theory]
    [InlineData("/ws")]
    [InlineData("/rest/tmq")]
    public async Task Stop_ends_open_sockets_at_once_and_their_clients_see_the_end(string path)
    {
        string dir = Path.Combine(Path.GetTempPath(), "taos-ws-stop-" + Guid.NewGuid().ToString("N"));
        try
        {
            var server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = dir });
            using var client = new ClientWebSocket();
            await client.ConnectAsync(new Uri($"ws://{server.Url.Authority}{path}"), CancellationToken.None);
            using var socket = path == "/ws" ? await WsTestSocket.ConnectAsync(server) : null;

            var watch = Stopwatch.StartNew();
            await server.StopAsync();
            // The graceful stop would wait 30 s for a socket whose client stays; ending them is far quicker.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"stop took {watch.Elapsed}");

            var buffer = new byte[64];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var ended = await Record.ExceptionAsync(async () =>
            {
                var result = await client.ReceiveAsync(buffer, timeout.Token);
                Assert.Equal(WebSocketMessageType.Close, result.MessageType);
            });
            Assert.True(ended is null or WebSocketException, $"the client saw {ended}");
        }
        finally
        {
            ServerFixture.TryDelete(dir);
        }
    }
}
