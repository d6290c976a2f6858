namespace Taos.Tests.Integration;

[Collection(ServerCollection.Name)]
public class RestClientTests(ServerFixture server)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sql_returns_typed_meta_rows_and_affected_rows(bool async)
    {
        using var client = new RestClient(server.BaseUrl, "root", "taosdata");
        async Task<TaosRestResult> Sql(string s, long? id = null) => async ? await client.SqlAsync(s, id) : client.Sql(s, id);

        var create = await Sql("create database if not exists rc");
        Assert.Equal(0, create.AffectedRows);
        await Sql("create table if not exists rc.t (ts timestamp, v int, s binary(10))");
        var ins = await Sql("insert into rc.t values ('2024-01-01T00:00:00Z', 1, 'a') ('2024-01-01T00:00:01Z', null, 'b')", 12345);
        Assert.Equal(2, ins.AffectedRows);
        Assert.Empty(ins.ColumnMeta);

        var q = await Sql("select * from rc.t order by ts");
        Assert.Null(q.AffectedRows);
        Assert.Equal(["ts", "v", "s"], q.ColumnMeta.Select(c => c.ColumnName));
        Assert.Equal(["TIMESTAMP", "INT", "VARCHAR"], q.ColumnMeta.Select(c => c.DataTypeName));
        Assert.Equal([8, 4, 10], q.ColumnMeta.Select(c => c.Length));
        Assert.Equal(2, q.Rows);
        Assert.Equal(new object?[] { new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 1, "a" }, q.Data[0]);
        Assert.Null(q.Data[1][1]);

        var e = async ? await Assert.ThrowsAsync<TaosException>(() => client.SqlAsync("select * from rc.nope")) : Assert.Throws<TaosException>(() => client.Sql("select * from rc.nope"));
        Assert.Equal(9826, e.ErrorCode);
    }

    [Fact]
    public async Task Sql_with_database_and_timezone()
    {
        using var admin = new RestClient(server.BaseUrl);
        admin.Sql("create database if not exists rc2");
        admin.Sql("create table if not exists rc2.t (ts timestamp, v int)");
        admin.Sql("insert into rc2.t values ('2024-01-01T00:00:00Z', 7)");
        using var client = new RestClient(server.BaseUrl, database: "rc2", timezone: "Asia/Shanghai");
        var r = await client.SqlAsync("select ts, v from t");
        Assert.Equal(new DateTime(2024, 1, 1, 8, 0, 0), r.Data[0][0]);
        Assert.Equal(7, r.Data[0][1]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Login_token_works_like_a_cloud_token(bool async)
    {
        string token = async ? await RestClient.LoginAsync(server.BaseUrl, "root", "taosdata") : RestClient.Login(server.BaseUrl, "root", "taosdata");
        Assert.False(string.IsNullOrEmpty(token));

        using var client = new RestClient(server.BaseUrl, user: null, password: null, token: token);
        var r = async ? await client.SqlAsync("select server_version()") : client.Sql("select server_version()");
        Assert.Equal("3.3.0.1", r.Data[0][0]);

        using var c = new TaosConnection($"Url={server.BaseUrl};Token={token}");
        if (async) await c.OpenAsync(); else c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select 1";
        Assert.Equal(1L, cmd.ExecuteScalar());

        using var bad = new TaosConnection($"Url={server.BaseUrl};Token=not-a-token");
        Assert.Throws<TaosException>(() => bad.Open());
        var wrong = Assert.Throws<TaosException>(() => RestClient.Login(server.BaseUrl, "root", "nope"));
        Assert.Equal("Authentication failure", wrong.Description);
        Assert.NotEqual(0, wrong.ErrorCode);
    }
}
