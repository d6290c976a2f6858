using System.Net;
using System.Text;
using System.Text.Json;

namespace Taos.Server.Tests.Http;

/// <summary>
/// <see cref="TaosServerOptions.SmlChildTableName"/> (taos.cfg's smlChildTableName) over the three protocols'
/// HTTP endpoints of a real server: the tag's value names the child table and is not stored as a tag.
/// </summary>
public sealed class SchemalessChildTableNameTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-sml-name-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _client = new();
    private TaosServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = _dir, SmlChildTableName = "tname" });
        _client.DefaultRequestHeaders.Authorization = ServerFixture.Basic("root", "taosdata");
        await SqlAsync("create database s");
    }

    private async Task<JsonElement> SqlAsync(string sql)
    {
        using var response = await _client.PostAsync(new Uri(_server.Url, "/rest/sql"), new StringContent(sql, Encoding.UTF8, "text/plain"));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.True(json.GetProperty("code").GetInt32() == 0, sql + ": " + json);
        return json.GetProperty("data");
    }

    private async Task PostAsync(string path, string body)
    {
        using var response = await _client.PostAsync(new Uri(_server.Url, path), new StringContent(body, Encoding.UTF8, "text/plain"));
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<string>> ChildrenAsync(string stable) =>
        (await SqlAsync($"select table_name from information_schema.ins_tables where db_name = 's' and stable_name = '{stable}' order by table_name"))
            .EnumerateArray().Select(r => r[0].GetString()!).ToList();

    private async Task<List<string>> TagsAsync(string stable) =>
        (await SqlAsync($"select tag_name from information_schema.ins_tags where db_name = 's' and stable_name = '{stable}'"))
            .EnumerateArray().Select(r => r[0].GetString()!).Distinct().Order().ToList();

    [Fact]
    public async Task Influx_lines_name_their_child_table_by_the_tag()
    {
        await PostAsync("/influxdb/v1/write?db=s&precision=ms", "lm,tname=dev.1,host=a v=1i 1700000000000\nlm,host=b v=2i 1700000000000");
        var children = await ChildrenAsync("lm");
        Assert.Equal(2, children.Count);
        Assert.Equal("dev_1", children[0]);
        Assert.StartsWith("t_", children[1]);
        Assert.Equal(["host"], await TagsAsync("lm"));
        Assert.Equal(1, (await SqlAsync("select v from s.dev_1"))[0][0].GetInt64());
    }

    [Fact]
    public async Task Telnet_lines_name_their_child_table_by_the_tag()
    {
        await PostAsync("/opentsdb/v1/put/telnet/s", "tm 1700000000 10.5 tname=dev2 host=a\ntm 1700000001 11.5 host=a tname=dev2");
        Assert.Equal(["dev2"], await ChildrenAsync("tm"));
        Assert.Equal(["host"], await TagsAsync("tm"));
        Assert.Equal(2, (await SqlAsync("select count(*) from s.dev2"))[0][0].GetInt64());
    }

    [Fact]
    public async Task Json_points_name_their_child_table_by_the_tag()
    {
        await PostAsync("/opentsdb/v1/put/json/s", """[{"metric":"jm","timestamp":1700000000,"value":1.5,"tags":{"tname":"dev3","host":"a"}}]""");
        Assert.Equal(["dev3"], await ChildrenAsync("jm"));
        Assert.Equal(["host"], await TagsAsync("jm"));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        ServerFixture.TryDelete(_dir);
    }
}
