using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Taos.Server.Tests.Http;

/// <summary>The server as a program: the built Taos.Server.dll run as a child process.</summary>
public partial class CommandLineTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [GeneratedRegex(@"^Taos\.Server listening on (http://127\.0\.0\.1:[0-9]+)$")]
    private static partial Regex ListeningLine();

    private static ProcessStartInfo Start(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Taos.Server.dll");
        Assert.True(File.Exists(dll), dll);
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (string arg in args) info.ArgumentList.Add(arg);
        return info;
    }

    [Fact]
    public async Task Port_0_prints_the_url_serves_and_stops_on_sigterm()
    {
        if (OperatingSystem.IsWindows()) return; // SIGTERM is a POSIX thing; the in-process tests cover the rest.
        string dir = Path.Combine(Path.GetTempPath(), "taos-cli-" + Guid.NewGuid().ToString("N"));
        using var process = Process.Start(Start("--port", "0", "--data", dir))!;
        try
        {
            using var startCts = new CancellationTokenSource(StartTimeout);
            string? line = await process.StandardOutput.ReadLineAsync(startCts.Token);
            Assert.NotNull(line);
            var match = ListeningLine().Match(line);
            Assert.True(match.Success, $"unexpected first line: {line}");
            Assert.True(Directory.Exists(dir), "the data directory is created");

            using var client = new HttpClient();
            using var response = await client.GetAsync(match.Groups[1].Value + "/rest/login/root/taosdata");
            Assert.Contains("\"code\":0", await response.Content.ReadAsStringAsync());

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }
            using var exitCts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(exitCts.Token);
            Assert.Equal(0, process.ExitCode);
            string rest = await process.StandardOutput.ReadToEndAsync();
            Assert.Equal("", rest.Trim()); // exactly one line on stdout
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            ServerFixture.TryDelete(dir);
        }
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--port", "notanumber")]
    [InlineData("--port", "70000")]
    [InlineData("--port")]
    [InlineData("--timezone", "Nowhere/Special")]
    [InlineData("--sml-child-table-name", "")]
    [InlineData("--edition", "platinum")]
    public async Task Bad_arguments_exit_with_2_and_a_message(params string[] args)
    {
        using var process = Process.Start(Start(args))!;
        string stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("Taos.Server: ", stderr);
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        using var process = Process.Start(Start("--help"))!;
        string stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("--port", stdout);
        Assert.Contains("--data", stdout);
        Assert.Contains("--enforce-privileges", stdout);
        Assert.Contains("--sml-child-table-name", stdout);
    }

    [Fact]
    public async Task Enforce_privileges_and_the_initial_super_user_come_from_the_command_line()
    {
        string dir = Path.Combine(Path.GetTempPath(), "taos-cli-users-" + Guid.NewGuid().ToString("N"));
        using var process = Process.Start(Start("--port", "0", "--data", dir, "--enforce-privileges", "--user", "admin", "--password", "Adm_1"))!;
        try
        {
            using var startCts = new CancellationTokenSource(StartTimeout);
            var match = ListeningLine().Match(await process.StandardOutput.ReadLineAsync(startCts.Token) ?? "");
            Assert.True(match.Success);
            using var client = new HttpClient();
            async Task<string> Sql(string sql, string user, string password)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, match.Groups[1].Value + "/rest/sql") { Content = new StringContent(sql) };
                request.Headers.Authorization = ServerFixture.Basic(user, password);
                using var response = await client.SendAsync(request);
                return await response.Content.ReadAsStringAsync();
            }
            Assert.Contains("\"code\":849", await Sql("select 1", "root", "taosdata"));
            Assert.Contains("\"code\":0", await Sql("create database cli", "admin", "Adm_1"));
            Assert.Contains("\"code\":0", await Sql("create user u1 pass 'p1'", "admin", "Adm_1"));
            Assert.Contains("\"code\":9796", await Sql("show cli.tables", "u1", "p1"));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            ServerFixture.TryDelete(dir);
        }
    }

    [Fact]
    public async Task A_data_file_that_is_not_a_database_exits_with_1_and_a_message()
    {
        string dir = Path.Combine(Path.GetTempPath(), "taos-cli-corrupt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "taos.db"), new string('x', 8192));
            using var process = Process.Start(Start("--port", "0", "--data", dir))!;
            string stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(1, process.ExitCode);
            Assert.StartsWith("Taos.Server: cannot start: ", stderr);
            Assert.DoesNotContain("   at ", stderr);
        }
        finally
        {
            ServerFixture.TryDelete(dir);
        }
    }
}
