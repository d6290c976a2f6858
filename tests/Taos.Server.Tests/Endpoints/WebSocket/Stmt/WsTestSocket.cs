using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Taos.Protocol.RawBlock;

namespace Taos.Server.Tests.Endpoints.WebSocket.Stmt;

/// <summary>A loopback WebSocket client of <c>/ws</c> for tests: JSON requests, binary messages, replies.</summary>
internal sealed class WsTestSocket : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly ClientWebSocket _socket = new();
    private ulong _requestId = 100;

    public static async Task<WsTestSocket> ConnectAsync(TaosServer server, string db = "", string path = "/ws")
    {
        var socket = new WsTestSocket();
        await socket._socket.ConnectAsync(new Uri($"ws://{server.Url.Authority}{path}"), CancellationToken.None);
        var conn = await socket.RequestAsync("conn", new { user = "root", password = "taosdata", db });
        Assert.Equal(0, conn.GetProperty("code").GetInt32());
        return socket;
    }

    /// <summary>Sends <c>{"action":…,"args":{req_id, …args}}</c> and returns the reply.</summary>
    public async Task<JsonElement> RequestAsync(string action, object? args = null)
    {
        await SendAsync(action, args);
        return await ReceiveJsonAsync();
    }

    /// <summary>Sends a JSON request without waiting for a reply.</summary>
    public Task SendAsync(string action, object? args = null)
    {
        var fields = args is null ? [] : JsonSerializer.SerializeToElement(args).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        fields["req_id"] = ++_requestId;
        string text = JsonSerializer.Serialize(new { action, args = fields });
        return _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
    }

    /// <summary>Sends a binary message: the 24-byte header, then <paramref name="payload"/>; returns the JSON reply.</summary>
    public Task<JsonElement> BinaryAsync(ulong action, ulong id, byte[] payload, ulong requestId = 7)
    {
        var message = new byte[24 + payload.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(message, requestId);
        BinaryPrimitives.WriteUInt64LittleEndian(message.AsSpan(8), id);
        BinaryPrimitives.WriteUInt64LittleEndian(message.AsSpan(16), action);
        payload.CopyTo(message.AsSpan(24));
        return RawAsync(message);
    }

    /// <summary>Sends <paramref name="message"/> as a binary frame as is; returns the JSON reply.</summary>
    public async Task<JsonElement> RawAsync(byte[] message)
    {
        await SendRawAsync(message);
        return await ReceiveJsonAsync();
    }

    /// <summary>Sends <paramref name="message"/> as a binary frame without waiting for a reply.</summary>
    public Task SendRawAsync(byte[] message) => _socket.SendAsync(message, WebSocketMessageType.Binary, true, CancellationToken.None);

    public async Task<JsonElement> ReceiveJsonAsync()
    {
        var (data, type) = await ReceiveAsync();
        Assert.True(type == WebSocketMessageType.Text, "expected a text reply");
        return JsonDocument.Parse(data).RootElement.Clone();
    }

    /// <summary>The rows of an open result, read with fetch/fetch_block until completed.</summary>
    public async Task<List<object?[]>> ReadAllAsync(ulong resultId)
    {
        var rows = new List<object?[]>();
        while (true)
        {
            var fetch = await RequestAsync("fetch", new { id = resultId });
            Assert.Equal(0, fetch.GetProperty("code").GetInt32());
            if (fetch.GetProperty("completed").GetBoolean()) return rows;
            await SendAsync("fetch_block", new { id = resultId });
            var (data, type) = await ReceiveAsync();
            Assert.Equal(WebSocketMessageType.Binary, type);
            rows.AddRange(RawBlockReader.Read(data.AsSpan(16)).Rows);
        }
    }

    private async Task<(byte[] Data, WebSocketMessageType Type)> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var message = new MemoryStream();
        var buffer = new byte[1 << 16];
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer.AsMemory(), cts.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return (message.ToArray(), result.MessageType);
    }

    public void Dispose() => _socket.Dispose();
}
