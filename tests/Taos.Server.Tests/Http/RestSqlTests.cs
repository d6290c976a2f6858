using System.Net;

namespace Taos.Server.Tests.Http;

/// <summary>REST behaviour that needs statements to run: rendering, <c>?tz=</c>, the path database, durability.</summary>
public class RestSqlTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{

    private async Task<RestAnswer> OkAsync(string sql, string path = "/rest/sql")
    {
        var answer = await fixture.SqlAsync(sql, path);
        Assert.True(answer.Status == HttpStatusCode.OK && answer.Code == 0, $"{sql} -> {answer}");
        return answer;
    }

    [Fact]
    public async Task Tz_renders_timestamps_in_that_zone_and_does_not_change_reading()
    {
        await OkAsync("create database if not exists http_tz precision 'ms'");
        await OkAsync("create table if not exists http_tz.t (ts timestamp, v int)");
        await OkAsync("insert into http_tz.t values ('2024-01-01 00:00:00.000', 1)");
        var utc = await OkAsync("select ts from http_tz.t");
        Assert.Equal("2024-01-01T00:00:00.000Z", utc.Json.GetProperty("data")[0][0].GetString());
        var shanghai = await OkAsync("select ts from http_tz.t", "/rest/sql?tz=Asia/Shanghai");
        Assert.Equal("2024-01-01T08:00:00.000+08:00", shanghai.Json.GetProperty("data")[0][0].GetString());
        var newYork = await OkAsync("select ts from http_tz.t where ts = '2024-01-01 00:00:00.000'", "/rest/sql?tz=America/New_York");
        Assert.Equal("2023-12-31T19:00:00.000-05:00", newYork.Json.GetProperty("data")[0][0].GetString());
    }

    [Fact]
    public async Task Path_database_is_the_default_database()
    {
        await OkAsync("create database if not exists http_path");
        await OkAsync("create table if not exists t (ts timestamp, v int)", "/rest/sql/http_path");
        var inserted = await OkAsync("insert into t values (1704067200000, 7)", "/rest/sql/http_path");
        Assert.Equal("{\"code\":0,\"column_meta\":[[\"affected_rows\",\"INT\",4]],\"data\":[[1]],\"rows\":1}", inserted.Text);
        var selected = await OkAsync("select v from t", "/rest/sql/http_path");
        Assert.Equal(7, selected.Json.GetProperty("data")[0][0].GetInt32());
        var noDb = await fixture.SqlAsync("select v from t");
        Assert.Equal(9750, noDb.Code);
    }

    [Fact]
    public async Task Success_is_streamed_chunked_with_json_content_type()
    {
        var answer = await OkAsync("show databases");
        Assert.True(answer.Chunked, "a result answer is chunked like taosAdapter's");
        Assert.Equal("application/json; charset=utf-8", answer.ContentType);
        Assert.StartsWith("{\"code\":0,\"column_meta\":[[\"name\",\"VARCHAR\",64]],\"data\":[", answer.Text);
    }

    [Fact]
    public async Task Engine_errors_are_200_with_code_and_desc()
    {
        var answer = await fixture.SqlAsync("selec * frm power.meters");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("{\"code\":9728,\"desc\":\"syntax error near \\\"selec * frm power.meters\\\"\"}", answer.Text);
        Assert.Equal(69, answer.ContentLength); // rest-raw/35
    }

    [Fact]
    public async Task Data_survives_a_restart_on_the_same_directory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "taos-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new TaosServerOptions { Port = 0, DataDirectory = dir };
            await using (var first = await TaosServer.StartAsync(options))
            {
                using var client = new HttpClient();
                await PostAsync(client, first, "create database durable precision 'us'");
                await PostAsync(client, first, "create stable durable.m (ts timestamp, v double) tags (g int)");
                await PostAsync(client, first, "insert into durable.d1 using durable.m tags (1) values (1704067200000001, 1.5) (1704067200000002, 2.5)");
            }
            await using var second = await TaosServer.StartAsync(options);
            using var client2 = new HttpClient();
            string body = await PostAsync(client2, second, "select ts, v, g from durable.m order by ts");
            Assert.Equal("{\"code\":0,\"column_meta\":[[\"ts\",\"TIMESTAMP\",8],[\"v\",\"DOUBLE\",8],[\"g\",\"INT\",4]]," +
                         "\"data\":[[\"2024-01-01T00:00:00.000001Z\",1.5,1],[\"2024-01-01T00:00:00.000002Z\",2.5,1]],\"rows\":2}", body);
        }
        finally
        {
            ServerFixture.TryDelete(dir);
        }
    }

    [Fact]
    public async Task Large_results_stream_every_row()
    {
        await OkAsync("create database if not exists http_big");
        await OkAsync("create table if not exists http_big.t (ts timestamp, v int)");
        for (int batch = 0; batch < 20; batch++)
        {
            var values = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"({1704067200000L + batch * 1000 + i}, {batch * 1000 + i})"));
            await OkAsync("insert into http_big.t values " + values);
        }
        var answer = await OkAsync("select * from http_big.t");
        Assert.Equal(20_000, answer.Json.GetProperty("rows").GetInt32());
        Assert.Equal(20_000, answer.Json.GetProperty("data").GetArrayLength());
        Assert.True(answer.Chunked);
    }

    private static async Task<string> PostAsync(HttpClient client, TaosServer server, string sql)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Url, "/rest/sql")) { Content = new StringContent(sql) };
        request.Headers.Authorization = ServerFixture.Basic("root", "taosdata");
        using var response = await client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && body.StartsWith("{\"code\":0,", StringComparison.Ordinal), $"{sql} -> {body}");
        return body;
    }

    [Fact]
    public async Task Select_tags_three_table_joins_and_interp_clause_misuse_answer_over_rest()
    {
        await OkAsync("create database if not exists http_q17");
        await OkAsync("create stable if not exists http_q17.st (ts timestamp, v int) tags (loc varchar(8))");
        await OkAsync("create table if not exists http_q17.e using http_q17.st tags ('empty')");
        await OkAsync("insert into http_q17.a using http_q17.st tags ('x') values (1704067200000, 1) (1704067201000, 2)");
        await OkAsync("create table if not exists http_q17.n1 (ts timestamp, w int)");
        await OkAsync("insert into http_q17.n1 values (1704067200000, 10)");
        await OkAsync("create table if not exists http_q17.n2 (ts timestamp, y int)");
        await OkAsync("insert into http_q17.n2 values (1704067200000, 100)");

        var tags = await OkAsync("select tags tbname, loc from http_q17.st order by tbname");
        Assert.Equal(
            "{\"code\":0,\"column_meta\":[[\"tbname\",\"VARCHAR\",270],[\"loc\",\"VARCHAR\",8]],\"data\":[[\"a\",\"x\"],[\"e\",\"empty\"]],\"rows\":2}",
            tags.Text);
        var joined = await OkAsync(
            "select a.v, a.loc, n1.w, n2.y from http_q17.st a join http_q17.n1 n1 on a.ts = n1.ts join http_q17.n2 n2 on n1.ts = n2.ts");
        Assert.Equal("[[1,\"x\",10,100]]", joined.Json.GetProperty("data").GetRawText());
        var misuse = await fixture.SqlAsync("select v from http_q17.st fill(null)");
        Assert.Equal("{\"code\":9821,\"desc\":\"Invalid usage of RANGE clause, EVERY clause or FILL clause\"}", misuse.Text);
    }
}
