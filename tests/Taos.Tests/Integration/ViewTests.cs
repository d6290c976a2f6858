namespace Taos.Tests.Integration;

/// <summary>A view read through the connector like a table (its query runs in the view's database), and EXPLAIN's plan as rows.</summary>
public abstract class ViewTests(ServerFixture server)
{
    private static List<object[]> Read(TaosConnection c, string sql)
    {
        var cmd = c.CreateCommand();
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

    [Fact]
    public void A_view_reads_like_a_table_and_explain_returns_its_plan()
    {
        string db = "views_" + server.Protocol.ToString().ToLowerInvariant();
        server.Run($"drop database if exists {db}", $"create database {db}",
            $"create stable {db}.meters (ts timestamp, current float, voltage int) tags (location binary(24))",
            $"insert into {db}.d1 using {db}.meters tags ('a') values ('2024-01-01 00:00:01', 1.5, 220) ('2024-01-01 00:00:02', 2.5, 230)",
            $"create view {db}.high as select ts, voltage, location from meters where voltage > 225");
        using var c = new TaosConnection(server.ConnectionString());
        c.Open();
        var cmd = c.CreateCommand();
        cmd.CommandText = $"select * from {db}.high";
        using (var r = cmd.ExecuteReader())
        {
            Assert.Equal(["ts", "voltage", "location"], Enumerable.Range(0, r.FieldCount).Select(r.GetName));
            Assert.True(r.Read());
            Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 2, DateTimeKind.Utc), r.GetDateTime(0).ToUniversalTime());
            Assert.Equal(230, r.GetInt32(1));
            Assert.Equal("a", r.GetString(2));
            Assert.False(r.Read());
        }
        Assert.Equal([["high"]], Read(c, $"show {db}.views"));
        var plan = Read(c, $"explain select count(*) from {db}.high").Select(row => (string)row[0]).ToList();
        Assert.Equal("-> Aggragate (functions=1 width=8 input_order=unknown )", plan[0]);
        Assert.Contains(plan, line => line.Contains("-> Table Scan on meters", StringComparison.Ordinal));
        var e = Assert.Throws<TaosException>(() => Read(c, $"drop view {db}.nosuch"));
        Assert.Equal(0x04A1, e.ErrorCode);
        server.Run($"drop database {db}");
    }
}

[Collection(ServerCollection.Name)]
public sealed class ViewTestsOverRest(ServerFixture server) : ViewTests(server);

[Collection(WsServerCollection.Name)]
public sealed class ViewTestsOverWebSocket(WsServerFixture server) : ViewTests(server);
