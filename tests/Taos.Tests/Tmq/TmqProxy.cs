using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Taos.Tests.Tmq;

/// <summary>
/// A loopback WebSocket relay in front of a server's <c>/rest/tmq</c> (Kestrel, real sockets): it records every text
/// frame the client sends and can drop every connection at once, as a failing network would.
/// </summary>
internal sealed class TmqProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Uri _target;
    private readonly List<WebSocket> _open = [];

    private TmqProxy(WebApplication app, Uri target)
    {
        _app = app;
        _target = target;
    }

    /// <summary>The text frames clients sent, in order.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Connections accepted so far.</summary>
    public int Connections { get; private set; }

    public string Url { get; private set; } = "";

    public static async Task<TmqProxy> StartAsync(Uri server)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new TmqProxy(app, new UriBuilder(server) { Scheme = "ws", Path = "/rest/tmq" }.Uri);
        app.UseWebSockets();
        app.Map("/rest/tmq", proxy.RelayAsync);
        await app.StartAsync();
        proxy.Url = "ws://" + new Uri(app.Urls.First()).Authority;
        return proxy;
    }

    /// <summary>Aborts every open connection (client and server side).</summary>
    public void DropAll()
    {
        lock (_open)
        {
            foreach (var socket in _open) socket.Abort();
            _open.Clear();
        }
    }

    private async Task RelayAsync(HttpContext context)
    {
        using var client = await context.WebSockets.AcceptWebSocketAsync();
        using var server = new ClientWebSocket();
        await server.ConnectAsync(_target, CancellationToken.None);
        lock (_open)
        {
            Connections++;
            _open.Add(client);
            _open.Add(server);
        }
        var up = PumpAsync(client, server, record: true);
        var down = PumpAsync(server, client, record: false);
        await Task.WhenAny(up, down);
        client.Abort();
        server.Abort();
        await Task.WhenAll(up, down);
    }

    private async Task PumpAsync(WebSocket from, WebSocket to, bool record)
    {
        var buffer = new byte[1 << 16];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await from.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);
                if (received.MessageType == WebSocketMessageType.Close) return;
                if (record && received.MessageType == WebSocketMessageType.Text)
                {
                    lock (Requests) Requests.Add(System.Text.Encoding.UTF8.GetString(message.ToArray()));
                }
                await to.SendAsync(message.ToArray(), received.MessageType, true, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side went away: the relay ends.
        }
    }

    public async ValueTask DisposeAsync()
    {
        DropAll();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
