using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Conformance;

/// <summary>
/// Drives a fresh embedded server with the message sequence of the official C# connector's recorded session
/// against a real TDengine 3.3.0.1 (<c>data/ws/official-clients</c>), connection by connection in recorded order
/// (later connections read what earlier ones wrote), and checks every reply: text replies as JSON with every field
/// equal except <c>timing</c> (<c>req_id</c> echoed as the exact unsigned 64-bit value), binary replies by length
/// and by every recorded byte after the 8-byte timing; a request the server did not answer must get no reply.
/// Client binary messages the recorder cut are rebuilt by <see cref="OfficialFrameSynthesizer"/>.
/// </summary>
[Trait("Category", "Conformance")]
public class OfficialClientSessionTests
{
    /// <summary>
    /// Connections whose every reply must match: 1-17 (queries, every type, errors, stmt insert and query; 3 creates the
    /// databases and tables the others use) and 22-28 (topics, their TMQ consumers, the drops; the few TMQ replies
    /// that cannot match byte for byte are checked as <see cref="OfficialTmqDifferences"/> says). 18-21 are
    /// schemaless, served later.
    /// </summary>
    public static readonly int[] Passing = [.. Enumerable.Range(1, 17), .. Enumerable.Range(22, 7)];

    /// <summary>
    /// Connections replayed for the data they create, their replies not checked: none since topics are served.
    /// </summary>
    public static readonly int[] SetupOnly = [];

    private const string Recording = "csharp-TDengine.Connector-3.1.1.txt";
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan QuietTime = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task The_official_csharp_connector_session_gets_the_recorded_replies()
    {
        var messages = OfficialSession.Parse(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Conformance", "data", "ws", "official-clients", Recording)));
        string dir = Path.Combine(Path.GetTempPath(), "taos-official-session-" + Guid.NewGuid().ToString("N"));
        var failures = new List<string>();
        int passed = 0;
        try
        {
            await using var server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = dir });
            foreach (int connection in Passing.Concat(SetupOnly).Order())
            {
                var exchange = messages.Where(m => m.Connection == connection).ToList();
                bool setup = SetupOnly.Contains(connection);
                int matched = await ReplayConnectionAsync(server.Url, connection, exchange, setup ? [] : failures);
                passed += setup ? 0 : matched;
            }
        }
        finally
        {
            ServerFixture.TryDelete(dir);
        }
        Assert.True(failures.Count == 0, $"{passed} replies matched, {failures.Count} did not:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(passed >= 700, $"only {passed} replies compared");
    }

    private static async Task<int> ReplayConnectionAsync(Uri url, int connection, List<OfficialMessage> exchange, List<string> failures)
    {
        var upgrade = exchange.Single(m => m.Kind == OfficialMessageKind.Upgrade);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{url.Authority}{upgrade.Text}"), CancellationToken.None);
        var inbox = Channel.CreateUnbounded<(byte[] Data, bool Binary)>();
        var pump = PumpAsync(socket, inbox.Writer);
        int passed = 0;
        var precision = TaosPrecision.Milliseconds;
        long counter = 0;
        foreach (var (message, index) in exchange.Select((m, i) => (m, i)))
        {
            string where = $"#{connection} message {index + 1}";
            if (message.Kind == OfficialMessageKind.Upgrade) continue;
            if (message.Kind == OfficialMessageKind.Close) break;
            if (message.FromClient)
            {
                var (data, type) = message.Kind == OfficialMessageKind.Text
                    ? (Encoding.UTF8.GetBytes(OurVgroups(message.Text)), WebSocketMessageType.Text)
                    : (OfficialFrameSynthesizer.Complete(message, precision, ref counter), WebSocketMessageType.Binary);
                await socket.SendAsync(data, type, true, CancellationToken.None);
                continue;
            }
            precision = PrecisionOfColumnFields(message) ?? precision;
            using var timeout = new CancellationTokenSource(ReplyTimeout);
            try
            {
                var got = await inbox.Reader.ReadAsync(timeout.Token);
                string? why = Compare(message, got);
                if (why is not null)
                {
                    why = OfficialTmqDifferences.Check(connection, index + 1, n => Recorded(exchange[n - 1]), got, why);
                }
                if (why is null) passed++;
                else failures.Add($"{where}: {why}");
            }
            catch (OperationCanceledException)
            {
                failures.Add($"{where}: no reply, want {message.Text}");
            }
        }
        await Task.Delay(QuietTime);
        while (inbox.Reader.TryRead(out var extra))
        {
            failures.Add($"#{connection}: unexpected reply {Show(extra)}");
        }
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await pump;
        return passed;
    }

