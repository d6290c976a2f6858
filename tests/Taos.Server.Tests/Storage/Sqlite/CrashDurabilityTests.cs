using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Storage.Sqlite;

/// <summary>
/// The server as a child process killed without warning (SIGKILL) after acknowledged writes: started again on the
/// same data directory it has every acknowledged row, in a WAL_LEVEL 1 database (not synced) as in a WAL_LEVEL 2 one.
/// </summary>
public sealed partial class CrashDurabilityTests : IDisposable
{
    private const int Requests = 40;
    private const int RowsPerRequest = 25;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-crash-" + Guid.NewGuid().ToString("N"));

    [GeneratedRegex(@"^Taos\.Server listening on (http://127\.0\.0\.1:[0-9]+)$")]
    private static partial Regex ListeningLine();

    public void Dispose() => ServerFixture.TryDelete(_dir);

    private Process StartServer(out string url)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Taos.Server.dll");
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { dll, "--port", "0", "--data", _dir }) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? line = process.StandardOutput.ReadLineAsync(cts.Token).AsTask().GetAwaiter().GetResult();
        var match = ListeningLine().Match(line ?? "");
        Assert.True(match.Success, $"unexpected first line: {line}");
        url = match.Groups[1].Value;
        return process;
    }

    private static async Task<JsonElement> Sql(HttpClient client, string url, string sql)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url + "/rest/sql") { Content = new StringContent(sql) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "cm9vdDp0YW9zZGF0YQ==");
        using var response = await client.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.True(json.GetProperty("code").GetInt32() == 0, json.ToString());
        return json;
    }

    [Fact]
    public async Task Acknowledged_writes_survive_a_kill_9_of_the_server()
    {
        using var client = new HttpClient();
        var process = StartServer(out string url);
        try
        {
            foreach (string sql in new[]
            {
                "create database k1 wal_level 1", "create database k2 wal_level 2",
                "create table k1.t (ts timestamp, v bigint)", "create table k2.t (ts timestamp, v bigint)",
            })
            {
                await Sql(client, url, sql);
            }
            for (int r = 0; r < Requests; r++)
            {
                var values = string.Concat(Enumerable.Range(0, RowsPerRequest).Select(i => $"({1_700_000_000_000L + (r * RowsPerRequest) + i},{i})"));
                await Sql(client, url, "insert into k1.t values " + values + " k2.t values " + values);
            }
            process.Kill(); // SIGKILL: no shutdown, no checkpoint, no close
            await process.WaitForExitAsync();
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.Dispose();
        }

        using var again = StartServer(out url);
        try
        {
            foreach (string db in new[] { "k1", "k2" })
            {
                var json = await Sql(client, url, $"select count(*), sum(v) from {db}.t");
                var row = json.GetProperty("data")[0];
                Assert.Equal(Requests * RowsPerRequest, row[0].GetInt64());
                Assert.Equal(Requests * (RowsPerRequest * (RowsPerRequest - 1) / 2), row[1].GetInt64());
            }
        }
        finally
        {
            again.Kill(entireProcessTree: true);
            await again.WaitForExitAsync();
        }
    }
}
