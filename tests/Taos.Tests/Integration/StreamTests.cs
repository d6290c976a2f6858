namespace Taos.Tests.Integration;

/// <summary>
/// A stream created through the connector: rows written over REST reach the stream's target super table, which the
/// connector reads back like any table. The server computes streams in the background, so the test reads until the
/// target shows the rows (bounded by a deadline), as an application would.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class StreamTests(ServerFixture server)
{
    private static List<object[]> Read(TaosConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<object[]>();
        while (r.Read())
        {
            var row = new object[r.FieldCount];
            r.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Reads <paramref name="sql"/> until it answers <paramref name="count"/> rows or 30 s passed.</summary>
    private static async Task<List<object[]>> ReadUntil(TaosConnection c, string sql, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var rows = Read(c, sql);
        while (rows.Count != count && DateTime.UtcNow < deadline)
        {
            await Task.Yield();
            rows = Read(c, sql);
        }
        return rows;
    }

    [Fact]
    public async Task Rows_written_over_rest_reach_the_streams_target_table()
    {
        server.Run("drop database if exists stream_rest", "create database stream_rest",
            "create stable stream_rest.meters (ts timestamp, current float, voltage int) tags (groupid int)");
        using var c = new TaosConnection(server.ConnectionString("stream_rest"));
        c.Open();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "create stream avg_vol trigger at_once into avg_vol_out as select _wstart, count(*), avg(voltage) from meters partition by tbname interval(1m)";
            Assert.Equal(0, cmd.ExecuteNonQuery());
            cmd.CommandText = "insert into d1 using meters tags (1) values ('2024-01-01 00:00:01', 1.5, 220) ('2024-01-01 00:00:31', 1.5, 230) "
                + "d2 using meters tags (2) values ('2024-01-01 00:01:05', 2.5, 210)";
            Assert.Equal(3, cmd.ExecuteNonQuery());
        }
        var rows = await ReadUntil(c, "select `_wstart`, `count(*)`, `avg(voltage)` from avg_vol_out order by `_wstart`", 2);
        Assert.Equal(2, rows.Count);
        Assert.Equal((new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 2L, 225.0), ((DateTime)rows[0][0], (long)rows[0][1], (double)rows[0][2]));
        Assert.Equal((1L, 210.0), ((long)rows[1][1], (double)rows[1][2]));
        Assert.Equal([["avg_vol"]], Read(c, "show streams"));
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "drop stream avg_vol";
            cmd.ExecuteNonQuery();
        }
        Assert.Empty(Read(c, "show streams"));
    }
}
