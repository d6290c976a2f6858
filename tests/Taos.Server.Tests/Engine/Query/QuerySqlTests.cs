using Taos.Server.Engine;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Query;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Engine.Query;

/// <summary>Executor behaviour on statements read by the real parser, over the in-memory catalog.</summary>
public class QuerySqlTests
{
    private const long T0 = 1704067200000;

    private static RowSetResult Run(FakeCatalog cat, string sql, string? db = "cf_ms") =>
        new QueryExecutor(cat, TimeZoneInfo.Utc).Execute((SelectStatement)SqlParser.Parse(sql), new SqlSession { Database = db });

    private static List<object?[]> Rows(FakeCatalog cat, string sql, string? db = "cf_ms") => Run(cat, sql, db).Rows.ToList();

    [Fact]
    public void Plain_projection_is_lazy_and_scans_only_when_read()
    {
        var cat = QueryExecutorTests.Meters();
        var result = Run(cat, "select ts, current from meters");
        Assert.Equal(0, cat.ScanCount);
        Assert.Equal(9, result.Rows.Count());
        Assert.Equal(4, cat.ScanCount);
    }

    [Theory]
    [InlineData("count(*), count(current), avg(current), sum(voltage), min(current), max(voltage), spread(voltage), stddev(current)")]
    [InlineData("max(voltage), current, location")]
    [InlineData("min(current), tbname")]
    public void Aggregates_read_without_timestamps_answer_as_with_them(string items)
    {
        var cat = QueryExecutorTests.Meters();
        var withoutTs = Rows(cat, $"select {items} from meters group by location");
        Assert.DoesNotContain(0, cat.LastScanColumns!);
        // A WHERE on ts makes the scan read the timestamps again: the same answer.
        Assert.Equal(Rows(cat, $"select {items} from meters where ts > 0 group by location"), withoutTs);
        Assert.Contains(0, cat.LastScanColumns!);
        Assert.Equal(Rows(cat, $"select {items} from meters where ts > 0"), Rows(cat, $"select {items} from meters"));
    }

    [Fact]
    public void Order_by_ts_over_a_super_table_merges_the_child_tables_lazily()
    {
        var cat = QueryExecutorTests.Meters();
        var merged = Run(cat, "select tbname, ts, voltage from meters where voltage > 0 order by ts");
        Assert.Equal(0, cat.ScanCount);
        var rows = merged.Rows.ToList();
        Assert.Equal(Rows(cat, "select tbname, ts, voltage from meters where voltage > 0 order by ts, tbname"), rows);
        Assert.Equal(8, rows.Count);
        Assert.Equal([1704067205000L, 1704067210000L], Rows(cat, "select ts from meters order by ts limit 2 offset 4").Select(r => r[0]));
    }

    [Fact]
    public void Projection_without_order_by_reads_child_tables_one_after_another_in_ts_order()
    {
        var rows = Rows(QueryExecutorTests.Meters(), "select tbname, ts from meters");
        Assert.Equal(["d1001", "d1001", "d1001", "d1001", "d1002", "d1003", "d1003", "d1004", "d1004"], rows.Select(r => r[0]));
        Assert.Equal([T0, T0 + 5000, T0 + 15000, T0 + 25000], rows.Take(4).Select(r => r[1]));
    }

    [Fact]
    public void Distinct_and_having_filter_output_rows()
    {
        var cat = QueryExecutorTests.Meters();
        Assert.Equal([[2], [3]], Rows(cat, "select distinct groupid from meters order by groupid"));
        Assert.Equal([["d1001", 4L], ["d1003", 2L], ["d1004", 2L]],
            Rows(cat, "select tbname, count(*) from meters group by tbname having count(*) > 1 order by tbname"));
    }

    [Fact]
    public void Subquery_in_from_feeds_the_outer_query()
    {
        var cat = QueryExecutorTests.Meters();
        Assert.Equal([[T0, 219], [T0 + 15000, 221]], Rows(cat, "select * from (select ts, voltage from d1001) where voltage > 218"));
        var avg = Run(cat, "select avg(v) from (select voltage as v from meters)");
        Assert.Equal(new ResultColumn("avg(v)", TaosDataType.Double, 8), avg.Columns.Single());
        Assert.Equal(1766.0 / 8, avg.Rows.Single()[0]);
    }

