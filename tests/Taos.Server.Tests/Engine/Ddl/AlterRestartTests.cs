using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Engine.Ddl;

/// <summary>ALTER and schemaless schema changes over REST survive a restart of the real server on the same data directory.</summary>
public sealed class AlterRestartTests
{
    private static async Task<JsonElement> SqlAsync(TaosServer server, string sql)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = ServerFixture.Basic("root", "taosdata");
        using var content = new StringContent(sql, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await client.PostAsync(new Uri(server.Url, "/rest/sql"), content);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.True(json.GetProperty("code").GetInt32() == 0, sql + ": " + json);
        return json;
    }

    [Fact]
    public async Task Altered_schemas_and_their_rows_read_the_same_after_a_restart()
    {
        string dir = Path.Combine(Path.GetTempPath(), "taos-alter-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = dir }))
            {
                await SqlAsync(server, "create database ar");
                await SqlAsync(server, "create stable ar.s (ts timestamp, a int, b varchar(4)) tags (t int)");
                await SqlAsync(server, "insert into ar.c1 using ar.s tags (1) values (1704067200000, 1, 'ab')");
                await SqlAsync(server, "alter stable ar.s drop column a");
                await SqlAsync(server, "alter stable ar.s add column d double");
                await SqlAsync(server, "alter stable ar.s modify column b varchar(12)");
                await SqlAsync(server, "alter stable ar.s add tag g nchar(8)");
                await SqlAsync(server, "alter table ar.c1 set tag g = 'north'");
                await SqlAsync(server, "insert into ar.c1 values (1704067201000, 'abcdefghij', 2.5)");
                await SqlAsync(server, "alter database ar cachemodel 'last_row'");
            }
            await using (var server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = dir }))
            {
                var rows = (await SqlAsync(server, "select * from ar.s order by ts")).GetProperty("data");
                Assert.Equal("""["2024-01-01T00:00:00.000Z","ab",null,1,"north"]""", rows[0].GetRawText());
                Assert.Equal("""["2024-01-01T00:00:01.000Z","abcdefghij",2.5,1,"north"]""", rows[1].GetRawText());
                var model = (await SqlAsync(server, "select `cachemodel` from information_schema.ins_databases where name = 'ar'")).GetProperty("data");
                Assert.Equal("last_row", model[0][0].GetString());
            }
        }
        finally
        {
            ServerFixture.TryDelete(dir);
        }
    }
}
