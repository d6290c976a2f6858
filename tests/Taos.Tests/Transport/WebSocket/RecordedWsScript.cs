using System.Text.Json;
using System.Text.RegularExpressions;

namespace Taos.Tests.Transport.WebSocket;

/// <summary>
/// Answers a connector's requests with the replies of a recording of a real taosAdapter 3.3.0.1
/// (<c>Conformance/data/*.jsonl</c>, copied from shared/conformance/ws): each request gets the replies recorded
/// after the next unused recorded request of the same action and key (the SQL of a <c>query</c>, the result id of
/// <c>fetch</c>/<c>fetch_block</c>), with the <c>req_id</c> of text replies set to the connector's.
/// </summary>
internal sealed partial class RecordedWsScript
{
    private readonly Dictionary<string, Queue<List<ScriptedFrame>>> _replies = [];

    public RecordedWsScript(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Conformance", "data", file);
        List<ScriptedFrame>? current = null;
        foreach (string line in File.ReadLines(path))
        {
            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            bool binary = root.GetProperty("type").GetString() == "binary";
            if (root.GetProperty("dir").GetString() == "send")
            {
                current = [];
                if (binary) continue;
                using var request = JsonDocument.Parse(root.GetProperty("text").GetString()!);
                string key = Key(request.RootElement);
                if (!_replies.TryGetValue(key, out var queue)) _replies[key] = queue = new Queue<List<ScriptedFrame>>();
                queue.Enqueue(current);
            }
            else
            {
                current?.Add(binary
                    ? new ScriptedFrame(true, Convert.FromHexString(root.GetProperty("hex").GetString()!))
                    : ScriptedFrame.Text(root.GetProperty("text").GetString()!));
            }
        }
    }

    /// <summary>The binary frames of the recording for the query <paramref name="sql"/>, in order.</summary>
    public static List<byte[]> Blocks(string file, string sql)
    {
        var script = new RecordedWsScript(file);
        var query = script._replies["query|" + sql].Peek();
        using var reply = JsonDocument.Parse(query[0].Payload);
        string id = reply.RootElement.GetProperty("id").GetUInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return [.. script._replies["fetch_block|" + id].SelectMany(f => f).Where(f => f.Binary).Select(f => f.Payload)];
    }

    public IReadOnlyList<ScriptedFrame>? Answer(JsonElement request)
    {
        if (!_replies.TryGetValue(Key(request), out var queue) || queue.Count == 0) return [];
        ulong requestId = ScriptedWsServer.RequestId(request);
        return [.. queue.Dequeue().Select(f => f.Binary ? f : ScriptedFrame.Text(ReqId().Replace(System.Text.Encoding.UTF8.GetString(f.Payload), "\"req_id\":" + requestId, 1)))];
    }

    private static string Key(JsonElement request)
    {
        string action = request.GetProperty("action").GetString()!;
        if (!request.TryGetProperty("args", out var args)) return action;
        if (action == "query") return action + "|" + args.GetProperty("sql").GetString();
        return args.TryGetProperty("id", out var id) ? action + "|" + id.GetRawText() : action;
    }

    [GeneratedRegex("\"req_id\":\\d+")]
    private static partial Regex ReqId();
}