    [Fact]
    public void Last_star_expands_to_one_column_per_table_column()
    {
        var r = Run(QueryExecutorTests.Meters(), "select last(*) from d1001");
        Assert.Equal(["last(ts)", "last(current)", "last(voltage)", "last(phase)"], r.Columns.Select(c => c.Name));
        Assert.Equal([T0 + 25000, 9.9f, 221, 0.31f], r.Rows.Single());
    }

    [Fact]
    public void Partition_by_applies_limit_per_partition_and_slimit_picks_partitions()
    {
        var cat = QueryExecutorTests.Meters();
        Assert.Equal(4, Rows(cat, "select tbname, ts from meters partition by tbname limit 1").Count);
        Assert.Equal(2, Rows(cat, "select count(*) from meters partition by tbname slimit 2").Count);
    }

    [Fact]
    public void Sliding_windows_overlap_and_start_before_the_first_row()
    {
        var rows = Rows(QueryExecutorTests.Meters(), "select _wstart, count(*) from d1001 where ts >= 1704067200000 and ts < 1704067230000 interval(10s) sliding(5s)");
        Assert.Equal([[T0 - 5000, 1L], [T0, 2L], [T0 + 5000, 1L], [T0 + 10000, 1L], [T0 + 15000, 1L], [T0 + 20000, 1L], [T0 + 25000, 1L]], rows);
    }

    [Fact]
    public void Fill_linear_interpolates_and_next_takes_the_following_value()
    {
        var cat = QueryExecutorTests.Meters();
        const string range = "from d1001 where ts >= 1704067200000 and ts < 1704067220000 interval(5s)";
        Assert.Equal([219.0, 218.0, 219.5, 221.0], Rows(cat, "select _wstart, avg(voltage) " + range + " fill(linear)").Select(r => r[1]));
        Assert.Equal([219.0, 218.0, 221.0, 221.0], Rows(cat, "select _wstart, avg(voltage) " + range + " fill(next)").Select(r => r[1]));
    }

    [Fact]
    public void String_functions_keep_types_and_lengths()
    {
        var cat = new FakeCatalog().AddDatabase("x");
        var nt = cat.AddNormal("x", "nt", new ColumnInfo("ts", TaosDataType.Timestamp, 8), new ColumnInfo("s", TaosDataType.VarChar, 10), new ColumnInfo("n", TaosDataType.NChar, 5));
        cat.Insert(nt, T0, "Hello", "ñx");
        var r = Run(cat, "select length(s), char_length(n), upper(s), concat(s, 'x'), substr(s, 2, 2), cast(1.5 as int) from nt", "x");
        Assert.Equal(
            [new ResultColumn("length(s)", TaosDataType.BigInt, 8), new("char_length(n)", TaosDataType.BigInt, 8), new("upper(s)", TaosDataType.VarChar, 10),
             new("concat(s, 'x')", TaosDataType.VarChar, 13), new("substr(s, 2, 2)", TaosDataType.VarChar, 10), new("cast(1.5 as int)", TaosDataType.Int, 4)],
            r.Columns);
        Assert.Equal([5L, 2L, "HELLO", "Hellox", "el", 1], r.Rows.Single());
    }

    [Fact]
    public void Cast_reads_strings_like_strtol_and_timestamps_as_ticks()
    {
        var r = Run(new FakeCatalog(), "select cast('12abc' as int), cast('true' as bool), cast('1' as bool), cast('9223372036854775807' as bigint), cast('2024-01-01 00:00:00' as timestamp)", null);
        Assert.Equal([12, false, true, long.MaxValue, 1704067200000L], r.Rows.Single());
    }

    [Fact]
    public void Abs_of_the_smallest_integer_wraps_like_the_narrower_types_instead_of_throwing()
    {
        var r = Run(new FakeCatalog(), "select abs(cast('-9223372036854775808' as bigint)), abs(cast('-32768' as smallint)), abs(cast('-5' as bigint))", null);
        Assert.Equal([long.MinValue, short.MinValue, 5L], r.Rows.Single());
    }

