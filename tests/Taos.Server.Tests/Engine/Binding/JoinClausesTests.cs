namespace Taos.Server.Tests.Engine.Binding;

/// <summary>A join's type words, WINDOW_OFFSET and JLIMIT: TDengine 3.3's refusals (512) and JLIMIT 0's empty result.</summary>
public class JoinClausesTests : EngineTestBase
{
    private const long T0 = 1704067200000;

    public JoinClausesTests()
    {
        Exec("create table a (ts timestamp, v int)");
        Exec("create table b (ts timestamp, x int)");
        Exec($"insert into a values ({T0}, 1) ({T0 + 1000}, 2)");
        Exec($"insert into b values ({T0}, 10)");
    }

    [Theory]
    [InlineData("select a.v from a inner semi join b on a.ts = b.ts", "not supported join type")]
    [InlineData("select a.v from a semi join b on a.ts = b.ts", "not supported join type")]
    [InlineData("select a.v from a full asof join b on a.ts = b.ts", "not supported join type")]
    [InlineData("select a.v from a left join b on a.ts = b.ts window_offset(-1s, 1s)", "WINDOW_OFFSET only supported for WINDOW join")]
    [InlineData("select a.v from a left window join b", "WINDOW_OFFSET required for WINDOW join")]
    [InlineData("select a.v from a join b on a.ts = b.ts jlimit 2", "JLIMIT not supported for INNER join")]
    [InlineData("select a.v from a left join b on a.ts = b.ts jlimit 2", "JLIMIT not supported for LEFT OUTER join")]
    [InlineData("select a.v from a left semi join b on a.ts = b.ts jlimit 2", "JLIMIT not supported for LEFT SEMI join")]
    [InlineData("select a.v from a left asof join b on a.ts >= b.ts jlimit 1025", "JLIMIT value is out of valid range [0, 1024]")]
    public void Misused_join_clauses_are_invalid_operations(string sql, string message) => Fails(sql, 512, message);

    [Fact]
    public void Jlimit_0_answers_no_rows()
    {
        Assert.Empty(Rows("select a.v, b.x from a left asof join b on a.ts >= b.ts jlimit 0"));
        Assert.Equal(2, Rows("select a.v, b.x from a left asof join b on a.ts >= b.ts jlimit 1").Count);
    }

    [Theory]
    [InlineData("select count(b.x) from a left window join b window_offset(-1s, 1s) partition by a.v")]
    [InlineData("select count(b.x) from a left window join b window_offset(-1s, 1s) group by a.v")]
    [InlineData("select _wstart, count(b.x) from a left window join b window_offset(-1s, 1s) interval(1s)")]
    public void A_window_join_takes_no_window_group_by_or_partition_by(string sql) =>
        Fails(sql, 9828, "No WINDOW/GROUP BY/PARTITION BY allowed in WINDOW join");
}
