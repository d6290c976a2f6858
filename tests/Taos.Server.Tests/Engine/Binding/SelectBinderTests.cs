using Taos.Server.Engine.Binding;
using Taos.Server.Tests.Engine.Planning;
using Taos.Server.Tests.Engine.Query;

namespace Taos.Server.Tests.Engine.Binding;

/// <summary>What binding a SELECT yields, before any row is read.</summary>
public class SelectBinderTests
{
    private static BoundSelect Bind(string sql) => QueryPlannerTests.Bind(QueryExecutorTests.Meters(), sql);

    [Fact]
    public void A_scan_reads_only_the_columns_the_query_names_and_the_timestamp()
    {
        Assert.Equal([0, 1, 2], Bind("select count(*), avg(current), max(voltage) from meters interval(1m)").ScanColumns);
        Assert.Equal([0, 1], Bind("select first(current) from meters").ScanColumns);
        Assert.Equal([0, 2], Bind("select max(voltage), _rowts from meters").ScanColumns);
        Assert.Equal([0, 2], Bind("select max(voltage) from meters where ts > 0").ScanColumns);
        Assert.Equal([0, 3], Bind("select phase from meters where location = 'x'").ScanColumns);
        Assert.Equal([0, 1, 2, 3], Bind("select * from meters").ScanColumns);
        Assert.Equal([0, 2], Bind("select last(ts) from meters order by voltage").ScanColumns);
    }

    [Fact]
    public void A_plain_aggregate_that_ignores_time_does_not_read_the_timestamp()
    {
        Assert.Equal([1, 2], Bind("select count(*), avg(current), max(voltage) from meters").ScanColumns);
        Assert.Equal([2], Bind("select sum(voltage), spread(voltage) from meters group by location").ScanColumns);
        Assert.Equal([1, 2], Bind("select max(voltage), current from meters").ScanColumns);
    }

    [Fact]
    public void Where_yields_the_time_range_the_tag_filters_and_one_term_per_and()
    {
        var bound = Bind("select * from meters where ts >= 1000 and ts < 2000 and location = 'x' and voltage > 220");
        Assert.Equal(new TimeRange(1000, 1999, true, true), bound.Range);
        Assert.Single(bound.TagFilters);
        Assert.Equal(4, bound.WhereTerms.Count);
        Assert.NotNull(bound.WhereTerms[3].Comparison);
        Assert.Null(bound.WhereTerms[2].Comparison);
    }

    [Fact]
    public void Aggregates_are_collected_once_for_the_select_list_having_and_order_by()
    {
        var bound = Bind("select max(voltage), count(*) from meters group by location having count(*) > 1 order by sum(voltage)");
        Assert.Equal([AggKind.Max, AggKind.CountStar, AggKind.CountStar, AggKind.Sum], bound.Aggregates.Select(a => a.Kind));
        Assert.Equal(GroupingKind.GroupBy, bound.Grouping);
        Assert.Equal(-1, bound.SelectorAggregate);
        Assert.Equal(0, Bind("select max(voltage), ts from meters").SelectorAggregate);
    }
}