    [Fact]
    public void Primary_timestamp_below_a_fractional_bound_keeps_the_rows_the_where_clause_accepts()
    {
        var cat = QueryExecutorTests.Meters();
        // ts < T0 + 5000.5 holds for T0 and T0 + 5000: the scan range must not stop at T0 + 4999.
        Assert.Equal([[2L]], Rows(cat, "select count(*) from d1001 where ts < 1704067205000.5"));
        Assert.Equal([[2L]], Rows(cat, "select count(*) from d1001 where 1704067205000.5 > ts"));
        Assert.Equal([[2L]], Rows(cat, "select count(*) from d1001 where ts > 1704067199999.5 and ts <= 1704067205000.5"));
        Assert.Equal([[0L]], Rows(cat, "select count(*) from d1001 where ts = 1704067205000.5"));
    }

    [Fact]
    public void Limit_with_the_largest_count_and_an_offset_still_returns_the_rows_after_the_offset()
    {
        var cat = QueryExecutorTests.Meters();
        Assert.Equal(8, Rows(cat, "select ts from meters order by current limit 9223372036854775807 offset 1").Count);
        Assert.Equal(5, Rows(cat, "select ts from meters partition by tbname limit 9223372036854775807 offset 1").Count);
    }

    [Fact]
    public void To_char_and_to_timestamp_use_format_elements()
    {
        var r = Run(new FakeCatalog(), "select to_char(1704110645123, 'yyyy-mm-dd hh24:mi:ss.ms Mon DY am'), to_timestamp('2024/01/01 12:04:05', 'yyyy/mm/dd hh24:mi:ss')", null);
        Assert.Equal(["2024-01-01 12:04:05.123 Jan MON pm", 1704110645000L], r.Rows.Single());
    }

    [Fact]
    public void Timezone_names_the_server_zone_with_its_offset()
    {
        var r = new QueryExecutor(new FakeCatalog(), TimeZoneInfo.CreateCustomTimeZone("X+0530", TimeSpan.FromMinutes(330), "X", "X"))
            .Execute((SelectStatement)SqlParser.Parse("select timezone()"), new SqlSession());
        Assert.Equal(["X+0530 (X+0530, +0530)"], r.Rows.Single());
        Assert.Equal(["UTC (UTC, +0000)"], Run(new FakeCatalog(), "select timezone()", null).Rows.Single());
    }

    [Fact]
    public void To_iso8601_appends_the_server_zone_offset()
    {
        var r = Run(new FakeCatalog(), "select to_iso8601(1704067200000)", null);
        Assert.Equal("2024-01-01T00:00:00.000+0000", r.Rows.Single()[0]);
    }

    [Fact]
    public void Float_columns_compare_with_decimal_constants_rounded_to_float()
    {
        var cat = QueryExecutorTests.Meters();
        Assert.Equal([[T0]], Rows(cat, "select ts from d1001 where current = 10.3"));
        Assert.Equal(2, Rows(cat, "select ts from d1001 where phase in (0.31)").Count);
        Assert.Equal(2, Rows(cat, "select ts from d1001 where current > 10.3 and current <= 12.6").Count);
    }

    [Fact]
    public void Invalid_match_pattern_matches_nothing_and_does_not_crash()
    {
        // TDengine 3.3.0.1 answers an invalid regular expression with no rows, not an error (rest-breadth fn#85).
        Assert.Empty(Rows(QueryExecutorTests.Meters(), "select * from meters where location match '(('"));
    }

    [Fact]
    public void Json_tag_values_compare_as_their_scalar()
    {
        var cat = new FakeCatalog().AddDatabase("x");
        var jt = cat.AddSuper("x", "jt", [new("ts", TaosDataType.Timestamp, 8), new("v", TaosDataType.Int, 4)], [new("info", TaosDataType.Json, 4095)]);
        var a = cat.AddChild(jt, "a", "{\"k\":\"v1\",\"n\":3}");
        var b = cat.AddChild(jt, "b", "{\"k\":\"v2\"}");
        cat.Insert(a, T0, 1);
        cat.Insert(b, T0, 2);
        Assert.Equal([[1]], Rows(cat, "select v from jt where info->'k' = 'v1'", "x"));
        Assert.Equal([[1]], Rows(cat, "select v from jt where info->'n' > 2", "x"));
        Assert.Equal([[1]], Rows(cat, "select v from jt where info contains 'n'", "x"));
        Assert.Equal([["\"v2\""]], Rows(cat, "select info->'k' from jt where v = 2", "x"));
    }

