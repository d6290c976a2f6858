using Taos.Server.Engine;
using Taos.Server.Engine.Query;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Engine.Query;

/// <summary>LIKE in WHERE, and INTERVAL over a super table read merged, against the meters of the conformance script.</summary>
public class QueryLikeAndMergeTests
{
    private static List<object?[]> Rows(string sql) =>
        new QueryExecutor(QueryExecutorTests.Meters(), TimeZoneInfo.Utc).Execute((SelectStatement)SqlParser.Parse(sql), new SqlSession { Database = "cf_ms" }).Rows.ToList();

    [Fact]
    public void Where_like_matches_as_tdengine_does_ascii_case_aside()
    {
                Assert.Equal(["d1003", "d1004"], Rows("select distinct tbname from meters where location like 'california.los%' order by tbname").Select(r => (string)r[0]!));
        Assert.Equal(["d1001", "d1002"], Rows("select distinct tbname from meters where location not like '%Angeles' order by tbname").Select(r => (string)r[0]!));
        Assert.Empty(Rows("select ts from meters where location like 'California\\_%'"));
    }

    [Fact]
    public void Interval_over_a_few_child_tables_reads_them_merged_and_equals_the_same_rows_buffered()
    {
                const string template = "select _wstart, count(*), avg(current), max(voltage), first(current), last(current) {0} interval(10s)";
        var merged = Rows(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "from meters"));
        var buffered = Rows(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "from (select * from meters)"));
        Assert.Equal(3, merged.Count);
        Assert.Equal(buffered, merged);
    }
}
