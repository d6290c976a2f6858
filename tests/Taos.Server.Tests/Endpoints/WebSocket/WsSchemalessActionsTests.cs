using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Taos.Protocol.RawBlock;
using Taos.Server.Tests.Conformance;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Endpoints.WebSocket;

/// <summary>
/// The /ws <c>insert</c> action over a real loopback socket: connections #18-#21 of the official C# connector's
/// recorded session (schemaless line, telnet and JSON inserts, a bad line, and the queries that read them back)
/// replayed, replies compared like the WebSocket replay compares them (binary blocks byte for byte after the
/// timing, as far as the recording kept them).
/// </summary>
public sealed class WsSchemalessActionsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Recording = "csharp-TDengine.Connector-3.1.1.txt";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Official_client_schemaless_connections_replay_as_recorded()
    {
        await fixture.SqlAsync("drop database if exists offws_sml");
        await fixture.SqlAsync("create database offws_sml");
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Conformance", "data", "ws", "official-clients", Recording));
        var failures = new List<string>();
        foreach (int connection in new[] { 18, 19, 20, 21 })
        {
            var steps = lines.Where(l => l.StartsWith($"#{connection} ", StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]).Where(l => !l.StartsWith("C> HTTP", StringComparison.Ordinal)
                    && !l.StartsWith("S> HTTP", StringComparison.Ordinal)).ToList();
            failures.AddRange(await ReplayAsync(connection, steps));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // #18 goes on with "select distinct tbname": the children are named t_ + MD5 of "sml_line,host=…,region=…".
        using var socket = await ConnectAsync();
        await SendAsync(socket, """{"action":"conn","args":{"req_id":1,"user":"root","password":"taosdata","db":"offws_sml"}}""");
        await ReceiveAsync(socket);
        await SendAsync(socket, """{"action":"query","args":{"req_id":2,"sql":"select distinct tbname from offws_sml.sml_line order by tbname"}}""");
        ulong id = JsonDocument.Parse((await ReceiveAsync(socket)).Data).RootElement.GetProperty("id").GetUInt64();
        await SendAsync(socket, $$$"""{"action":"fetch","args":{"req_id":3,"id":{{{id}}}}}""");
        await ReceiveAsync(socket);
        await SendAsync(socket, $$$"""{"action":"fetch_block","args":{"req_id":4,"id":{{{id}}}}}""");
        var block = RawBlockReader.Read((await ReceiveAsync(socket)).Data.AsSpan(16));
        Assert.Equal(["t_66750147c2477fd6601581aea0348f8a", "t_b50ed161d16ead3d71b8146b29237450"], block.Rows.Select(r => (string)r[0]!).ToList());
    }

    [Fact]
    public async Task Insert_refuses_missing_protocol_and_database_and_keeps_serving()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, """{"action":"conn","args":{"req_id":1,"user":"root","password":"taosdata","db":""}}""");
        await ReceiveAsync(socket);
        var reply = await RequestAsync(socket, """{"action":"insert","args":{"req_id":2,"precision":"ms","data":"m v=1 1"}}""");
        Assert.Equal((65535, "args error"), (reply.GetProperty("code").GetInt32(), reply.GetProperty("message").GetString()));
        reply = await RequestAsync(socket, """{"action":"insert","args":{"req_id":3,"protocol":1,"precision":"ms","data":"m v=1 1"}}""");
        Assert.Equal((9750, "Database not specified"), (reply.GetProperty("code").GetInt32(), reply.GetProperty("message").GetString()));
        reply = await RequestAsync(socket, """{"action":"insert","args":{"req_id":4,"protocol":"x"}}""");
        Assert.Equal("unmarshal insert request error", reply.GetProperty("message").GetString());
        reply = await RequestAsync(socket, """{"action":"get_current_db","args":{"req_id":5}}""");
        Assert.Equal(0, reply.GetProperty("code").GetInt32());
    }

    private async Task<List<string>> ReplayAsync(int connection, List<string> steps)
    {
        var failures = new List<string>();
        using var socket = await ConnectAsync();
        for (int i = 0; i < steps.Count; i++)
        {
            string step = steps[i];
            if (step.StartsWith("C> [close]", StringComparison.Ordinal) || step.Contains("select distinct", StringComparison.Ordinal)) break;
            if (step.StartsWith("C> ", StringComparison.Ordinal))
            {
                await SendAsync(socket, step[3..]);
                continue;
            }
            var (data, binary) = await ReceiveAsync(socket);
            string? why = binary ? CompareBlock(step[3..], data) : CompareText(step[3..], data);
            if (why is not null) failures.Add($"#{connection} {step[..Math.Min(step.Length, 120)]}: {why}");
        }
        return failures;
    }

    /// <summary>A recorded <c>&lt;binary N bytes&gt; hex[...]</c>: the length, and the bytes after the timing as far as recorded.</summary>
    private static string? CompareBlock(string recorded, byte[] got)
    {
        if (!recorded.StartsWith("<binary ", StringComparison.Ordinal)) return "expected text, got a binary frame";
        int length = int.Parse(recorded["<binary ".Length..recorded.IndexOf(' ', "<binary ".Length)], System.Globalization.CultureInfo.InvariantCulture);
        string hex = recorded[(recorded.IndexOf("> ", StringComparison.Ordinal) + 2)..].Replace("...", "", StringComparison.Ordinal);
        byte[] want = Convert.FromHexString(hex);
        if (got.Length != length) return $"length {got.Length}, want {length}";
        return got.AsSpan(8, want.Length - 8).SequenceEqual(want.AsSpan(8)) ? null : "block differs: " + Convert.ToHexStringLower(got);
    }

    private static string? CompareText(string recorded, byte[] got)
    {
        using var want = JsonDocument.Parse(recorded);
        using var have = JsonDocument.Parse(got);
        var wantKeys = want.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var gotKeys = have.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        if (!wantKeys.SequenceEqual(gotKeys)) return "fields differ: " + Encoding.UTF8.GetString(got);
        foreach (string key in wantKeys.Where(k => k != "timing"))
        {
            if (!ConformanceReplayTests.JsonEqual(want.RootElement.GetProperty(key), have.RootElement.GetProperty(key)))
                return $"field {key}: " + Encoding.UTF8.GetString(got);
        }
        return null;
    }

    private async Task<ClientWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{fixture.Server.Url.Authority}/ws"), CancellationToken.None);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement> RequestAsync(ClientWebSocket socket, string text)
    {
        await SendAsync(socket, text);
        return JsonDocument.Parse((await ReceiveAsync(socket)).Data).RootElement.Clone();
    }

    private static async Task<(byte[] Data, bool Binary)> ReceiveAsync(ClientWebSocket socket)
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var stream = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cts.Token);
            stream.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return (stream.ToArray(), result.MessageType == WebSocketMessageType.Binary);
        }
    }
}
