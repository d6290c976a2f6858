namespace Taos.Tests.Integration;

/// <summary>
/// LAST_ROW and LAST per table, which the server answers by seeking each table's deciding rows, read over the wire
/// exactly as the same query answered by a scan (an always-true filter over a column keeps it on the scan path).
/// </summary>
public abstract class LastRowTests(ServerFixture server)
{
    private List<object[]> Read(TaosConnection c, string sql)
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

    [Theory]
    [InlineData("ms")]
    [InlineData("ns")]
    public void Last_row_and_last_per_table_answer_as_the_scan(string precision)
    {
        string db = "lastrow_" + precision + "_" + server.Protocol.ToString().ToLowerInvariant();
        server.Run($"drop database if exists {db}", $"create database {db} precision '{precision}'",
            $"create stable {db}.meters (ts timestamp, current float, voltage int, phase float) tags (groupid int, location binary(24))",
            $"insert into {db}.d1 using {db}.meters tags (1, 'a') values ('2024-01-01 00:00:03', null, 7, 0.5) ('2024-01-01 00:00:01', 1.0, 1, 0.1)",
            $"insert into {db}.d2 using {db}.meters tags (2, 'b') values ('2024-01-01 00:00:02', 2.5, null, 0.25)",
            $"create table {db}.d3 using {db}.meters tags (3, 'c')");
        using var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        foreach (var (seek, scan) in new[]
        {
            ("select tbname, last_row(*) from meters partition by tbname order by tbname",
             "select tbname, last_row(*) from meters where current is null or current is not null partition by tbname order by tbname"),
            ("select last(*) from meters", "select last(*) from meters where current is null or current is not null"),
            ("select last(*), last_row(ts) from d1", "select last(*), last_row(ts) from d1 where current is null or current is not null"),
        })
        {
            Assert.Equal(Read(c, scan), Read(c, seek));
        }
        var rows = Read(c, "select tbname, last_row(voltage), last(current) from meters partition by tbname order by tbname");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["d1", 7, 1.0f], rows[0]);
        Assert.Equal(["d2", DBNull.Value, 2.5f], rows[1]);
    }
}

[Collection(ServerCollection.Name)]
public sealed class LastRowTestsOverRest(ServerFixture server) : LastRowTests(server);

[Collection(WsServerCollection.Name)]
public sealed class LastRowTestsOverWebSocket(WsServerFixture server) : LastRowTests(server);
