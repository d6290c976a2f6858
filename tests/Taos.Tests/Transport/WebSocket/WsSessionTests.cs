using Taos.Tests.Integration;

namespace Taos.Tests.Transport.WebSocket;

[Collection(WsServerCollection.Name)]
public class WsSessionTests(WsServerFixture server)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_ws_url_opens_a_WebSocket_session_and_reads_rows(bool async)
    {
        string db = "wss_" + (async ? "a" : "s");
        using var c = new TaosConnection(server.ConnectionString());
        if (async) await c.OpenAsync(); else c.Open();
        Assert.Equal("3.3.0.1", c.ServerVersion);
        var cmd = c.CreateCommand();
        cmd.CommandText = $"create database if not exists {db}";
        Assert.Equal(0, async ? await cmd.ExecuteNonQueryAsync() : cmd.ExecuteNonQuery());
        cmd.CommandText = $"create table if not exists {db}.t (ts timestamp, v int, s nchar(8))";
        cmd.ExecuteNonQuery();
        cmd.CommandText = $"insert into {db}.t values (1704067200000, 1, 'ä'), (1704067201000, null, null)";
        Assert.Equal(2, cmd.ExecuteNonQuery());
        cmd.CommandText = $"select * from {db}.t order by ts";
        using var r = async ? await cmd.ExecuteReaderAsync() : cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), r.GetDateTime(0));
        Assert.Equal(1, r.GetInt32(1));
        Assert.Equal("ä", r.GetString(2));
        Assert.True(r.Read());
        Assert.True(r.IsDBNull(1));
        Assert.True(r.IsDBNull(2));
        Assert.False(r.Read());
    }

    [Fact]
    public void Opening_with_a_database_that_does_not_exist_fails_with_TDengines_error()
    {
        using var c = new TaosConnection(server.ConnectionString("no_such_db_ws"));
        var e = Assert.Throws<TaosException>(() => c.Open());
        Assert.Equal(TaosErrorCode.DatabaseNotExist, e.ErrorCode);
        Assert.Equal("Database not exist", e.Description);
        Assert.Equal(System.Data.ConnectionState.Closed, c.State);
    }

    [Fact]
    public void A_wrong_password_fails_the_open_with_855()
    {
        using var c = new TaosConnection(server.ConnectionString(null, "Password=wrong"));
        var e = Assert.Throws<TaosException>(() => c.Open());
        Assert.Equal(855, e.ErrorCode);
    }

    [Fact]
    public void A_USE_statement_and_ChangeDatabase_move_the_sessions_database()
    {
        server.Run("create database if not exists wsu1", "create database if not exists wsu2",
            "create table if not exists wsu1.t (ts timestamp, v int)", "create table if not exists wsu2.t (ts timestamp, v int)",
            "insert into wsu1.t values (1704067200000, 1)", "insert into wsu2.t values (1704067200000, 2)");
        using var c = new TaosConnection(server.ConnectionString("wsu1"));
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select v from t";
        Assert.Equal(1, cmd.ExecuteScalar());
        c.ChangeDatabase("wsu2");
        Assert.Equal("wsu2", c.Database);
        Assert.Equal(2, cmd.ExecuteScalar());
        cmd.CommandText = "USE wsu1";
        cmd.ExecuteNonQuery();
        Assert.Equal("wsu1", c.Database);
        cmd.CommandText = "select v from t";
        Assert.Equal(1, cmd.ExecuteScalar());
    }

    [Theory]
    [InlineData("us", 1704067200123456L, TaosPrecision.Microseconds)]
    [InlineData("ns", 1704067200123456789L, TaosPrecision.Nanoseconds)]
    public void Micro_and_nanosecond_timestamps_read_exactly(string precision, long ticks, TaosPrecision expected)
    {
        string db = "wsp_" + precision;
        server.Run($"create database if not exists {db} precision '{precision}'", $"create table if not exists {db}.t (ts timestamp, v int)",
            $"insert into {db}.t values ({ticks}, 1)");
        using var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select ts from t";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(new TaosTimestamp(ticks, expected), r.GetTaosTimestamp(0));
        Assert.Equal(expected == TaosPrecision.Nanoseconds ? typeof(TaosTimestamp) : typeof(DateTime), r.GetFieldType(0));
    }

    [Fact]
    public async Task ConnectTimeout_bounds_an_upgrade_that_never_completes()
    {
        await using var stalled = new StalledServer("");
        var url = stalled.Url.Replace("http://", "ws://", StringComparison.Ordinal);
        await using var c = new TaosConnection($"Url={url};ConnectTimeout=1;Timeout=60");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<TaosException>(() => c.OpenAsync());
        Assert.Contains(url, e.Message);
        Assert.InRange(sw.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ReadTimeout_bounds_each_wait_while_reading()
    {
        await using var scripted = await ScriptedWsServer.StartAsync(request => ScriptedWsServer.Action(request) switch
        {
            "query" => [ScriptedWsServer.Ok("query", request,
                ",\"id\":3,\"is_update\":false,\"affected_rows\":0,\"fields_count\":1,\"fields_names\":[\"v\"],\"fields_types\":[4],\"fields_lengths\":[4],\"precision\":0")],
            _ => ScriptedWsServer.Handshake(request),
        });
        await using var c = new TaosConnection($"Url={scripted.Url};Timeout=0;ReadTimeout=1");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "select v from t";
        // The reader asks for the first block when it opens (it peeks at the first row).
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<TaosException>(() => cmd.ExecuteReaderAsync());
        Assert.IsType<TimeoutException>(e.InnerException);
        Assert.InRange(sw.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }
}
