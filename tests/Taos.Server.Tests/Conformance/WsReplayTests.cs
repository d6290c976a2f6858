using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Conformance;

/// <summary>
/// Replays the WebSocket exchanges recorded from a real taosAdapter 3.3.0.1 (<c>data/ws</c>, after <c>setup.sql</c>
/// over REST) against a fresh embedded server over a loopback <see cref="ClientWebSocket"/>, comparing like
/// <c>conformance/ws-replay.mjs</c>: text replies as JSON with every field equal except the value of <c>timing</c>
/// (and only the <c>ver:</c> line of <c>get_server_info</c>'s <c>info</c>), binary replies byte for byte after the
/// first 8 bytes (timing); a request without a recorded reply must get none.
/// </summary>
[Trait("Category", "Conformance")]
public class WsReplayTests
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan QuietTime = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Replay_in_recorded_order_matches_the_recordings()
    {
        // The recorded order: ws.jsonl's interval query counts a row restws.jsonl inserted.
        (string File, string Path)[] files = [("restws.jsonl", "/rest/ws"), ("ws.jsonl", "/ws"), ("ws_errors.jsonl", "/ws"), ("ws_stmt.jsonl", "/ws")];
        string dir = Path.Combine(Path.GetTempPath(), "taos-ws-conformance-" + Guid.NewGuid().ToString("N"));
        var failures = new List<string>();
        var counts = new List<string>();
        try
        {
            await using var server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = dir });
            await SetupAsync(server.Url);
            foreach (var (file, path) in files)
            {
                int before = failures.Count;
                int passed = await ReplayAsync(server.Url, file, path, failures);
                counts.Add($"{file}: {passed} passed, {failures.Count - before} failed");
                Assert.True(passed > 0, file);
            }
        }
        finally
        {
            ServerFixture.TryDelete(dir);
        }
        Assert.True(failures.Count == 0, string.Join("\n", counts.Concat(failures)));
    }

    private static async Task<int> ReplayAsync(Uri url, string file, string path, List<string> failures)
    {
        var records = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Conformance", "data", "ws", file))
            .Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        int passed = 0;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{url.Authority}{path}"), CancellationToken.None);
        var inbox = Channel.CreateUnbounded<(byte[] Data, bool Binary)>();
        var pump = PumpAsync(socket, inbox.Writer);
        for (int i = 0; i < records.Count; i++)
        {
            var record = records[i];
            string where = $"{file}:{i + 1}";
            if (record.GetProperty("dir").GetString() == "send")
            {
                string text = record.GetProperty("text").GetString()!;
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
                if (i + 1 >= records.Count || records[i + 1].GetProperty("dir").GetString() != "recv")
                {
                    await Task.Delay(QuietTime);
                    while (inbox.Reader.TryRead(out var extra))
                    {
                        failures.Add($"{where}: unexpected message {Show(extra)}");
                    }
                }
                continue;
            }
            using var timeout = new CancellationTokenSource(ReplyTimeout);
            (byte[] Data, bool Binary) got;
            try
            {
                got = await inbox.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                failures.Add($"{where}: no reply");
                continue;
            }
            string? why = Compare(record, got);
            if (why is null) passed++;
            else failures.Add($"{where}: {why}");
        }
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await pump;
        return passed;
    }

    /// <summary>Runs a setup script of Conformance/data/ws (one statement per line, "--" comments) over REST as root.</summary>
    internal static async Task SetupAsync(Uri url, string file = "setup.sql")
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = ServerFixture.Basic("root", "taosdata");
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Conformance", "data", "ws", file))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal));
        foreach (string sql in lines)
        {
            using var content = new StringContent(sql, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            using var response = await client.PostAsync(new Uri(url, "/rest/sql"), content);
            string body = await response.Content.ReadAsStringAsync();
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("code").GetInt32() == 0, $"setup {sql}: {body}");
        }
    }

    private static async Task PumpAsync(ClientWebSocket socket, ChannelWriter<(byte[], bool)> inbox)
    {
        var buffer = new byte[1 << 16];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                inbox.TryWrite((message.ToArray(), result.MessageType == WebSocketMessageType.Binary));
            }
        }
        catch (WebSocketException)
        {
            // The socket went away; the replay reports the missing replies.
        }
        inbox.Complete();
    }

    internal static string? Compare(JsonElement record, (byte[] Data, bool Binary) got)
    {
        if (record.GetProperty("type").GetString() == "binary")
        {
            byte[] want = Convert.FromHexString(record.GetProperty("hex").GetString()!);
            if (!got.Binary) return $"expected a binary frame, got {Show(got)}";
            if (got.Data.Length != want.Length) return $"binary length {got.Data.Length}, want {want.Length}: {Show(got)}";
            return want.AsSpan(8).SequenceEqual(got.Data.AsSpan(8)) ? null : $"binary differs: {Show(got)}";
        }
        string wantText = record.GetProperty("text").GetString()!;
        if (got.Binary) return $"expected {wantText}, got binary {Show(got)}";
        using var wantDoc = JsonDocument.Parse(wantText);
        JsonDocument gotDoc;
        try
        {
            gotDoc = JsonDocument.Parse(got.Data);
        }
        catch (JsonException)
        {
            return $"reply is not JSON: {Show(got)}";
        }
        using (gotDoc)
        {
            return DiffReply(wantDoc.RootElement, gotDoc.RootElement) is { } why ? $"{why}: want {wantText}, got {Show(got)}" : null;
        }
    }

    private static string? DiffReply(JsonElement want, JsonElement got)
    {
        var wantKeys = want.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var gotKeys = got.ValueKind == JsonValueKind.Object ? got.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList() : [];
        if (!wantKeys.SequenceEqual(gotKeys)) return "fields differ";
        bool serverInfo = want.TryGetProperty("action", out var action) && action.GetString() == "get_server_info";
        foreach (string key in wantKeys)
        {
            if (key == "timing") continue;
            JsonElement w = want.GetProperty(key), g = got.GetProperty(key);
            if (key == "info" && serverInfo && w.ValueKind == JsonValueKind.String && g.ValueKind == JsonValueKind.String)
            {
                if (VersionLine(w.GetString()!) != VersionLine(g.GetString()!)) return "field info";
                continue;
            }
            if (!ConformanceReplayTests.JsonEqual(w, g)) return $"field {key}";
        }
        return null;
    }

    private static string? VersionLine(string info) => info.Split('\n').FirstOrDefault(l => l.StartsWith("ver:", StringComparison.Ordinal));

    private static string Show((byte[] Data, bool Binary) message)
    {
        string text = message.Binary ? Convert.ToHexStringLower(message.Data) : Encoding.UTF8.GetString(message.Data);
        return text.Length <= 300 ? text : text[..300] + "...";
    }
}