    /// <summary>The time precision a recorded <c>get_col_fields</c> reply gives its timestamp column, else null.</summary>
    private static TaosPrecision? PrecisionOfColumnFields(OfficialMessage reply)
    {
        if (reply.Kind != OfficialMessageKind.Text || !reply.Text.Contains("\"action\":\"get_col_fields\"", StringComparison.Ordinal)) return null;
        using var doc = JsonDocument.Parse(reply.Text);
        if (!doc.RootElement.TryGetProperty("fields", out var fields)) return null;
        foreach (var field in fields.EnumerateArray())
        {
            if (field.GetProperty("field_type").GetInt32() == (int)TaosDataType.Timestamp)
                return (TaosPrecision)field.GetProperty("precision").GetInt32();
        }
        return null;
    }

    private static string? Compare(OfficialMessage want, (byte[] Data, bool Binary) got)
    {
        if (want.Kind == OfficialMessageKind.Binary)
        {
            if (!got.Binary) return $"expected a binary frame of {want.Length} bytes, got {Show(got)}";
            if (got.Data.Length != want.Length) return $"binary length {got.Data.Length}, want {want.Length}: {Show(got)}";
            return want.Bytes.AsSpan(8).SequenceEqual(got.Data.AsSpan(8, want.Bytes.Length - 8)) ? null : $"binary differs: {Show(got)}";
        }
        want = want with { Text = OurVgroups(want.Text) };
        using var record = JsonDocument.Parse(JsonSerializer.Serialize(new { type = "text", text = want.Text }));
        if (WsReplayTests.Compare(record.RootElement, got) is { } why) return why;
        using var wantDoc = JsonDocument.Parse(want.Text);
        using var gotDoc = JsonDocument.Parse(got.Data);
        bool sameId = !wantDoc.RootElement.TryGetProperty("req_id", out var w)
            || w.GetUInt64() == gotDoc.RootElement.GetProperty("req_id").GetUInt64();
        return sameId ? null : $"req_id {gotDoc.RootElement.GetProperty("req_id")}, want {w}";
    }

    private static OfficialMessage Recorded(OfficialMessage message) =>
        message.Kind == OfficialMessageKind.Text ? message with { Text = OurVgroups(message.Text) } : message;

    /// <summary>
    /// The recording's vgroup ids of offws (54, 55: the recorded TDengine had made other databases before) as the
    /// fresh server numbers them (2, 3: offws is its first database), in requests and replies alike.
    /// </summary>
    private static string OurVgroups(string text) => text
        .Replace("\"vgroup_id\":54", "\"vgroup_id\":2", StringComparison.Ordinal)
        .Replace("\"vgroup_id\":55", "\"vgroup_id\":3", StringComparison.Ordinal);

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
                if (result.MessageType == WebSocketMessageType.Close) break;
                inbox.TryWrite((message.ToArray(), result.MessageType == WebSocketMessageType.Binary));
            }
        }
        catch (WebSocketException)
        {
            // The socket went away; the replay reports the missing replies.
        }
        inbox.Complete();
    }

    private static string Show((byte[] Data, bool Binary) message)
    {
        string text = message.Binary ? Convert.ToHexStringLower(message.Data) : Encoding.UTF8.GetString(message.Data);
        return text.Length <= 300 ? text : text[..300] + "...";
    }
}
