using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Taos.Tests.Transport.WebSocket;

/// <summary>One message a <see cref="ScriptedWsServer"/> sends back, after <see cref="Delay"/>.</summary>
internal readonly record struct ScriptedFrame(bool Binary, byte[] Payload)
{
    public TimeSpan Delay { get; init; }

    public static ScriptedFrame Text(string json) => new(false, System.Text.Encoding.UTF8.GetBytes(json));
}

/// <summary>
/// A loopback WebSocket server (Kestrel) on <c>/ws</c> whose answers come from a script: for each text request the
/// script returns the frames to send (none: the server stays silent), or null to drop the connection. Records every
/// request it got, for tests of what the connector sends, of malformed answers, stalls and broken sockets.
/// </summary>
internal sealed class ScriptedWsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<JsonElement, IReadOnlyList<ScriptedFrame>?> _script;

    private ScriptedWsServer(WebApplication app, Func<JsonElement, IReadOnlyList<ScriptedFrame>?> script)
    {
        _app = app;
        _script = script;
    }

    public List<string> Requests { get; } = [];

    /// <summary>The binary messages the clients sent (stmt <c>set_tags</c>/<c>bind</c>), in order.</summary>
    public List<byte[]> BinaryRequests { get; } = [];

    /// <summary>Answers binary messages (none when null: the server stays silent).</summary>
    public Func<byte[], IReadOnlyList<ScriptedFrame>?>? BinaryScript { get; set; }

    /// <summary>The <c>Sec-WebSocket-Extensions</c> the clients offered, one per socket.</summary>
    public List<string> Extensions { get; } = [];

    /// <summary>The query strings of the upgrade requests, one per socket.</summary>
    public List<string> Upgrades { get; } = [];

    public string Url { get; private set; } = "";

    public static async Task<ScriptedWsServer> StartAsync(Func<JsonElement, IReadOnlyList<ScriptedFrame>?> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ScriptedWsServer(app, script);
        app.UseWebSockets();
        app.Map("/ws", server.HandleAsync);
        await app.StartAsync();
        server.Url = "ws://" + new Uri(app.Urls.First()).Authority;
        return server;
    }

    /// <summary>The usual handshake answers: <c>version</c> and a successful <c>conn</c>, echoing the request id.</summary>
    public static IReadOnlyList<ScriptedFrame>? Handshake(JsonElement request) => Action(request) switch
    {
        "version" => [ScriptedFrame.Text("{\"code\":0,\"message\":\"\",\"action\":\"version\",\"req_id\":0,\"timing\":1,\"version\":\"3.3.0.1\"}")],
        "conn" => [Ok("conn", request)],
        _ => [],
    };

    public static string Action(JsonElement request) => request.GetProperty("action").GetString()!;

    public static ulong RequestId(JsonElement request) => request.GetProperty("args").GetProperty("req_id").GetUInt64();

    public static ScriptedFrame Ok(string action, JsonElement request, string fields = "") =>
        ScriptedFrame.Text($"{{\"code\":0,\"message\":\"\",\"action\":\"{action}\",\"req_id\":{RequestId(request)},\"timing\":1{fields}}}");

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        lock (Upgrades) Upgrades.Add(context.Request.QueryString.Value ?? "");
        lock (Extensions) Extensions.Add(context.Request.Headers["Sec-WebSocket-Extensions"].ToString());
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[1 << 20];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close) return;
                if (received.MessageType == WebSocketMessageType.Binary && BinaryScript is { } binaryScript)
                {
                    var message = buffer.AsSpan(0, received.Count).ToArray();
                    lock (Requests) Requests.Add("(binary)");
                    lock (BinaryRequests) BinaryRequests.Add(message);
                    foreach (var frame in binaryScript(message) ?? [])
                    {
                        await socket.SendAsync(frame.Payload, frame.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, context.RequestAborted);
                    }
                    continue;
                }
                string text = System.Text.Encoding.UTF8.GetString(buffer, 0, received.Count);
                lock (Requests) Requests.Add(text);
                if (!text.StartsWith('{')) continue;
                using var request = JsonDocument.Parse(text);
                var frames = _script(request.RootElement);
                if (frames is null)
                {
                    socket.Abort();
                    return;
                }
                foreach (var frame in frames)
                {
                    if (frame.Delay > TimeSpan.Zero) await Task.Delay(frame.Delay);
                    await socket.SendAsync(frame.Payload, frame.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, context.RequestAborted);
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
        // Pooled clients keep their sockets open: do not wait the graceful stop's 30 s for them.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
