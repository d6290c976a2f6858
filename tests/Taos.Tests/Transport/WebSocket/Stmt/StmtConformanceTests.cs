using System.Buffers.Binary;
using System.Text.Json;
using Taos.Protocol.RawBlock;

namespace Taos.Tests.Transport.WebSocket.Stmt;

/// <summary>
/// A prepared INSERT of the connector against the recorded stmt session of a real taosAdapter 3.3.0.1
/// (<c>Conformance/data/ws_stmt.jsonl</c>, its first statement): the connector sends the recorded sequence of
/// actions with the recorded arguments — <c>set_tags</c> and <c>bind</c> as binary messages whose blocks hold the
/// recorded values (the recording sent them as JSON) — and reads the recorded answers.
/// </summary>
public class StmtConformanceTests
{
    private const string Sql = "insert into ? using meters tags(?, ?) values(?, ?, ?, ?)";

    [Fact]
    public async Task A_prepared_insert_sends_the_recorded_stmt_sequence()
    {
        var script = new RecordedWsScript("ws_stmt.jsonl");
        await using var server = await ScriptedWsServer.StartAsync(r => ScriptedWsServer.Action(r) is "version" or "conn" ? ScriptedWsServer.Handshake(r) : script.Answer(r));
        server.BinaryScript = message => script.Answer(AsJson(message));
        using (var c = new TaosConnection("Url=" + server.Url + ";Database=power;Timeout=10"))
        {
            await c.OpenAsync();
            using var cmd = new TaosCommand(Sql, c);
            foreach (var value in new object[] { "power.d2001", 5, "California.Stmt", 1704067260000L, 1.1f, 220, 0.1f })
            {
                cmd.Parameters.AddWithValue("", value);
            }
            await cmd.PrepareAsync();
            Assert.Equal(2, await cmd.ExecuteNonQueryAsync()); // the recorded exec bound two rows: "affected":2
        }
        await WaitForAsync(() => server.Requests.Any(r => r.Contains("\"close\"", StringComparison.Ordinal)));

        // The recording's first statement: from its init to the next init, without the login.
        var all = Recorded().Where(r => Action(r) != "conn").ToList();
        var recorded = all[..all.FindIndex(1, r => Action(r) == "init")];
        var sent = server.Requests.Where(r => r.StartsWith('{')).Select(r => JsonDocument.Parse(r).RootElement)
            .Where(r => Action(r) is not ("version" or "conn")).ToList();
        var actions = new List<string>();
        int binary = 0;
        foreach (var request in server.Requests.Where(r => Action(r) is not ("version" or "conn")))
        {
            actions.Add(request.StartsWith('{') ? Action(request) : BinaryAction(server.BinaryRequests[binary++]));
        }
        Assert.Equal(recorded.Select(Action), actions);
        Assert.Equal(Arg(recorded, "prepare", "sql"), Arg(sent, "prepare", "sql"));
        Assert.Equal(Arg(recorded, "set_table_name", "name"), Arg(sent, "set_table_name", "name"));
        foreach (var request in sent.Where(r => Action(r) != "init"))
        {
            Assert.Equal(1UL, request.GetProperty("args").GetProperty("stmt_id").GetUInt64());
        }

        var tags = RawBlockReader.Read(server.BinaryRequests[0].AsSpan(24));
        Assert.Equal([TaosDataType.Int, TaosDataType.VarChar], tags.Columns.Select(col => col.Type));
        Assert.Equal(Values(Arg(recorded, "set_tags", "tags")), tags.Rows[0].Select(Normalize));
        var bind = RawBlockReader.Read(server.BinaryRequests[1].AsSpan(24));
        Assert.Equal([TaosDataType.Timestamp, TaosDataType.Float, TaosDataType.Int, TaosDataType.Float], bind.Columns.Select(col => col.Type));
        var recordedColumns = JsonDocument.Parse(Arg(recorded, "bind", "columns")).RootElement.EnumerateArray().Select(col => col[0].GetRawText());
        Assert.Equal(recordedColumns, bind.Rows[0].Select(Normalize));
    }

    // The recorded requests of the file, as JSON texts.
    private static List<string> Recorded() =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Conformance", "data", "ws_stmt.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("dir").GetString() == "send")
            .Select(e => e.GetProperty("text").GetString()!)];

    private static string Action(string request) =>
        request.StartsWith('{') ? Action(JsonDocument.Parse(request).RootElement) : "binary";

    private static string Action(JsonElement request) => request.GetProperty("action").GetString()!;

    private static string BinaryAction(byte[] message) => BinaryPrimitives.ReadUInt64LittleEndian(message.AsSpan(16)) switch
    {
        1 => "set_tags",
        2 => "bind",
        var other => "binary " + other,
    };

    // A binary stmt message as the JSON request the recorded script answers (its req_id from the header).
    private static JsonElement AsJson(byte[] message) => JsonDocument.Parse(
        $"{{\"action\":\"{BinaryAction(message)}\",\"args\":{{\"req_id\":{BinaryPrimitives.ReadUInt64LittleEndian(message)}}}}}").RootElement;

    private static string Arg(IEnumerable<string> requests, string action, string arg) =>
        Arg(requests.Select(r => JsonDocument.Parse(r).RootElement), action, arg);

    private static string Arg(IEnumerable<JsonElement> requests, string action, string arg)
    {
        var value = requests.First(r => Action(r) == action).GetProperty("args").GetProperty(arg);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
    }

    private static IEnumerable<string> Values(string jsonArray) => JsonDocument.Parse(jsonArray).RootElement.EnumerateArray().Select(v => v.GetRawText());

    // A decoded block value as the recording's JSON writes it (FLOAT as its shortest float text).
    private static string Normalize(object? value) => value switch
    {
        float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        string s => JsonSerializer.Serialize(s),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