    [Fact]
    public void Order_by_alias_position_and_nulls_placement()
    {
        var cat = QueryExecutorTests.Meters();
        Assert.Equal([null, 223, 223], Rows(cat, "select voltage as x from meters order by x desc nulls first limit 3").Select(r => r[0]));
        Assert.Equal([218, 219, 220], Rows(cat, "select ts, voltage from meters order by 2 limit 3 offset 1").Select(r => r[1]));
        Assert.Null(Rows(cat, "select voltage from meters order by voltage limit 1").Single()[0]);
        Assert.Null(Rows(cat, "select voltage from meters order by voltage desc").Last()[0]);
    }
}

public class QueryEventWindowTests
{
    private const long T0 = 1704067200000;

    private static List<object?[]> Rows(string sql) =>
        new QueryExecutor(QueryExecutorTests.Meters(), TimeZoneInfo.Utc)
            .Execute((SelectStatement)SqlParser.Parse(sql), new SqlSession { Database = "cf_ms" }).Rows.ToList();

    [Fact]
    public void Session_window_splits_where_rows_are_further_apart_than_the_gap()
    {
        // d1001 rows at 0s, 5s, 15s, 25s.
        Assert.Equal([[T0, T0 + 5000, 2L], [T0 + 15000, T0 + 15000, 1L], [T0 + 25000, T0 + 25000, 1L]],
            Rows("select _wstart, _wend, count(*) from d1001 session(ts, 5s)"));
    }

    [Fact]
    public void State_window_splits_where_the_value_changes_and_skips_nulls()
    {
        // voltage 219, 218, 221, null.
        Assert.Equal([[T0, 1L], [T0 + 5000, 1L], [T0 + 15000, 1L]], Rows("select _wstart, count(*) from d1001 state_window(voltage)"));
    }

    [Fact]
    public void Event_and_count_windows()
    {
        Assert.Equal([[T0 + 5000, 2L]], Rows("select _wstart, count(*) from d1001 event_window start with voltage < 219 end with voltage > 220"));
        Assert.Equal([[T0, 3L], [T0 + 25000, 1L]], Rows("select _wstart, count(*) from d1001 count_window(3)"));
    }
}

public class QueryMultiRowTests
{
    private const long T0 = 1704067200000;

    private static RowSetResult Run(string sql) =>
        new QueryExecutor(QueryExecutorTests.Meters(), TimeZoneInfo.Utc).Execute((SelectStatement)SqlParser.Parse(sql), new SqlSession { Database = "cf_ms" });

    [Fact]
    public void Diff_and_csum_follow_ts_order_and_skip_nulls()
    {
        // d1001 voltage: 219, 218, 221, null. DIFF answers a NULL row for a NULL after the first value, as TDengine
        // 3.3.0.1 does (rest-breadth fn#25); CSUM skips it.
        var diff = Run("select ts, diff(voltage) from d1001");
        Assert.Equal(new ResultColumn("diff(voltage)", TaosDataType.BigInt, 8), diff.Columns[1]);
        Assert.Equal([[T0 + 5000, -1L], [T0 + 15000, 3L], [T0 + 25000, null]], diff.Rows.ToList());
        Assert.Equal([219L, 437L, 658L], Run("select csum(voltage) from d1001").Rows.Select(r => r[0]));
        Assert.Equal([[T0 + 15000, 3L]], Run("select ts, diff(voltage, 1) from d1001").Rows.ToList());
    }

    [Fact]
    public void Top_and_bottom_pick_values_and_keep_their_rows_in_ts_order()
    {
        var top = Run("select ts, top(voltage, 2), tbname from meters");
        Assert.Equal(new ResultColumn("top(voltage, 2)", TaosDataType.Int, 4), top.Columns[1]);
        Assert.Equal(2, top.Rows.Count());
        Assert.All(top.Rows, r => Assert.Equal(223, r[1]));
        Assert.Equal([[218, "d1001"]], Run("select bottom(voltage, 1), tbname from meters").Rows.ToList());
    }

    [Fact]
    public void Tail_unique_and_mavg()
    {
        Assert.Equal([12.3f, 9.9f], Run("select tail(current, 2) from d1001").Rows.Select(r => r[0]));
        Assert.Equal([2, 3], Run("select unique(groupid) from meters").Rows.Select(r => r[0]));
        Assert.Equal([218.5, 219.5], Run("select mavg(voltage, 2) from d1001").Rows.Select(r => r[0]));
    }

