using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Taos.Server.Tests.Http;

/// <summary>Users over real REST: every request authenticates against the stored users (rest-breadth users#17-#28).</summary>
public sealed class RestUsersTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-rest-users-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(60) };
    private TaosServer _server = null!;

    public async Task InitializeAsync() => _server = await StartAsync(enforce: false);

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        ServerFixture.TryDelete(_dir);
    }

    private Task<TaosServer> StartAsync(bool enforce, string password = "taosdata") =>
        TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = _dir, Password = password, EnforcePrivileges = enforce });

    private async Task<(int Code, string Text)> SqlAsync(string sql, string user = "root", string password = "taosdata", AuthenticationHeaderValue? auth = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Url, "/rest/sql")) { Content = new StringContent(sql, Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = auth ?? ServerFixture.Basic(user, password);
        using var response = await _client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (JsonDocument.Parse(text).RootElement.GetProperty("code").GetInt32(), text);
    }

    [Fact]
    public async Task A_second_user_logs_in_with_its_password_only_and_loses_access_when_changed_or_dropped()
    {
        Assert.Equal(0, (await SqlAsync("create user u1 pass 'Abc_123'")).Code);
        Assert.Equal(0, (await SqlAsync("select 1", "u1", "Abc_123")).Code);
        Assert.Equal(855, (await SqlAsync("select 1", "u1", "wrong")).Code);
        Assert.Equal(849, (await SqlAsync("select 1", "nobody", "Abc_123")).Code);

        var (_, text) = await SqlAsync("select current_user()", "u1", "Abc_123");
        Assert.Contains("\"u1@", text, StringComparison.Ordinal);

        Assert.Equal(0, (await SqlAsync("alter user u1 pass 'New_456'")).Code);
        Assert.Equal(855, (await SqlAsync("select 1", "u1", "Abc_123")).Code);
        Assert.Equal(0, (await SqlAsync("select 1", "u1", "New_456")).Code);

        Assert.Equal(0, (await SqlAsync("drop user u1")).Code);
        Assert.Equal(849, (await SqlAsync("select 1", "u1", "New_456")).Code);
    }

    [Fact]
    public async Task Login_gives_a_user_its_token_and_refuses_a_wrong_password()
    {
        await SqlAsync("create user u2 pass 'pw2'");
        using var login = await _client.GetAsync(new Uri(_server.Url, "/rest/login/u2/pw2"));
        string token = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("desc").GetString()!;
        Assert.Equal(0, (await SqlAsync("select 1", auth: new AuthenticationHeaderValue("Taosd", token))).Code);

        using var wrong = await _client.GetAsync(new Uri(_server.Url, "/rest/login/u2/nope"));
        Assert.Equal(401, (int)wrong.StatusCode);
        Assert.Equal(3, JsonDocument.Parse(await wrong.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32());

        await SqlAsync("alter user u2 pass 'pw3'");
        Assert.Equal(855, (await SqlAsync("select 1", auth: new AuthenticationHeaderValue("Taosd", token))).Code);
    }

    [Fact]
    public async Task Users_and_roots_new_password_survive_a_restart_whatever_the_options_say()
    {
        await SqlAsync("create user u3 pass 'pw3' sysinfo 0");
        await SqlAsync("alter user root pass 'Root_2'", "root", "taosdata");
        await _server.DisposeAsync();
        _server = await StartAsync(enforce: false, password: "ignored");

        Assert.Equal(855, (await SqlAsync("select 1", "root", "taosdata")).Code);
        Assert.Equal(855, (await SqlAsync("select 1", "root", "ignored")).Code);
        Assert.Equal(0, (await SqlAsync("select 1", "u3", "pw3")).Code);
        Assert.Equal(9796, (await SqlAsync("show users", "u3", "pw3")).Code);
        var (code, text) = await SqlAsync("select name, `sysinfo` from information_schema.ins_users order by name", "root", "Root_2");
        Assert.Equal(0, code);
        Assert.Contains("[[\"root\",1],[\"u3\",0]]", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_enforced_privileges_grants_decide_over_rest()
    {
        await _server.DisposeAsync();
        _server = await StartAsync(enforce: true);
        await SqlAsync("create database g");
        await SqlAsync("create table g.t (ts timestamp, v int)");
        await SqlAsync("create user u4 pass 'pw4'");

        var (code, text) = await SqlAsync("select * from g.t", "u4", "pw4");
        Assert.Equal(9796, code);
        Assert.Contains("Permission denied or target object not exist", text, StringComparison.Ordinal);
        await SqlAsync("grant read on g.* to u4");
        Assert.Equal(0, (await SqlAsync("select * from g.t", "u4", "pw4")).Code);
        Assert.Equal(9796, (await SqlAsync("insert into g.t values (now, 1)", "u4", "pw4")).Code);
        Assert.Equal(771, (await SqlAsync("create user u5 pass 'x'", "u4", "pw4")).Code);
    }
}
