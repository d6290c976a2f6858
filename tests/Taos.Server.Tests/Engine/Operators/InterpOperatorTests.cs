namespace Taos.Server.Tests.Engine.Operators;

/// <summary>INTERP with RANGE, EVERY and every FILL mode, per partition, and its clause errors.</summary>
public class InterpOperatorTests : EngineTestBase
{
    private const long T0 = 1704067200000;

    public InterpOperatorTests()
    {
        Exec("create stable st (ts timestamp, v int) tags (g int)");
        Exec($"insert into a using st tags (1) values ({T0}, 1) ({T0 + 1000}, 2) ({T0 + 3000}, 4) ({T0 + 4000}, null)");
        Exec($"insert into b using st tags (2) values ({T0 + 1500}, 10)");
    }

    private List<object?[]> Interp(string fill, string table = "a", long from = T0, long to = T0 + 5000) =>
        Rows($"select _irowts, _isfilled, interp(v) from {table} range({from}, {to}) every(1s) fill({fill})");

    [Fact]
    public void Points_with_a_row_show_it_and_the_others_fill_from_the_rows_around_them()
    {
        Assert.Equal(
            [[T0, false, 1], [T0 + 1000, false, 2], [T0 + 2000, true, 2], [T0 + 3000, false, 4], [T0 + 4000, false, null], [T0 + 5000, true, null]],
            Interp("prev"));
        Assert.Equal([[T0 + 2000, true, 4], [T0 + 3000, false, 4], [T0 + 4000, false, null]], Interp("next", from: T0 + 2000));
        // Linear between 2 at 1s and 4 at 3s; between 4 and NULL there is no line; after the last row nothing.
        Assert.Equal([[T0 + 2000, true, 3], [T0 + 3000, false, 4], [T0 + 4000, false, null]], Interp("linear", from: T0 + 2000));
        Assert.Equal([[T0 + 5000, true, null]], Interp("null", from: T0 + 5000));
        Assert.Equal([[T0 + 5000, true, 7]], Interp("value, 7", from: T0 + 5000));
    }

    [Fact]
    public void Prev_before_the_first_row_skips_the_point_in_each_partition()
    {
        var rows = Rows($"select tbname, _irowts, interp(v) from st partition by tbname range({T0}, {T0 + 2000}) every(1s) fill(prev) order by tbname, _irowts");
        Assert.Equal([["a", T0, 1], ["a", T0 + 1000, 2], ["a", T0 + 2000, 2], ["b", T0 + 2000, 10]], rows);
    }

    [Fact]
    public void Missing_clauses_and_fill_none_are_tdengine_errors()
    {
        Fails($"select interp(v) from a range({T0}, {T0 + 1000}) every(1s)", 9821, "Missing RANGE clause, EVERY clause or FILL clause");
        Fails($"select interp(v) from a range({T0}, {T0 + 1000}) every(1s) fill(none)", 9733, "Unsupported fill type");
        Fails($"select interp(v) from a range({T0}, {T0 + 1000}) every(1s) fill(value, 1, 2)", 9733, "Filled values number mismatch");
    }

    [Theory]
    [InlineData("select v from a range('2024-01-01', '2024-01-02') every(1h) fill(prev)")]
    [InlineData("select v from a range('2024-01-01', '2024-01-02')")]
    [InlineData("select v from a every(1s)")]
    [InlineData("select count(*) from a fill(null)")]
    [InlineData("select avg(v) from a fill(value, 0)")]
    public void Range_every_or_fill_without_interp_is_9821_and_reads_nothing(string sql)
    {
        Fails(sql, 9821, "Invalid usage of RANGE clause, EVERY clause or FILL clause");
        Assert.Equal(4L, Rows("select count(*) from a")[0][0]);
    }

    [Fact]
    public void Fill_with_interval_is_accepted_as_tdengine_does()
    {
        var rows = Rows($"select _wstart, count(*) from a where ts >= {T0} and ts < {T0 + 3000} interval(1s) fill(value, 0)");
        Assert.Equal(3, rows.Count);
    }
}
