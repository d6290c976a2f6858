using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Operators;

/// <summary>
/// LAST_ROW and LAST read from each table's deciding rows answer exactly as the same query scanning every row:
/// columns, names, types, widths, precision, row order, NULLs, over data made to catch a seek out.
/// </summary>
public class LastRowScanOperatorTests : EngineTestBase
{
    /// <summary>Always true, over tbname only: the query keeps the seek.</summary>
    private const string Seek = "tbname is not null";

    /// <summary>Always true, over a column: the query must scan.</summary>
    private const string Scan = "(current is null or current is not null)";

    public LastRowScanOperatorTests() : base(null)
    {
    }

    public static TheoryData<string> Queries() =>
    [
        "select last_row(*) from meters where {0} partition by tbname",
        "select last(*) from meters where {0} partition by tbname",
        "select last_row(*) from meters where {0}",
        "select last(*) from meters where {0}",
        "select last(*), tbname from meters where {0} group by tbname",
        "select tbname, last_row(current), last(voltage), last_row(ts) from meters where {0} group by tbname order by tbname",
        "select location, last(phase), last_row(phase) from meters where {0} partition by location",
        "select last(current), voltage, location from meters where {0}",
        "select last_row(voltage), ts from meters where {0} partition by tbname slimit 2 soffset 1",
        "select last(*) from meters where location = 'b' and {0}",
        "select last_row(*) from meters where {0} and ts < '2024-01-01 00:00:02'",
        "select last_row(*) from meters where {0} and ts < '2024-01-01 00:00:03' partition by tbname",
        "select last(*) from meters where {0} and ts >= '2024-01-01 00:00:01' and ts <= '2024-01-01 00:00:02'",
        "select tbname, last_row(*) from meters where {0} and ts >= 1704067203000.5 partition by tbname",
        "select last(*) from meters where {0} and ts > 1704067202999.5 and ts < 1704067203000.5",
        "select last(*) from d1 where {0}",
        "select last_row(*) from d2 where {0}",
        "select last(*), last_row(*) from d3 where {0}",
        "select last_row(*) from d4 where {0}",
        "select last(*) from d4 where {0}",
        "select last_row(*) from nt where {0}",
        "select last(current), last(phase) from nt where {0}",
        "select last(*) from ne where {0}",
        "select last_row(*) from ne where {0}",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public void Seek_and_scan_answer_alike_in_every_precision(string query)
    {
        foreach (var precision in new[] { "ms", "us", "ns" })
        {
            Populate(precision);
            var seek = Result(string.Format(query, Seek));
            var scan = Result(string.Format(query, Scan));
            Assert.Equal(scan.Columns, seek.Columns);
            Assert.Equal(scan.Precision, seek.Precision);
            Assert.Equal(scan.Rows.ToList(), seek.Rows.ToList());
        }
    }

    [Fact]
    public void Last_row_per_table_shows_each_tables_newest_row_with_its_nulls()
    {
        Populate("ms");
        var rows = Rows("select tbname, last_row(*) from meters partition by tbname order by tbname");
        Assert.Equal(3, rows.Count);
        Assert.Equal(new object?[] { "d1", 1704067203000L, null, 7, 0.5f }, rows[0]);
        Assert.Equal(new object?[] { "d2", 1704067201000L, 2.5f, 2, 0.25f }, rows[1]);
        Assert.Equal(new object?[] { "d3", 1704067204000L, null, null, null }, rows[2]);
        // The range of ts ≥ …3000.5 starts at …3000 (whole ticks): d1's last row is in it but fails WHERE, so d1 is scanned.
        var after = Rows("select tbname, last_row(*) from meters where ts >= 1704067203000.5 partition by tbname");
        Assert.Equal(new object?[] { "d3", 1704067204000L, null, null, null }, Assert.Single(after));
        Assert.Equal(new object?[] { 1704067201000L, 1.0f }, Assert.Single(Rows("select last(ts), last(current) from d1 where ts < 1704067201999.5")));
        var last = Rows("select last(*) from d1");
        Assert.Equal(new object?[] { 1704067203000L, 1.5f, 7, 0.5f }, Assert.Single(last));
    }

    [Fact]
    public void Writes_after_a_restart_move_the_last_row()
    {
        Populate("ms");
        Reopen();
        Session.Database = "p";
        Exec("insert into d1 values ('2024-01-01 00:00:09', 9.5, 9, 0.9)");
        Assert.Equal(new object?[] { 1704067209000L, 9.5f, 9, 0.9f }, Assert.Single(Rows("select last_row(*) from d1")));
        Exec("delete from d1 where ts > '2024-01-01 00:00:05'");
        Assert.Equal(new object?[] { 1704067203000L, null, 7, 0.5f }, Assert.Single(Rows("select last_row(*) from d1")));
        Exec("drop table d1");
        Assert.Equal(2, Rows("select last_row(*) from meters partition by tbname").Count);
    }

    private RowSetResult Result(string sql) => Assert.IsType<RowSetResult>(Exec(sql));

    /// <summary>
    /// Database p: d1 written out of order with a NULL in its newest row, d2 whose newest row was deleted, d3 whose
    /// newest row is NULL but for ts, d4 created without rows; normal tables nt (rows) and ne (none).
    /// </summary>
    private void Populate(string precision)
    {
        Exec("drop database if exists p");
        Exec("create database p precision '" + precision + "'");
        Session.Database = "p";
        Meters();
        Exec("create table d1 using meters tags (1, 'a')");
        Exec("create table d2 using meters tags (2, 'b')");
        Exec("create table d3 using meters tags (null, 'b')");
        Exec("create table d4 using meters tags (4, 'c')");
        Exec("create table nt (ts timestamp, current float, voltage int, phase float)");
        Exec("create table ne (ts timestamp, current float, voltage int, phase float)");
        Exec("insert into d1 values ('2024-01-01 00:00:03', null, 7, 0.5) ('2024-01-01 00:00:01', 1.0, 1, 0.1)");
        Exec("insert into d1 values ('2024-01-01 00:00:02', 1.5, null, 0.2)");
        Exec("insert into d2 values ('2024-01-01 00:00:01', 2.5, 2, 0.25) ('2024-01-01 00:00:03', 3.5, 3, 0.35)");
        Exec("delete from d2 where ts = '2024-01-01 00:00:03'");
        Exec("insert into d3 values ('2024-01-01 00:00:00', 0.5, 5, 0.05) ('2024-01-01 00:00:04', null, null, null)");
        Exec("insert into nt values ('2024-01-01 00:00:03', 3.0, null, null) ('2024-01-01 00:00:01', null, 1, 0.1)");
    }
}
