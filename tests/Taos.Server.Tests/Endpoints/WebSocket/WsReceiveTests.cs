using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Taos.Server.Endpoints.WebSocket;
using Socket = System.Net.WebSockets.WebSocket;

namespace Taos.Server.Tests.Endpoints.WebSocket;

/// <summary>
/// <see cref="WsEndpoint.ReceiveAsync"/> over a real loopback socket: a large message (a 10,000-row bind block is
/// about 340 KB) arrives whole, in large pieces rather than 4 KB ones (the buffer hands each read all its room,
/// doubles when full and keeps its size for the next message); messages in several frames are joined; the buffer keeps no bytes of an earlier message.
/// </summary>
public sealed class WsReceiveTests
{
    /// <summary>The server side of the socket, counting its reads.</summary>
    private sealed class CountingSocket(Socket inner) : Socket
    {
        public int Reads { get; set; }

        public override WebSocketCloseStatus? CloseStatus => inner.CloseStatus;

        public override string? CloseStatusDescription => inner.CloseStatusDescription;

        public override WebSocketState State => inner.State;

        public override string? SubProtocol => inner.SubProtocol;

        public override void Abort() => inner.Abort();

        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
            inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
            inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

        public override void Dispose() => inner.Dispose();

        public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
        {
            Reads++;
            return inner.ReceiveAsync(buffer, cancellationToken);
        }

        public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            Reads++;
            return await inner.ReceiveAsync(buffer, cancellationToken);
        }

        public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
            inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);
    }

    [Fact]
    public async Task Large_messages_arrive_whole_in_large_pieces()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var accepted = await listener.AcceptTcpClientAsync();
        using var server = new CountingSocket(Socket.CreateFromStream(accepted.GetStream(), new WebSocketCreationOptions { IsServer = true }));
        using var sender = Socket.CreateFromStream(client.GetStream(), new WebSocketCreationOptions());
        var buffer = new ArrayBufferWriter<byte>(4096);

        var first = Enumerable.Range(0, 340_000).Select(i => (byte)(i * 7)).ToArray();
        var sending = sender.SendAsync(first, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Binary, await WsEndpoint.ReceiveAsync(server, buffer, CancellationToken.None));
        await sending;
        Assert.Equal(first, buffer.WrittenSpan.ToArray());
        // 4 KB pieces would take 84 reads; the buffer doubles instead (about 8 reads, more when the bytes trickle in).
        Assert.True(server.Reads < 40, $"{server.Reads} reads for the first message");

        var second = first.Reverse().ToArray();
        server.Reads = 0;
        sending = sender.SendAsync(second, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Binary, await WsEndpoint.ReceiveAsync(server, buffer, CancellationToken.None));
        await sending;
        Assert.Equal(second, buffer.WrittenSpan.ToArray());
        // The buffer kept its size: each read takes whatever has arrived (one read when it all has).
        Assert.True(server.Reads < 40, $"{server.Reads} reads for the second message");

        await sender.SendAsync("{\"a\":"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);
        await sender.SendAsync("1}"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Text, await WsEndpoint.ReceiveAsync(server, buffer, CancellationToken.None));
        Assert.Equal("{\"a\":1}"u8.ToArray(), buffer.WrittenSpan.ToArray());
    }
}
