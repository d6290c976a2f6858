using System.Data;
using Dapper;

namespace Taos.Tests.Integration;

public abstract class DapperAndDataTableTests(ServerFixture server)
{
    public sealed class Meter
    {
        public DateTime Ts { get; set; }
        public float Current { get; set; }
        public int Voltage { get; set; }
        public float Phase { get; set; }
        public int GroupId { get; set; }
        public string Location { get; set; } = "";
    }

    private TaosConnection Setup(string db)
    {
        server.Run($"create database if not exists {db}",
            $"create stable if not exists {db}.meters (ts timestamp, current float, voltage int, phase float) tags (groupid int, location binary(24))");
        var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        return c;
    }

    [Fact]
    public async Task Dapper_Execute_with_parameters_and_Query_of_T()
    {
        using var c = Setup("dap");
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        int n = c.Execute("insert into d1001 using meters tags (@g, @loc) values (@ts, @cur, @volt, @ph)",
            new { g = 2, loc = "California.SanFrancisco", ts = start, cur = 10.3f, volt = 219, ph = 0.31f });
        Assert.Equal(1, n);
        // A list of parameter objects runs the statement once per item.
        int m = await c.ExecuteAsync("insert into d1002 using meters tags (3, 'California.LosAngeles') values (@ts, @cur, @volt, @ph)",
            Enumerable.Range(1, 3).Select(i => new { ts = start.AddSeconds(i), cur = 11f + i, volt = 220 + i, ph = 0.3f }));
        Assert.Equal(3, m);

        var rows = c.Query<Meter>("select * from meters where voltage >= @min order by ts", new { min = 219 }).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(start, rows[0].Ts);
        Assert.Equal(10.3f, rows[0].Current);
        Assert.Equal("California.SanFrancisco", rows[0].Location);
        Assert.Equal(2, rows[0].GroupId);
        Assert.Equal(223, rows[3].Voltage);

        var count = await c.ExecuteScalarAsync<long>("select count(*) from meters where location = @loc", new { loc = "California.LosAngeles" });
        Assert.Equal(3, count);
        var dyn = (await c.QueryAsync("select tbname, voltage from meters order by ts limit 1")).Single();
        Assert.Equal("d1001", (string)dyn.tbname);
    }

    [Fact]
    public void DataTable_Load_reads_columns_types_and_nulls()
    {
        using var c = Setup("dtl");
        c.Execute("insert into d1 using meters tags (1, null) values ('2024-01-01T00:00:00Z', 1.5, null, 0.5) ('2024-01-01T00:00:01Z', 2.5, 220, 0.6)");
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select ts, current, voltage, location from meters order by ts";
        var table = new DataTable();
        using (var r = cmd.ExecuteReader())
        {
            table.Load(r);
        }
        Assert.Equal(["ts", "current", "voltage", "location"], table.Columns.Cast<DataColumn>().Select(x => x.ColumnName));
        Assert.Equal(typeof(DateTime), table.Columns["ts"]!.DataType);
        Assert.Equal(typeof(float), table.Columns["current"]!.DataType);
        Assert.Equal(typeof(int), table.Columns["voltage"]!.DataType);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(DBNull.Value, table.Rows[0]["voltage"]);
        Assert.Equal(DBNull.Value, table.Rows[0]["location"]);
        Assert.Equal(220, table.Rows[1]["voltage"]);
        Assert.Equal(2.5f, table.Rows[1]["current"]);
    }
}

[Collection(ServerCollection.Name)]
public sealed class DapperAndDataTableTestsOverRest(ServerFixture server) : DapperAndDataTableTests(server);

[Collection(WsServerCollection.Name)]
public sealed class DapperAndDataTableTestsOverWebSocket(WsServerFixture server) : DapperAndDataTableTests(server);
