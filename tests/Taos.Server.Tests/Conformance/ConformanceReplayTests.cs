using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Conformance;

/// <summary>
/// Replays the answers recorded from a real TDengine 3.3.0.1 + taosAdapter 3.3.0.1 against a fresh embedded server,
/// exactly like <c>conformance/replay.py</c>: <c>POST /rest/sql[/db]</c> with Basic root/taosdata, then compare the
/// HTTP status, <c>code</c>, <c>column_meta</c>, <c>rows</c> and <c>data</c> (rows of SHOW statements as a multiset),
/// JSON compared structurally. A differing <c>desc</c> with an equal code is reported but does not fail a step.
/// </summary>
[Trait("Category", "Conformance")]
public class ConformanceReplayTests
{
    [Theory]
    [InlineData("rest-basic.jsonl")]
    [InlineData("rest-extra.jsonl")]
    public async Task Replay_matches_the_recording(string file)
    {
        var (passed, failures) = await ReplayAsync(file);
        Assert.True(failures.Count == 0, $"{file}: {passed} passed, {failures.Count} failed\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// The scripts of <c>rest-breadth.jsonl</c> (issue 17's scope) that the embedded server answers exactly; each replays
    /// alone on a fresh server. A script joins this list when all of its steps pass.
    /// </summary>
    [Theory]
    [InlineData("misc")]
    [InlineData("users")]
    [InlineData("del")]
    [InlineData("cat")]
    [InlineData("alt")]
    [InlineData("win")]
    [InlineData("qry")]
    [InlineData("tpc")]
    [InlineData("fn")]
    public async Task Breadth_script_matches_the_recording(string script)
    {
        var (passed, failures) = await ReplayAsync("rest-breadth.jsonl", script);
        Assert.True(failures.Count == 0, $"{script}: {passed} passed, {failures.Count} failed\n" + string.Join("\n", failures));
    }

    /// <summary>Replays <paramref name="file"/> (only the steps of <paramref name="script"/> when given).</summary>
    internal static async Task<(int Passed, List<string> Failures)> ReplayAsync(string file, string? script = null)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Conformance", "data", file);
        var steps = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(s => script is null || s.GetProperty("script").GetString() == script).ToList();
        string dir = Path.Combine(Path.GetTempPath(), "taos-conformance-" + Guid.NewGuid().ToString("N"));
        var failures = new List<string>();
        int passed = 0;
        try
        {
            await using var server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = dir });
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Authorization = ServerFixture.Basic("root", "taosdata");
            foreach (var step in steps)
            {
                string sql = step.GetProperty("sql").GetString()!;
                string? db = step.TryGetProperty("db", out var dbElement) && dbElement.ValueKind == JsonValueKind.String ? dbElement.GetString() : null;
                string label = $"{step.GetProperty("script").GetString()}#{step.GetProperty("step")}";
                int wantStatus = step.GetProperty("status").GetInt32();
                JsonElement want = step.GetProperty("response");

                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Url, "/rest/sql" + (db is null ? "" : "/" + db)));
                request.Content = new StringContent(sql, Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                if (step.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.String)
                {
                    // A step that names a user authenticates as that user instead of root (replay.py does the same).
                    request.Headers.Authorization = ServerFixture.Basic(user.GetString()!, step.TryGetProperty("password", out var pw) ? pw.GetString() ?? "" : "");
                }
                using var response = await client.SendAsync(request);
                string body = await response.Content.ReadAsStringAsync();
                JsonElement? got = TryParse(body);
                int status = (int)response.StatusCode;

                string? problem = Compare(sql, wantStatus, want, status, got, body, out string? descNote);
                if (problem is null)
                {
                    passed++;
                    if (descNote is not null) failures.Add($"(desc only, not counted) {label}: {descNote}");
                }
                else
                {
                    failures.Add($"FAIL {label}: {Cut(sql, 120)}\n  {problem}\n  want {wantStatus} {Cut(want.GetRawText(), 600)}\n  got  {status} {Cut(body, 600)}");
                }
            }
        }
        finally
        {
            ServerFixture.TryDelete(dir);
        }
        // Notes about desc alone do not fail the replay.
        failures.RemoveAll(f => f.StartsWith("(desc only", StringComparison.Ordinal));
        return (passed, failures);
    }

    private static string? Compare(string sql, int wantStatus, JsonElement want, int status, JsonElement? got, string body, out string? descNote)
    {
        descNote = null;
        if (status != wantStatus) return $"status {status}, want {wantStatus}";
        if (want.ValueKind == JsonValueKind.Object && got is { ValueKind: JsonValueKind.Object } g)
        {
            foreach (string key in new[] { "code", "column_meta", "rows" })
            {
                if (!JsonEqual(Get(want, key), Get(g, key))) return $"{key} differs";
            }
            bool show = sql.TrimStart().StartsWith("show", StringComparison.OrdinalIgnoreCase);
            if (!(show ? MultisetEqual(Get(want, "data"), Get(g, "data")) : JsonEqual(Get(want, "data"), Get(g, "data"))))
            {
                return "data differs";
            }
            if (!JsonEqual(Get(want, "desc"), Get(g, "desc")))
            {
                descNote = $"want desc {Get(want, "desc")?.GetRawText()} got {Get(g, "desc")?.GetRawText()}";
            }
            return null;
        }
        if (got is { } parsed ? JsonEqual(want, parsed) : want.ValueKind == JsonValueKind.String && want.GetString() == body)
        {
            return null;
        }
        return "answer differs";
    }

    private static JsonElement? Get(JsonElement obj, string key) => obj.TryGetProperty(key, out var v) ? v : null;

    private static JsonElement? TryParse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool MultisetEqual(JsonElement? want, JsonElement? got)
    {
        if (want is not { ValueKind: JsonValueKind.Array } w || got is not { ValueKind: JsonValueKind.Array } g) return JsonEqual(want, got);
        var remaining = g.EnumerateArray().ToList();
        foreach (var row in w.EnumerateArray())
        {
            int i = remaining.FindIndex(r => JsonEqual(row, r));
            if (i < 0) return false;
            remaining.RemoveAt(i);
        }
        return remaining.Count == 0;
    }

    /// <summary>Structural equality as Python's == on json.loads results: numbers by value, objects by key set.</summary>
    internal static bool JsonEqual(JsonElement? a, JsonElement? b)
    {
        if (a is null || b is null) return a is null && b is null;
        JsonElement x = a.Value, y = b.Value;
        bool xBool = x.ValueKind is JsonValueKind.True or JsonValueKind.False, yBool = y.ValueKind is JsonValueKind.True or JsonValueKind.False;
        if (x.ValueKind != y.ValueKind && !(xBool && yBool)) return false;
        switch (x.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return true;
            case JsonValueKind.True:
            case JsonValueKind.False:
                return x.GetBoolean() == y.GetBoolean();
            case JsonValueKind.String:
                return x.GetString() == y.GetString();
            case JsonValueKind.Number:
                if (x.TryGetDecimal(out decimal dx) && y.TryGetDecimal(out decimal dy)) return dx == dy;
                return x.GetDouble().Equals(y.GetDouble());
            case JsonValueKind.Array:
                if (x.GetArrayLength() != y.GetArrayLength()) return false;
                using (var ex = x.EnumerateArray().GetEnumerator())
                using (var ey = y.EnumerateArray().GetEnumerator())
                {
                    while (ex.MoveNext() && ey.MoveNext())
                    {
                        if (!JsonEqual(ex.Current, ey.Current)) return false;
                    }
                }
                return true;
            case JsonValueKind.Object:
                var xp = x.EnumerateObject().ToList();
                if (xp.Count != y.EnumerateObject().Count()) return false;
                return xp.All(p => y.TryGetProperty(p.Name, out var v) && JsonEqual(p.Value, v));
            default:
                return false;
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
