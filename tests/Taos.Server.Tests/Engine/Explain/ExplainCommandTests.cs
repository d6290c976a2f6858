using System.Text.RegularExpressions;
using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Explain;

public partial class ExplainCommandTests : EngineTestBase
{
    public ExplainCommandTests()
        : base(edition: TaosServerEdition.Enterprise)
    {
        Meters();
        Exec("insert into d1 using meters tags (1, 'sf') values (1704067200000, 10.5, 220, 0.5) (1704067201000, 11.5, 221, 0.6)");
        Exec("insert into d2 using meters tags (2, 'la') values (1704067200000, 20.5, 230, 0.7)");
    }

    private List<string> Plan(string sql)
    {
        var result = Assert.IsType<RowSetResult>(Exec(sql));
        Assert.Equal([("QUERY_PLAN", TaosDataType.VarChar, 16382)], result.Columns.Select(c => (c.Name, c.Type, c.Length)));
        return result.Rows.Select(r => (string)r[0]!).ToList();
    }

    [Fact]
    public void A_projection_over_a_scan_names_tdengines_operators_with_columns_width_and_order()
    {
        Assert.Equal(
            [
                "-> Projection (columns=6 width=50 input_order=asc )",
                "   -> Table Scan on meters (columns=4 width=20 order=[asc|1 desc|0] mode=ts_order data_load=data)",
            ],
            Plan("explain select * from meters"));
        Assert.Equal(
            [
                "-> Projection (columns=2 width=12 input_order=asc )",
                "   -> Table Scan on d1 (columns=3 width=16 order=[asc|1 desc|0] mode=ts_order data_load=data)",
            ],
            Plan("explain select ts, `current` from d1 where voltage > 1 limit 1"));
    }

    [Fact]
    public void Aggregates_windows_sorts_and_system_tables()
    {
        Assert.Equal(
            [
                "-> Aggragate (functions=2 width=16 input_order=asc )",
                "   -> Table Scan on meters (columns=1 width=4 order=[asc|1 desc|0] mode=ts_order data_load=data)",
            ],
            Plan("explain select count(*), avg(voltage) from meters"));
        Assert.Equal(
            [
                "-> Sort input_order=unknown output_order=unknown  (columns=2 width=34)",
                "   -> GroupAggragate (functions=1 width=34 groups=1 input_order=asc )",
                "      -> Table Scan on meters (columns=0 width=0 order=[asc|1 desc|0] mode=ts_order data_load=data)",
            ],
            Plan("explain select location, count(*) from meters group by location order by location"));
        Assert.Equal(
            [
                "-> Interval on Column ts (functions=1 width=12 input_order=asc output_order=asc )",
                "   -> Table Scan on d1 (columns=2 width=12 order=[asc|1 desc|0] mode=ts_order data_load=data)",
            ],
            Plan("explain select _wstart, max(`current`) from d1 interval(1s)"));
        Assert.Equal(
            [
                "-> Projection (columns=1 width=66 input_order=unknown )",
                "   -> System Table Scan on ins_databases (columns=34 width=323 )",
            ],
            Plan("explain select name from information_schema.ins_databases"));
        Assert.Equal(
            [
                "-> StateWindow on Column voltage (functions=1 width=8)",
                "   -> Table Scan on d1 (columns=2 width=12 order=[asc|1 desc|0] mode=ts_order data_load=data)",
            ],
            Plan("explain select count(*) from d1 state_window(voltage)"));
        Assert.Equal(
            [
                "-> Indefinite Rows Function (functions=1 width=8)",
                "   -> Table Scan on d1 (columns=2 width=12 order=[asc|1 desc|0] mode=ts_order data_load=data)",
            ],
            Plan("explain select diff(voltage) from d1"));
        Assert.Equal(
            [
                "-> Aggragate (functions=4 width=20 input_order=asc )",
                "   -> Last Row Scan on meters (columns=4 width=20)",
            ],
            Plan("explain select last_row(*) from meters"));
        Assert.Equal("-> GroupAggragate (width=26 groups=1 input_order=unknown )", Plan("explain select distinct location from meters")[0]);
    }

