using Taos.Server.Engine;
using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Operators;
using Taos.Server.Engine.Operators.Windows;
using Taos.Server.Engine.Planning;
using Taos.Server.Engine.Query;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using Taos.Server.Tests.Engine.Query;

namespace Taos.Server.Tests.Engine.Planning;

/// <summary>Which operator the planner's rules pick for a statement.</summary>
public class QueryPlannerTests
{
    internal static BoundSelect Bind(FakeCatalog catalog, string sql)
    {
        var select = (SelectStatement)SqlParser.Parse(sql);
        var session = new SqlSession { Database = "cf_ms" };
        var source = new SourceResolver(catalog, (s, ss) => new QueryExecutor(catalog, TimeZoneInfo.Utc).Execute(s, ss), TimeZoneInfo.Utc).Resolve(select.From, session);
        var compiler = new ExpressionCompiler(source.Layout, source.Precision, TimeZoneInfo.Utc, session, 0);
        return new SelectBinder(select, source, compiler, TimeZoneInfo.Utc).Bind();
    }

    private static RowOperator Root(string sql) => new QueryPlanner(TimeZoneInfo.Utc).Plan(Bind(QueryExecutorTests.Meters(), sql)).Root;

    [Theory]
    [InlineData("select ts, current from meters", typeof(ProjectOperator))]
    [InlineData("select ts, current from meters order by ts", typeof(ProjectOperator))]
    [InlineData("select ts, current from meters order by current", typeof(SortOperator))]
    [InlineData("select ts, current from meters partition by tbname", typeof(PartitionedProjectOperator))]
    [InlineData("select count(*), avg(current), max(voltage) from meters", typeof(HashAggregateOperator))]
    [InlineData("select location, count(*) from meters group by location", typeof(HashAggregateOperator))]
    [InlineData("select _wstart, count(*) from meters interval(10s)", typeof(IntervalWindowOperator))]
    [InlineData("select _wstart, count(*) from meters partition by tbname interval(10s)", typeof(IntervalWindowOperator))]
    [InlineData("select _wstart, count(*) from meters partition by location interval(10s)", typeof(BufferedWindowOperator))]
    [InlineData("select _wstart, count(*) from d1001 session(ts, 5s)", typeof(BufferedWindowOperator))]
    [InlineData("select diff(voltage) from d1001", typeof(MultiRowOperator))]
    [InlineData("select distinct location from meters", typeof(DistinctOperator))]
    [InlineData("select ts from meters limit 2", typeof(LimitOperator))]
    public void Each_statement_gets_its_operator(string sql, Type root) => Assert.IsType(root, Root(sql));

    [Theory]
    [InlineData("select tags location from meters", true)]
    [InlineData("select tags tbname, groupid from meters where groupid > 1", true)]
    [InlineData("select tags location, current from meters", false)]
    [InlineData("select tags location from meters where voltage > 1", false)]
    [InlineData("select tags count(*) from meters", false)]
    [InlineData("select location from meters", false)]
    public void Select_tags_naming_no_column_scans_the_tags(string sql, bool tagScan) =>
        Assert.Equal(tagScan, Bind(QueryExecutorTests.Meters(), sql).ScansTagsOnly);
}
