using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Taos.Tests.Tmq;

/// <summary>
/// A loopback <c>/rest/tmq</c> server (Kestrel, real sockets) whose answers come from a script: for each text request
/// the frames to send back (text or binary). For what the embedded server does not do yet, e.g. several vgroups per
/// database, as recorded from a real TDengine. Records the requests it got.
/// </summary>
internal sealed class TmqScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<JsonElement, IReadOnlyList<(bool Binary, byte[] Payload)>> _script;

    private TmqScriptedServer(WebApplication app, Func<JsonElement, IReadOnlyList<(bool Binary, byte[] Payload)>> script)
    {
        _app = app;
        _script = script;
    }

    public List<JsonElement> Requests { get; } = [];

    public string Url { get; private set; } = "";

    public static async Task<TmqScriptedServer> StartAsync(Func<JsonElement, IReadOnlyList<(bool Binary, byte[] Payload)>> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new TmqScriptedServer(app, script);
        app.UseWebSockets();
        app.Map("/rest/tmq", server.HandleAsync);
        await app.StartAsync();
        server.Url = "ws://" + new Uri(app.Urls.First()).Authority;
        return server;
    }

    /// <summary>A text reply in taosAdapter's envelope answering <paramref name="request"/>, with the action's own fields.</summary>
    public static (bool, byte[]) Reply(JsonElement request, string fields = "") => (false, System.Text.Encoding.UTF8.GetBytes(
        $"{{\"code\":0,\"message\":\"\",\"action\":\"{request.GetProperty("action").GetString()}\",\"req_id\":{request.GetProperty("args").GetProperty("req_id").GetUInt64()},\"timing\":1{fields}}}"));

    private async Task HandleAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[1 << 16];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close) return;
                var request = JsonDocument.Parse(buffer.AsMemory(0, received.Count)).RootElement.Clone();
                lock (Requests) Requests.Add(request);
                foreach (var (binary, payload) in _script(request))
                {
                    await socket.SendAsync(payload, binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, context.RequestAborted);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
