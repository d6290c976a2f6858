using Taos.Tests.Recorded;

namespace Taos.Tests.Transport.WebSocket;

/// <summary>
/// The connector reads the recorded <c>/ws</c> and <c>/rest/ws</c> sessions of a real TDengine 3.3.0.1
/// (replayed by <see cref="RecordedWsScript"/>) and gets, value for value and type for type, what it reads from the
/// REST answers recorded for the same queries (conformance/rest-raw).
/// </summary>
public class WsConformanceTests
{
    [Theory]
    [InlineData("ws.jsonl", "select * from power.all_types order by tbname, ts", "26_select_alltypes.txt")]
    [InlineData("ws.jsonl", "select * from power.all_tag_types", "28_select_alltag_types.txt")]
    [InlineData("ws.jsonl", "select * from test_us.meters", "16_select_meters_us.txt")]
    [InlineData("restws.jsonl", "select * from test_ns.meters", "17_select_meters_ns.txt")]
    [InlineData("restws.jsonl", "select * from power.all_types order by tbname, ts", "26_select_alltypes.txt")]
    public async Task Recorded_blocks_read_like_the_recorded_REST_answer(string recording, string sql, string rest)
    {
        var overRest = await ReadAllAsync(RestConnection(rest), sql);
        var overWs = await ReadAllAsync(await WsConnectionAsync(recording), sql);
        Assert.Equal(overRest.Columns, overWs.Columns);
        Assert.NotEmpty(overWs.Rows);
        Assert.Equal(overRest.Rows.Count, overWs.Rows.Count);
        for (int r = 0; r < overRest.Rows.Count; r++)
        {
            Assert.Equal(overRest.Rows[r], overWs.Rows[r]);
        }
    }

    [Fact]
    public async Task Recorded_meters_block_holds_the_REST_rows_and_the_inserted_d1003_row()
    {
        var overRest = await ReadAllAsync(RestConnection("15_select_meters_ms.txt"), "select * from power.meters order by ts, tbname");
        var overWs = await ReadAllAsync(await WsConnectionAsync("ws.jsonl"), "select * from meters order by ts, tbname limit 3");
        Assert.Equal(3, overWs.Rows.Count);
        Assert.Equal(overRest.Rows[0], overWs.Rows[0]);
        Assert.Equal(overRest.Rows[1], overWs.Rows[2]);
        Assert.Equal(new object[] { new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 1f, 1, 1f, 4, "X" }, overWs.Rows[1]);
    }

    [Fact]
    public async Task Recorded_interval_block_reads_windows_counts_and_double_averages()
    {
        const string Sql = "select _wstart, count(*), avg(current) from power.meters where ts >= '2024-01-01 00:00:00' and ts < '2024-01-01 00:01:00' interval(10s)";
        var overWs = await ReadAllAsync(await WsConnectionAsync("ws.jsonl"), Sql);
        Assert.Equal(["_wstart|TIMESTAMP|DateTime", "count(*)|BIGINT|Int64", "avg(current)|DOUBLE|Double"], overWs.Columns);
        Assert.Equal([5L, 1L, 1L, 1L], overWs.Rows.Select(r => r[1]));
        Assert.Equal([7.540000152587891, 12.300000190734863, 10.800000190734863, 9.899999618530273], overWs.Rows.Select(r => r[2]));
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 30, DateTimeKind.Utc), overWs.Rows[3][0]);
    }

    [Fact]
    public async Task Recorded_errors_and_inserts_answer_like_TDengine()
    {
        using var c = await WsConnectionAsync("restws.jsonl");
        using var cmd = c.CreateCommand();
        cmd.CommandText = "selec * frm power.meters";
        var e = Assert.Throws<TaosException>(() => cmd.ExecuteNonQuery());
        Assert.Equal(9728, e.ErrorCode);
        Assert.Equal("syntax error near \"selec * frm power.meters\"", e.Description);
        Assert.Equal("selec * frm power.meters", e.Sql);
        cmd.CommandText = "insert into power.d1001 values('2024-01-01 00:00:30.000', 9.9, 220, 0.3)";
        Assert.Equal(1, cmd.ExecuteNonQuery());
    }

    private sealed record Table(List<string> Columns, List<object[]> Rows);

    private static TaosConnection RestConnection(string file)
    {
        var ds = new TaosDataSourceBuilder("Url=http://tdengine.test:6041").UseHttpMessageHandler(new RecordedHandler(file)).Build();
        var c = ds.CreateConnection();
        c.OpenWithoutCheck();
        return c;
    }

    private static async Task<TaosConnection> WsConnectionAsync(string recording)
    {
        var script = new RecordedWsScript(recording);
        var server = await ScriptedWsServer.StartAsync(script.Answer);
        var c = new TaosConnection("Url=" + server.Url + ";Timeout=10");
        c.Disposed += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        await c.OpenAsync();
        return c;
    }

    private static async Task<Table> ReadAllAsync(TaosConnection c, string sql)
    {
        using (c)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            using var r = await cmd.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, r.FieldCount).Select(i => $"{r.GetName(i)}|{r.GetDataTypeName(i)}|{r.GetFieldType(i).Name}").ToList();
            var rows = new List<object[]>();
            while (await r.ReadAsync())
            {
                var row = new object[r.FieldCount];
                r.GetValues(row);
                rows.Add(row);
            }
            return new Table(columns, rows);
        }
    }
}