    [Fact]
    public void Fill_partition_and_the_other_windows_are_tdengines_lines()
    {
        Assert.Equal(
            [
                "-> Fill (mode=prev width=16 input_order=asc )",
                "   -> Interval on Column ts (functions=1 width=16 input_order=asc output_order=asc )",
                "      -> Table Scan on d1 (columns=2 width=12 order=[asc|1 desc|0] mode=ts_order data_load=data)",
            ],
            Plan("explain select _wstart, avg(voltage) from d1 where ts >= 1704067200000 and ts < 1704067205000 interval(1s) fill(prev)"));
        Assert.Equal(
            [
                "-> Projection (columns=2 width=12 input_order=asc )",
                "   -> Partition on Column location (width=12)",
                "      -> Table Scan on meters (columns=2 width=12 order=[asc|1 desc|0] mode=ts_order data_load=data)",
            ],
            Plan("explain select ts, voltage from meters partition by location"));
        Assert.Equal("   -> Partition on Column location (width=8)", Plan("explain select location, count(*) from meters partition by location interval(1s)")[1]);
        Assert.Equal("-> Session (functions=1 width=8)", Plan("explain select count(*) from d1 session(ts, 1s)")[0]);
        Assert.Equal("-> Event (functions=1 width=8)", Plan("explain select count(*) from d1 event_window start with voltage > 1 end with voltage > 2")[0]);
        Assert.Equal("-> Count (functions=1 width=8)", Plan("explain select count(*) from d1 count_window(2)")[0]);
    }

    [Fact]
    public void Verbose_adds_the_output_lines_under_each_operator()
    {
        Assert.Equal(
            [
                "-> Aggragate (functions=1 width=8 input_order=asc )",
                "      Output: columns=1 width=8 blocking=1",
                "      Merge ResBlocks: True",
                "   -> Table Scan on d1 (columns=1 width=8 order=[asc|1 desc|0] mode=ts_order data_load=data)",
                "         Output: columns=1 width=8",
                "         Time Range: [1704067200000, 9223372036854775807]",
            ],
            Plan("explain verbose true select count(*) from d1 where ts >= 1704067200000"));
        Assert.Equal(2, Plan("explain verbose false select count(*) from d1").Count);
    }

    [Fact]
    public void Analyze_runs_the_plan_and_adds_costs_rows_and_the_times()
    {
        var rows = Plan("explain analyze select ts, voltage from meters where voltage > 220");
        Assert.Equal(6, rows.Count);
        Assert.Matches(CostPattern("-> Projection", 2, "columns=2 width=12 input_order=asc )"), rows[0]);
        Assert.Matches(CostPattern("   -> Table Scan on meters", 3, "columns=2 width=12 order=[asc|1 desc|0] mode=ts_order data_load=data)"), rows[1]);
        Assert.Matches(@"^         I/O: total_blocks=\d+\.0 load_blocks=\d+\.0 load_block_SMAs=0\.0 total_rows=3\.0 check_rows=3\.0 $", rows[2]);
        Assert.Matches(@"^          max_row_task=0, total_rows:3, ep:tbd \(cost=\d+\.\d{3}\.\.\d+\.\d{3}\) $", rows[3]);
        Assert.Matches(@"^Planning Time: \d+\.\d{3} ms$", rows[4]);
        Assert.Matches(@"^Execution Time: \d+\.\d{3} ms$", rows[5]);
        Assert.Matches(@"^      Sort Key: voltage $", Plan("explain analyze select ts, voltage from d1 order by voltage")[1]);
    }

    [Fact]
    public void Views_subqueries_joins_and_unions_show_the_plans_they_read()
    {
        Exec("create view v1 as select ts, voltage from d1");
        Assert.Equal(
            [
                "-> Aggragate (functions=1 width=4 input_order=unknown )",
                "   -> Projection (columns=2 width=12 input_order=asc )",
                "      -> Table Scan on d1 (columns=2 width=12 order=[asc|1 desc|0] mode=ts_order data_load=data)",
            ],
            Plan("explain select max(voltage) from v1"));
        var join = Plan("explain select a.ts from d1 a join d2 b on a.ts = b.ts");
        Assert.Equal("   -> Inner Join (columns=14 width=644 input_order=asc )", join[1]);
        Assert.Equal(2, join.Count(l => l.Contains("-> Table Scan on", StringComparison.Ordinal)));
        var union = Plan("explain select ts from d1 union all select ts from v1");
        Assert.Equal("-> Merge (columns=1 width=8 input_order=unknown output_order=unknown mode=merge)", union[0]);
        Assert.Equal(2, union.Count(l => l.Contains("-> Table Scan on d1", StringComparison.Ordinal)));
        Assert.Equal("-> Projection (columns=2 width=12 input_order=asc )", Plan("explain insert into d1 (ts, voltage) select ts, voltage from d2")[0]);
    }

    [Fact]
    public void Explain_fails_like_the_query_would()
    {
        Fails("explain select * from nosuch", 9826, "Fail to get table info, error: Table does not exist");
        Fails("explain select nosuch from d1", 9730, "Invalid column name: nosuch");
        Fails("explain show tables", 9728, "syntax error near \"show tables\"");
    }

    private static Regex CostPattern(string head, long rows, string tail) =>
        new("^" + Regex.Escape(head) + @" \(cost=\d+\.\d{3}\.\.\d+\.\d{3} rows=" + rows + " " + Regex.Escape(tail) + "$");
}
