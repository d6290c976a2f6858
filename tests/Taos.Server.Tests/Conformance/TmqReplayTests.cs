using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Conformance;

/// <summary>
/// Replays <c>data/ws/tmq.jsonl</c> (one <c>/rest/tmq</c> connection recorded from taosAdapter 3.3.0.1 after
/// <c>tmq-setup.sql</c>) against a fresh embedded server, structurally: the recorded vgroup id (104) stands for the
/// server's own, <c>timing</c> is ignored, binary replies are compared after their first 8 bytes (timing).
/// </summary>
[Trait("Category", "Conformance")]
public class TmqReplayTests
{
    /// <summary>Where a <c>fetch_raw</c> frame holds the response offset's version (frame 38 + 1 + 4 + reqOffset 9 + type 1).</summary>
    private const int RawResponseOffsetAt = 53;

    private const string RecordedVgroup = "\"vgroup_id\":104";
    /// <summary>The fresh server's first database (cx_tmq, VGROUPS 1) gets vgroup id 2, as TDengine numbers them.</summary>
    private const string OurVgroup = "\"vgroup_id\":2";

    [Fact]
    public async Task The_recorded_consumer_session_replays()
    {
        string dir = Path.Combine(Path.GetTempPath(), "taos-tmq-conformance-" + Guid.NewGuid().ToString("N"));
        var failures = new List<string>();
        int passed = 0;
        try
        {
            await using var server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = dir });
            await WsReplayTests.SetupAsync(server.Url, "tmq-setup.sql");
            var records = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Conformance", "data", "ws", "tmq.jsonl"))
                .Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri($"ws://{server.Url.Authority}/rest/tmq"), CancellationToken.None);
            for (int i = 0; i < records.Count; i++)
            {
                string text = records[i].GetProperty("text").GetString()!.Replace(RecordedVgroup, OurVgroup, StringComparison.Ordinal);
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
                var expected = records[++i];
                var (data, binary) = await ReceiveAsync(socket);
                string? why = Compare(expected, data, binary);
                if (why is null) passed++;
                else failures.Add($"tmq.jsonl:{i + 1}: {why}");
            }
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        finally
        {
            ServerFixture.TryDelete(dir);
        }
        Assert.True(failures.Count == 0, $"{passed} passed\n" + string.Join("\n", failures));
        Assert.Equal(42, passed);
    }

    private static string? Compare(JsonElement expected, byte[] data, bool binary)
    {
        if (expected.GetProperty("type").GetString() == "binary")
        {
            if (!binary) return "expected a binary reply, got " + Encoding.UTF8.GetString(data);
            if (data.Length > RawResponseOffsetAt + 8 && data[24] == 3)
            {
                // fetch_raw: the response offset is TDengine's next WAL version (5: its vnode had logged one more
                // entry of its own since the 4 the consumer's position showed); ours is the position, 4.
                Assert.Equal(4, BitConverter.ToInt64(data, RawResponseOffsetAt));
                Convert.FromHexString(expected.GetProperty("hex").GetString()!).AsSpan(RawResponseOffsetAt, 8).CopyTo(data.AsSpan(RawResponseOffsetAt));
            }
            string hex = Convert.ToHexString(data).ToLowerInvariant();
            return hex[16..] == expected.GetProperty("hex").GetString()![16..] ? null : "binary differs: " + hex;
        }
        if (binary) return "expected a text reply, got binary";
        var want = Strip(expected.GetProperty("text").GetString()!.Replace(RecordedVgroup, OurVgroup, StringComparison.Ordinal));
        var got = Strip(Encoding.UTF8.GetString(data));
        return JsonNode.DeepEquals(want, got) ? null : $"expected {want.ToJsonString()}, got {got.ToJsonString()}";
    }

    private static JsonNode Strip(string text)
    {
        var node = JsonNode.Parse(text)!;
        node.AsObject().Remove("timing");
        return node;
    }

    private static async Task<(byte[] Data, bool Binary)> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return (message.ToArray(), result.MessageType == WebSocketMessageType.Binary);
    }
}