    [Fact]
    public void Multi_row_function_with_aggregate_is_rejected()
    {
        var ex = Assert.Throws<TaosServerException>(() => Run("select diff(voltage), count(*) from d1001"));
        Assert.Equal(9740, ex.Code);
    }
}

public class QueryMoreAggregateTests
{
    [Fact]
    public void Avg_of_bigint_does_not_overflow()
    {
        var cat = new FakeCatalog().AddDatabase("x");
        var t = cat.AddNormal("x", "t", new("ts", TaosDataType.Timestamp, 8), new("b", TaosDataType.BigInt, 8));
        cat.Insert(t, 1L, long.MaxValue);
        cat.Insert(t, 2L, long.MaxValue);
        cat.Insert(t, 3L, -3L);
        var r = new QueryExecutor(cat, TimeZoneInfo.Utc).Execute((SelectStatement)SqlParser.Parse("select avg(b) from t"), new SqlSession { Database = "x" });
        Assert.Equal((double)(2 * (Int128)long.MaxValue - 3) / 3, r.Rows.Single()[0]);
    }

    [Fact]
    public void Group_by_with_a_single_selector_takes_plain_columns_from_the_selected_row()
    {
        var rows = new QueryExecutor(QueryExecutorTests.Meters(), TimeZoneInfo.Utc).Execute(
            (SelectStatement)SqlParser.Parse("select groupid, max(voltage), ts, tbname from meters group by groupid order by groupid"),
            new SqlSession { Database = "cf_ms" }).Rows.ToList();
        Assert.Equal([[2, 223, 1704067210000L, "d1003"], [3, 223, 1704067200000L, "d1004"]], rows);
    }

    [Fact]
    public void Mode_irate_twa_and_leastsquares()
    {
        // d1001 voltage: 219 at 0s, 218 at 5s, 221 at 15s, null at 25s.
        var r = new QueryExecutor(QueryExecutorTests.Meters(), TimeZoneInfo.Utc).Execute(
            (SelectStatement)SqlParser.Parse("select mode(voltage), irate(voltage), twa(voltage), leastsquares(voltage, 1, 1) from d1001"),
            new SqlSession { Database = "cf_ms" });
        Assert.Equal([TaosDataType.Int, TaosDataType.Double, TaosDataType.Double, TaosDataType.VarChar], r.Columns.Select(c => c.Type));
        var row = r.Rows.Single();
        Assert.Equal(219, row[0]);
        Assert.Equal(0.3, (double)row[1]!, 12);
        Assert.Equal(3287.5 / 15, (double)row[2]!, 12);
        Assert.Equal("{slop:1.000000, intercept:217.333333}", row[3]);
    }
}

public class QueryWindowPathTests
{
    private static List<object?[]> Rows(string sql) =>
        new QueryExecutor(QueryExecutorTests.Meters(), TimeZoneInfo.Utc)
            .Execute((SelectStatement)SqlParser.Parse(sql), new SqlSession { Database = "cf_ms" }).Rows.ToList();

    [Theory]
    [InlineData("select _wstart, _wend, count(*), avg(voltage), first(current), last_row(phase) {0} interval(5s)")]
    [InlineData("select _wstart, count(*), max(voltage) {0} interval(10s) sliding(5s)")]
    [InlineData("select _wstart, count(*), avg(current) {0} where ts >= 1704067200000 and ts < 1704067230000 interval(5s) fill(linear)")]
    [InlineData("select _wstart, max(voltage) {0} where ts >= 1704067195000 and ts <= 1704067230000 interval(5s) fill(prev)")]
    [InlineData("select _wstart, max(voltage), ts {0} where ts >= 1704067200000 and ts < 1704067230000 interval(10s) fill(null)")]
    public void Windows_aggregated_while_scanning_equal_windows_over_buffered_rows(string template)
    {
        // A single table is aggregated while it is scanned; the same rows through a subquery take the buffered path.
        var streamed = Rows(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "from d1001"));
        var buffered = Rows(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "from (select * from d1001)"));
        Assert.NotEmpty(streamed);
        Assert.Equal(buffered, streamed);
    }
}
