namespace Taos.Server.Tests.Engine.Operators;

/// <summary>JOIN on primary timestamps as TDengine 3.3 runs it: every join type, qualified names, and the 9985 check.</summary>
public class TimestampJoinTests : EngineTestBase
{
    private const long T0 = 1704067200000;

    public TimestampJoinTests()
    {
        Exec("create table a (ts timestamp, v int)");
        Exec("create table b (ts timestamp, x int)");
        Exec($"insert into a values ({T0}, 1) ({T0 + 1000}, 2) ({T0 + 2000}, 3)");
        Exec($"insert into b values ({T0}, 10) ({T0 + 2000}, 30) ({T0 + 5000}, 60)");
    }

    [Fact]
    public void Inner_joins_match_equal_timestamps_written_in_on_or_in_where()
    {
        object?[][] want = [[T0, 1, 10], [T0 + 2000, 3, 30]];
        Assert.Equal(want, Rows("select a.ts, a.v, b.x from a join b on a.ts = b.ts order by a.ts"));
        Assert.Equal(want, Rows("select a.ts, a.v, b.x from a, b where b.ts = a.ts order by a.ts"));
        Assert.Equal(want, Rows("select p.ts, p.v, q.x from a p inner join b q on p.ts = q.ts order by p.ts"));
    }

    [Fact]
    public void Outer_joins_keep_the_rows_without_a_match_with_nulls()
    {
        Assert.Equal([[T0, 10], [T0 + 1000, null], [T0 + 2000, 30]], Rows("select a.ts, b.x from a left join b on a.ts = b.ts order by a.ts"));
        Assert.Equal([[T0, 1, 10], [T0 + 2000, 3, 30], [null, null, 60]], Rows("select a.ts, a.v, b.x from a right join b on a.ts = b.ts order by b.ts"));
        Assert.Equal(4, Rows("select a.v, b.x from a full outer join b on a.ts = b.ts").Count);
    }

    [Fact]
    public void Semi_and_anti_joins_keep_the_left_rows_with_and_without_a_match()
    {
        Assert.Equal([[1], [3]], Rows("select a.v from a left semi join b on a.ts = b.ts order by a.ts"));
        Assert.Equal([[2]], Rows("select a.v from a left anti join b on a.ts = b.ts"));
    }

    [Fact]
    public void Asof_joins_take_the_nearest_row_the_comparison_allows()
    {
        Assert.Equal([[1, 10], [2, 10], [3, 30]], Rows("select a.v, b.x from a left asof join b on a.ts >= b.ts order by a.ts"));
        Assert.Equal([[1, 10], [2, 30], [3, 30]], Rows("select a.v, b.x from a left asof join b on a.ts <= b.ts order by a.ts"));
        Assert.Equal([[1, null], [2, 10], [3, 10]], Rows("select a.v, b.x from a left asof join b on a.ts > b.ts order by a.ts"));
    }

    [Fact]
    public void Window_joins_take_the_rows_within_the_offsets_of_each_left_row()
    {
        var rows = Rows("select a.v, b.x from a left window join b window_offset(-1s, 1s) order by a.ts, b.x");
        Assert.Equal([[1, 10], [2, 10], [2, 30], [3, 30]], rows);
        Assert.Equal([[1, 10], [2, 10], [3, 30]], Rows("select a.v, b.x from a left window join b window_offset(-1s, 1s) jlimit 1 order by a.ts"));
    }

    [Fact]
    public void A_join_without_a_timestamp_equality_is_refused()
    {
        Fails("select a.v from a join b on a.v = b.x", 9985, "primary timestamp equal condition is expected in join conditions");
        Fails("select a.v from a, b", 9985, "primary timestamp equal condition is expected in join conditions");
    }
}
