using Taos.Server.Engine.Planning;
using Taos.Server.Tests.Engine.Query;

namespace Taos.Server.Tests.Engine.Planning;

/// <summary>Which queries the planner answers from each table's deciding rows (a seek) rather than a scan.</summary>
public class LastRowRuleTests
{
    private static IReadOnlyList<int>? NonNull(string sql) => LastRowRule.NonNullColumns(QueryPlannerTests.Bind(QueryExecutorTests.Meters(), sql));

    [Theory]
    [InlineData("select last_row(*) from meters partition by tbname", "")]
    [InlineData("select last_row(*) from meters", "")]
    [InlineData("select last_row(current), tbname from meters group by tbname", "")]
    [InlineData("select last(*) from meters", "1,2,3")]
    [InlineData("select last(voltage), last(current), last(voltage) from d1001", "2,1")]
    [InlineData("select last(ts), last_row(phase) from meters partition by location", "")]
    [InlineData("select last(current), voltage from meters", "1")]
    [InlineData("select last_row(*) from meters where location = 'x' and groupid > 1", "")]
    [InlineData("select last_row(*) from meters where groupid is null or groupid is not null", "")]
    [InlineData("select last_row(*) from meters partition by tbname order by tbname slimit 2", "")]
    [InlineData("select last_row(voltage + 1) from d1001", "")]
    [InlineData("select last_row(*) from meters where ts < '2018-10-03 14:38:16' and ts >= 0 and location = 'x'", "")]
    [InlineData("select last(current) from meters where ts >= 1538548685000.5 partition by tbname", "1")]
    public void Last_and_last_row_alone_read_the_deciding_rows(string sql, string columns) =>
        Assert.Equal(columns, string.Join(",", NonNull(sql) ?? throw new InvalidOperationException("scans: " + sql)));

    [Theory]
    [InlineData("select last_row(*), count(*) from meters")]
    [InlineData("select first(current) from meters")]
    [InlineData("select last(voltage + 1) from d1001")]
    [InlineData("select last_row(*) from meters where voltage > 1")]
    [InlineData("select last_row(*) from meters where ts <> 0")]
    [InlineData("select last_row(*) from meters where ts < 5 or location = 'x'")]
    [InlineData("select last_row(*) from meters where current is null or current is not null")]
    [InlineData("select last_row(current) from meters group by voltage")]
    [InlineData("select _wstart, last_row(current) from meters interval(10s)")]
    [InlineData("select ts, current from meters")]
    [InlineData("select last(current) from (select * from meters)")]
    public void Anything_else_scans(string sql) => Assert.Null(NonNull(sql));
}
