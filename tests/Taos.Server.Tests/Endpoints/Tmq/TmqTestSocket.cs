using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Taos.Protocol.RawBlock;

namespace Taos.Server.Tests.Endpoints.Tmq;

/// <summary>A <c>/rest/tmq</c> client over a real loopback WebSocket, for the endpoint tests.</summary>
internal sealed class TmqTestSocket : IDisposable
{
    private readonly ClientWebSocket _socket = new();
    private ulong _requestId;

    /// <summary>Connects to <paramref name="server"/>'s <c>/rest/tmq</c>, through <paramref name="invoker"/> when given.</summary>
    public static async Task<TmqTestSocket> ConnectAsync(TaosServer server, HttpMessageInvoker? invoker = null)
    {
        var socket = new TmqTestSocket();
        await socket._socket.ConnectAsync(new Uri($"ws://{server.Url.Authority}/rest/tmq"), invoker, CancellationToken.None);
        return socket;
    }

    public Task SendRawAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task<JsonElement> RequestAsync(string action, object args)
    {
        var (data, _) = await SendAsync(action, args);
        return JsonDocument.Parse(data).RootElement.Clone();
    }

    /// <summary>Polls one message and reads all its rows with fetch/fetch_block.</summary>
    public async Task<List<object?[]>> ReadMessageAsync()
    {
        var poll = await RequestAsync("poll", new { blocking_time = 2000 });
        Assert.True(poll.GetProperty("have_message").GetBoolean(), poll.GetRawText());
        ulong id = poll.GetProperty("message_id").GetUInt64();
        var rows = new List<object?[]>();
        while (true)
        {
            var fetch = await RequestAsync("fetch", new { message_id = id });
            if (fetch.GetProperty("completed").GetBoolean()) return rows;
            var (block, binary) = await SendAsync("fetch_block", new { message_id = id });
            Assert.True(binary);
            rows.AddRange(RawBlockReader.Read(block.AsSpan(24)).Rows);
        }
    }

    public async Task<(byte[] Data, bool Binary)> SendAsync(string action, object args)
    {
        var fields = JsonSerializer.SerializeToElement(args).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        fields["req_id"] = ++_requestId;
        await SendRawAsync(JsonSerializer.Serialize(new { action, args = fields }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return (message.ToArray(), result.MessageType == WebSocketMessageType.Binary);
    }

    public void Dispose() => _socket.Dispose();
}
