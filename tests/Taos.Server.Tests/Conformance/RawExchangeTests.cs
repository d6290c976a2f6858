using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Conformance;

/// <summary>
/// Replays <c>conformance/rest-raw/*.txt</c> (raw HTTP exchanges with a real taosAdapter 3.3.0.1) in order against a
/// fresh server and compares what a client sees beyond the JSON: status, Content-Type, framing (chunked for result
/// answers, Content-Length for <c>{"code","desc"}</c> answers, equal to the recorded one) and the body.
/// </summary>
[Trait("Category", "Conformance")]
public partial class RawExchangeTests
{
    /// <summary>A recorded exchange; <see cref="Auth"/> is how the request authenticated.</summary>
    internal sealed record Exchange(string Name, string Method, string PathAndQuery, string? Auth, string Body,
        int Status, Dictionary<string, string> Headers, string ResponseBody);

    [GeneratedRegex(@"^### REQUEST: (\w+) http://[^/]+(\S*)\s+\((.*)\)$")]
    private static partial Regex RequestLine();

    // The recording's own "now": any timestamp of that day stands for the time the row was inserted.
    [GeneratedRegex(@"^2026-11-2[45]T\d\d:\d\d:\d\d\.\d+(Z|[+-]\d\d:\d\d)$")]
    private static partial Regex RecordedNow();

    internal static List<Exchange> Load()
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "Conformance", "data", "rest-raw");
        var list = new List<Exchange>();
        foreach (string file in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
        {
            string[] lines = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var request = RequestLine().Match(lines[0]);
            Assert.True(request.Success, $"{file}: {lines[0]}");
            string body = lines[1].StartsWith("### BODY: ", StringComparison.Ordinal) ? lines[1]["### BODY: ".Length..] : lines[1]["### BODY:".Length..];
            int statusLine = Array.FindIndex(lines, l => l.StartsWith("HTTP/1.1 ", StringComparison.Ordinal));
            int status = int.Parse(lines[statusLine].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            int i = statusLine + 1;
            for (; i < lines.Length && lines[i].Length > 0; i++)
            {
                int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                headers[lines[i][..colon]] = lines[i][(colon + 1)..].Trim();
            }
            string responseBody = string.Join("\n", lines.Skip(i + 1)).TrimEnd('\n');
            string name = Path.GetFileNameWithoutExtension(file);
            string? auth = request.Groups[3].Value switch
            {
                "basic auth root:taosdata" => "Basic " + Convert.ToBase64String("root:taosdata"u8.ToArray()),
                var h when h.StartsWith("header Authorization: ", StringComparison.Ordinal) => h["header Authorization: ".Length..],
                var other => throw new InvalidOperationException($"{name}: unknown auth '{other}'"),
            };
            // The annotation says root:taosdata for every file; these two exchanges were made otherwise.
            if (name.Contains("bad_password", StringComparison.Ordinal)) auth = "Basic " + Convert.ToBase64String("root:wrong"u8.ToArray());
            if (name.Contains("no_auth_header", StringComparison.Ordinal)) auth = null;
            list.Add(new Exchange(name, request.Groups[1].Value, request.Groups[2].Value, auth, body, status, headers, responseBody));
        }
        return list;
    }

    [Fact]
    public void Load_reads_every_recorded_exchange()
    {
        var all = Load();
        Assert.Equal(51, all.Count);
        var empty = all.Single(e => e.Name.StartsWith("40_", StringComparison.Ordinal));
        Assert.Equal(("", 400, "39"), (empty.Body, empty.Status, empty.Headers["Content-Length"]));
        Assert.Null(all.Single(e => e.Name.StartsWith("42_", StringComparison.Ordinal)).Auth);
    }

    [Fact]
    public async Task Replay_matches_status_headers_and_body()
    {
        string dir = Path.Combine(Path.GetTempPath(), "taos-raw-" + Guid.NewGuid().ToString("N"));
        var failures = new List<string>();
        try
        {
            await using var server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = dir });
            using var client = new HttpClient();
            foreach (var exchange in Load())
            {
                using var request = new HttpRequestMessage(new HttpMethod(exchange.Method), new Uri(server.Url, exchange.PathAndQuery));
                if (exchange.Method == "POST") request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(exchange.Body));
                if (exchange.Auth is not null) request.Headers.TryAddWithoutValidation("Authorization", exchange.Auth);
                using var response = await client.SendAsync(request);
                byte[] body = await response.Content.ReadAsByteArrayAsync();
                string? problem = Compare(exchange, response, Encoding.UTF8.GetString(body));
                if (problem is not null)
                {
                    failures.Add($"FAIL {exchange.Name}: {problem}\n  want {exchange.Status} {exchange.ResponseBody}\n  got  {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
                }
            }
        }
        finally
        {
            ServerFixture.TryDelete(dir);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? Compare(Exchange want, HttpResponseMessage response, string body)
    {
        if ((int)response.StatusCode != want.Status) return "status";
        if (response.Content.Headers.ContentType?.ToString() != want.Headers.GetValueOrDefault("Content-Type")) return "Content-Type";
        bool wantChunked = want.Headers.TryGetValue("Transfer-Encoding", out var te) && te == "chunked";
        if (wantChunked != (response.Headers.TransferEncodingChunked == true)) return "framing (chunked vs Content-Length)";
        var wantJson = JsonDocument.Parse(want.ResponseBody).RootElement;
        JsonElement got;
        try
        {
            got = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return "body is not JSON";
        }
        if (want.Name.Contains("current_user", StringComparison.Ordinal))
        {
            // user@host: the host is the recording machine's.
            return ConformanceReplayTests.JsonEqual(wantJson.GetProperty("column_meta"), got.GetProperty("column_meta")) ? null : "column_meta";
        }
        if (!wantChunked && want.Headers.TryGetValue("Content-Length", out var length) &&
            response.Content.Headers.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) != length)
        {
            return "Content-Length";
        }
        bool show = want.Body.TrimStart().StartsWith("show", StringComparison.OrdinalIgnoreCase);
        return Equal(wantJson, got, show) ? null : "body";
    }

    private static bool Equal(JsonElement want, JsonElement got, bool unorderedData)
    {
        if (want.ValueKind != JsonValueKind.Object || got.ValueKind != JsonValueKind.Object) return ConformanceReplayTests.JsonEqual(want, got);
        var keys = want.EnumerateObject().Select(p => p.Name).ToList();
        if (!keys.SequenceEqual(got.EnumerateObject().Select(p => p.Name))) return false; // field order too
        foreach (string key in keys)
        {
            if (key == "data" && got.GetProperty(key).ValueKind == JsonValueKind.Array)
            {
                var wantRows = want.GetProperty(key).EnumerateArray().ToList();
                var gotRows = got.GetProperty(key).EnumerateArray().ToList();
                if (wantRows.Count != gotRows.Count) return false;
                if (unorderedData)
                {
                    var left = gotRows.ToList();
                    foreach (var row in wantRows)
                    {
                        int i = left.FindIndex(r => RowEqual(row, r));
                        if (i < 0) return false;
                        left.RemoveAt(i);
                    }
                }
                else if (!wantRows.Zip(gotRows).All(p => RowEqual(p.First, p.Second)))
                {
                    return false;
                }
            }
            else if (!ConformanceReplayTests.JsonEqual(want.GetProperty(key), got.GetProperty(key)))
            {
                return false;
            }
        }
        return true;
    }

    private static bool RowEqual(JsonElement want, JsonElement got)
    {
        if (want.ValueKind != JsonValueKind.Array || got.ValueKind != JsonValueKind.Array || want.GetArrayLength() != got.GetArrayLength())
        {
            return ConformanceReplayTests.JsonEqual(want, got);
        }
        return want.EnumerateArray().Zip(got.EnumerateArray()).All(p =>
            p.First.ValueKind == JsonValueKind.String && RecordedNow().IsMatch(p.First.GetString()!)
                ? p.Second.ValueKind == JsonValueKind.String && p.Second.GetString()!.Length == p.First.GetString()!.Length
                : ConformanceReplayTests.JsonEqual(p.First, p.Second));
    }
}
