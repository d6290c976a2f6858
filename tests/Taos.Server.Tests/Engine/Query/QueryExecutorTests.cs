using Taos.Server.Engine;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Query;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Engine.Query.Ast;

namespace Taos.Server.Tests.Engine.Query;

public class QueryExecutorTests
{
    private const long T0 = 1704067200000;

    private static readonly ColumnInfo[] MeterColumns =
    [
        new("ts", TaosDataType.Timestamp, 8), new("current", TaosDataType.Float, 4),
        new("voltage", TaosDataType.Int, 4), new("phase", TaosDataType.Float, 4),
    ];

    /// <summary>The state of conformance script "ms" after step 8.</summary>
    internal static FakeCatalog Meters()
    {
        var cat = new FakeCatalog().AddDatabase("cf_ms");
        var meters = cat.AddSuper("cf_ms", "meters", MeterColumns,
            [new("groupid", TaosDataType.Int, 4), new("location", TaosDataType.VarChar, 24)]);
        var d1001 = cat.AddChild(meters, "d1001", 2, "California.SanFrancisco");
        var d1002 = cat.AddChild(meters, "d1002", 3, "California.SanFrancisco");
        var d1003 = cat.AddChild(meters, "d1003", 2, "California.LosAngeles");
        var d1004 = cat.AddChild(meters, "d1004", 3, "California.LosAngeles");
        cat.Insert(d1001, T0, 10.3f, 219, 0.31f);
        cat.Insert(d1001, T0 + 5000, 12.6f, 218, 0.33f);
        cat.Insert(d1001, T0 + 15000, 12.3f, 221, 0.31f);
        cat.Insert(d1002, T0, 10.2f, 220, 0.23f);
        cat.Insert(d1003, T0, 11.8f, 221, 0.28f);
        cat.Insert(d1003, T0 + 10000, 13.4f, 223, 0.29f);
        cat.Insert(d1004, T0, 10.8f, 223, 0.29f);
        cat.Insert(d1004, T0 + 15000, 11.5f, 221, 0.35f);
        cat.Insert(d1001, T0 + 25000, 9.9f, null, null);
        return cat;
    }

    private static RowSetResult Run(FakeCatalog cat, SelectStatement s, string? db = "cf_ms") =>
        new QueryExecutor(cat, TimeZoneInfo.Utc).Execute(s, new SqlSession { Database = db });

    private static List<object?[]> Rows(RowSetResult r) => r.Rows.ToList();

    private static void Fails(int code, string message, Action action)
    {
        var ex = Assert.Throws<TaosServerException>(action);
        Assert.Equal(code, ex.Code);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Select_without_from_types_literals_like_tdengine()
    {
        var r = Run(new FakeCatalog(), Select(Item(Int(1)), Item(Str("abc")), Item(Str("")), Item(Null()),
            Item(Bin(BinaryOp.Divide, Dbl(1.0, "1.0"), Int(0))),
            Item(new UnaryExpr(UnaryOp.Negate, Int(2)) { Text = "-(2)" })), db: null);
        Assert.Equal(
            [new ResultColumn("1", TaosDataType.BigInt, 8), new("'abc'", TaosDataType.VarChar, 3), new("''", TaosDataType.VarChar, 0),
             new("null", TaosDataType.VarChar, 0), new("1.0 / 0", TaosDataType.Double, 8), new("-(2)", TaosDataType.BigInt, 8)],
            r.Columns);
        Assert.Equal([1L, "abc", "", null, null, -2L], Rows(r).Single());
        Assert.Equal(TaosPrecision.Milliseconds, r.Precision);
    }

    [Fact]
    public void System_functions_report_version_status_and_database()
    {
        var cat = new FakeCatalog().AddDatabase("cx_misc");
        var r = Run(cat, Select(Item(Fn("server_version")), Item(Fn("server_status")), Item(Fn("database"))), db: "cx_misc");
        Assert.Equal(new ResultColumn("server_status()", TaosDataType.Int, 4), r.Columns[1]);
        Assert.Equal(new ResultColumn("database()", TaosDataType.VarChar, 7), r.Columns[2]);
        Assert.Equal(["3.3.0.1", 1, "cx_misc"], Rows(r).Single());
        var none = Run(cat, Select(Item(Fn("database"))), db: null);
        Assert.Equal(new ResultColumn("database()", TaosDataType.VarChar, 63), none.Columns[0]);
        Assert.Null(Rows(none).Single()[0]);
    }

    [Fact]
    public void Star_on_super_table_gives_columns_then_tags_ordered_by_ts_then_tbname()
    {
        var r = Run(Meters(), Select(Star()).From("meters").OrderBy((Col("ts"), false), (Col("tbname"), false)));
        Assert.Equal(["ts", "current", "voltage", "phase", "groupid", "location"], r.Columns.Select(c => c.Name));
        var rows = Rows(r);
        Assert.Equal(9, rows.Count);
        Assert.Equal([T0, 10.3f, 219, 0.31f, 2, "California.SanFrancisco"], rows[0]);
        Assert.Equal([T0, 10.2f, 220, 0.23f, 3, "California.SanFrancisco"], rows[1]);
        Assert.Equal([T0 + 25000, 9.9f, null, null, 2, "California.SanFrancisco"], rows[8]);
    }

    [Fact]
    public void Star_on_child_table_gives_columns_only_and_tbname_is_varchar_270()
    {
        var r = Run(Meters(), Select(Item(Col("tbname")), Star(), Item(Col("groupid"))).From("d1003"));
        Assert.Equal(new ResultColumn("tbname", TaosDataType.VarChar, 270), r.Columns[0]);
        Assert.Equal(6, r.Columns.Count);
        Assert.Equal(["d1003", T0 + 10000, 13.4f, 223, 0.29f, 2], Rows(r)[1]);
    }

    [Fact]
    public void Aggregates_over_super_table_match_recorded_digits()
    {
        var r = Run(Meters(), Select(Item(CountStar()), Item(Fn("avg", Col("current"))), Item(Fn("sum", Col("voltage"))),
            Item(Fn("min", Col("current"))), Item(Fn("max", Col("voltage"))), Item(Fn("spread", Col("voltage")))).From("meters"));
        Assert.Equal(
            [new ResultColumn("count(*)", TaosDataType.BigInt, 8), new("avg(current)", TaosDataType.Double, 8), new("sum(voltage)", TaosDataType.BigInt, 8),
             new("min(current)", TaosDataType.Float, 4), new("max(voltage)", TaosDataType.Int, 4), new("spread(voltage)", TaosDataType.Double, 8)],
            r.Columns);
        Assert.Equal([9L, 11.422222243414986, 1766L, 9.9f, 223, 5.0], Rows(r).Single());
    }

    [Fact]
    public void First_last_skip_nulls_but_last_row_does_not()
    {
        var r = Run(Meters(), Select(Item(Fn("first", Col("current"))), Item(Fn("last", Col("current"))), Item(Fn("last_row", Col("voltage")))).From("d1001"));
        Assert.Equal([10.3f, 9.9f, null], Rows(r).Single());
    }

    [Fact]
    public void Arithmetic_is_double_with_float_widened_and_null_propagating()
    {
        var c2 = Bin(BinaryOp.Add, Bin(BinaryOp.Multiply, Col("current"), Int(2)), Int(1));
        var r = Run(Meters(), Select(Item(c2, "c2"), Item(Bin(BinaryOp.Divide, Col("voltage"), Int(2)))).From("d1001").OrderBy((Col("ts"), false)));
        Assert.Equal([new ResultColumn("c2", TaosDataType.Double, 8), new("voltage / 2", TaosDataType.Double, 8)], r.Columns);
        var rows = Rows(r);
        Assert.Equal([21.600000381469727, 109.5], rows[0]);
        Assert.Equal([20.799999237060547, null], rows[3]);
    }

    [Fact]
    public void Where_on_timestamp_string_and_integer_pushes_the_range_into_the_scan()
    {
        var cat = Meters();
        var where = Bin(BinaryOp.And, Bin(BinaryOp.GreaterOrEqual, Col("ts"), Str("2024-01-01 00:00:05.000")), Bin(BinaryOp.Less, Col("ts"), Int(T0 + 15000)));
        var r = Run(cat, Select(Item(Col("ts")), Item(Col("current"))).From("meters").Where(where).OrderBy((Col("ts"), false), (Col("current"), false)));
        Assert.Equal([[T0 + 5000, 12.6f], [T0 + 10000, 13.4f]], Rows(r));
        Assert.Equal((T0 + 5000, T0 + 14999), cat.LastScanRange);
    }

    [Fact]
    public void Where_on_tag_skips_child_tables_without_scanning_them()
    {
        var cat = Meters();
        var r = Run(cat, Select(Item(CountStar())).From("meters").Where(Bin(BinaryOp.Equal, Col("groupid"), Int(3))));
        Assert.Equal(3L, Rows(r).Single()[0]);
        Assert.Equal(2, cat.ScanCount);
    }

    [Fact]
    public void Like_in_between_is_null_filter_rows()
    {
        var cat = Meters();
        var like = Run(cat, Select(Item(CountStar())).From("meters").Where(Bin(BinaryOp.Like, Col("location"), Str("California.Los%"))));
        Assert.Equal(4L, Rows(like).Single()[0]);
        var inList = Run(cat, Select(Item(CountStar())).From("meters").Where(new InExpr(Col("voltage"), [Int(219), Int(223)], false) { Text = "x" }));
        Assert.Equal(3L, Rows(inList).Single()[0]);
        var between = Run(cat, Select(Item(CountStar())).From("meters").Where(new BetweenExpr(Col("current"), Int(11), Dbl(12.5, "12.5"), false) { Text = "x" }));
        Assert.Equal(3L, Rows(between).Single()[0]);
        var isNull = Run(cat, Select(Item(Col("ts"))).From("d1001").Where(new IsNullExpr(Col("voltage"), false) { Text = "x" }));
        Assert.Equal([[T0 + 25000]], Rows(isNull));
    }

    [Fact]
    public void Group_and_partition_by_give_one_row_per_key()
    {
        var cat = Meters();
        var g = Run(cat, Select(Item(Col("groupid")), Item(CountStar())).From("meters").GroupBy(Col("groupid")).OrderBy((Col("groupid"), false)));
        Assert.Equal([[2, 6L], [3, 3L]], Rows(g));
        var avg = Run(cat, Select(Item(Col("location")), Item(Fn("avg", Col("voltage")))).From("meters").GroupBy(Col("location")).OrderBy((Col("location"), false)));
        Assert.Equal([["California.LosAngeles", 222.0], ["California.SanFrancisco", 219.5]], Rows(avg));
        var p = Run(cat, Select(Item(Col("tbname")), Item(CountStar()), Item(Fn("max", Col("current")))).From("meters").PartitionBy(Col("tbname")).OrderBy((Col("tbname"), false)));
        Assert.Equal([["d1001", 4L, 12.6f], ["d1002", 1L, 10.2f], ["d1003", 2L, 13.4f], ["d1004", 2L, 11.5f]], Rows(p));
    }

    [Fact]
    public void Empty_input_gives_one_row_of_nulls_except_last_row_alone()
    {
        var cat = new FakeCatalog().AddDatabase("cx");
        cat.AddNormal("cx", "nt", new ColumnInfo("ts", TaosDataType.Timestamp, 8), new ColumnInfo("v", TaosDataType.Int, 4));
        var r = Run(cat, Select(Item(CountStar()), Item(Fn("avg", Col("v"))), Item(Fn("sum", Col("v"))), Item(Fn("first", Col("v")))).From("nt"), "cx");
        Assert.Equal([0L, null, null, null], Rows(r).Single());
        var lastRow = Run(cat, Select(Item(Fn("last_row", Col("v")))).From("nt"), "cx");
        Assert.Empty(Rows(lastRow));
    }

    [Fact]
    public void Group_by_tag_keeps_child_groups_when_the_filter_matches_nothing()
    {
        var r = Run(Meters(), Select(Item(Col("groupid")), Item(CountStar())).From("meters").Where(Bin(BinaryOp.Greater, Col("voltage"), Int(1000)))
            .GroupBy(Col("groupid")).OrderBy((Col("groupid"), false)));
        Assert.Equal([[2, 0L], [3, 0L]], Rows(r));
    }

    private static Expr Range(long from, long to) =>
        Bin(BinaryOp.And, Bin(BinaryOp.GreaterOrEqual, Col("ts"), Int(from)), Bin(BinaryOp.Less, Col("ts"), Int(to)));

    private static Expr Wstart() => Col("_wstart");

    [Fact]
    public void Interval_over_super_table_is_one_merged_timeline()
    {
        var r = Run(Meters(), Select(Item(Wstart()), Item(Col("_wend")), Item(CountStar()), Item(Fn("avg", Col("current"))))
            .From("meters").Where(Range(T0, T0 + 30000)).Interval(new Duration(10, 's', "10s")));
        Assert.Equal(
            [[T0, T0 + 10000, 5L, 11.140000152587891], [T0 + 10000, T0 + 20000, 3L, 12.399999936421713], [T0 + 20000, T0 + 30000, 1L, 9.899999618530273]],
            Rows(r));
    }

    [Fact]
    public void Fill_null_prev_and_value_follow_the_recorded_table()
    {
        var cat = Meters();
        var len = new Duration(5, 's', "5s");
        var nul = Run(cat, Select(Item(Wstart()), Item(CountStar()), Item(Fn("max", Col("voltage")))).From("d1001").Where(Range(T0, T0 + 30000)).Interval(len, FillMode.Null));
        Assert.Equal([[T0, 1L, 219], [T0 + 5000, 1L, 218], [T0 + 10000, null, null], [T0 + 15000, 1L, 221], [T0 + 20000, null, null], [T0 + 25000, 1L, null]], Rows(nul));
        var prev = Run(cat, Select(Item(Wstart()), Item(Fn("max", Col("voltage")))).From("d1001").Where(Range(T0, T0 + 30000)).Interval(len, FillMode.Prev));
        Assert.Equal([219, 218, 218, 221, 221, 221], Rows(prev).Select(x => x[1]));
        var value = Run(cat, Select(Item(Wstart()), Item(Fn("max", Col("voltage")))).From("d1001").Where(Range(T0, T0 + 30000))
            .Interval(len, FillMode.Value, new UnaryExpr(UnaryOp.Negate, Int(1)) { Text = "-1" }));
        Assert.Equal([219, 218, -1, 221, -1, -1], Rows(value).Select(x => x[1]));
    }

    [Fact]
    public void Partitioned_interval_emits_only_windows_with_rows()
    {
        var r = Run(Meters(), Select(Item(Col("tbname")), Item(Wstart()), Item(CountStar())).From("meters").Where(Range(T0, T0 + 20000))
            .PartitionBy(Col("tbname")).Interval(new Duration(10, 's', "10s")).OrderBy((Col("tbname"), false), (Wstart(), false)));
        Assert.Equal(
            [["d1001", T0, 2L], ["d1001", T0 + 10000, 1L], ["d1002", T0, 1L], ["d1003", T0, 1L], ["d1003", T0 + 10000, 1L], ["d1004", T0, 1L], ["d1004", T0 + 10000, 1L]],
            Rows(r));
    }

    [Fact]
    public void Order_desc_with_limit_and_offset()
    {
        var cat = Meters();
        var desc = Run(cat, Select(Item(Col("ts")), Item(Col("current"))).From("d1001").OrderBy((Col("ts"), true)).Limit(2));
        Assert.Equal([[T0 + 25000, 9.9f], [T0 + 15000, 12.3f]], Rows(desc));
        var offset = Run(cat, Select(Item(Col("ts")), Item(Col("current"))).From("d1001").OrderBy((Col("ts"), false)).Limit(2, 1));
        Assert.Equal([[T0 + 5000, 12.6f], [T0 + 15000, 12.3f]], Rows(offset));
    }

    [Fact]
    public void Name_errors_use_tdengine_codes_and_texts()
    {
        var cat = Meters();
        Fails(9750, "Database not specified", () => Run(cat, Select(Star()).From("meters"), db: null));
        Fails(9826, "Fail to get table info, error: Table does not exist", () => Run(cat, Select(Star()).From("nosuch")));
        Fails(9826, "Fail to get table info, error: Database not exist", () => Run(cat, Select(Star()).From("meters", "nodb")));
        Fails(9730, "Invalid column name: nosuchcol", () => Run(cat, Select(Item(Col("nosuchcol"))).From("meters")));
        Fails(884, "Func not exists", () => Run(cat, Select(Item(Fn("nosuchfunc", Col("voltage")))).From("meters")));
        Fails(10241, "Invalid number of parameters : abs", () => Run(cat, Select(Item(Fn("abs", Col("voltage"), Int(1)))).From("meters")));
        Fails(10242, "Invalid parameter data type : abs", () => Run(cat, Select(Item(Fn("abs", Col("location")))).From("meters")));
        Fails(10242, "Invalid parameter data type : min", () => Run(cat, Select(Item(Fn("min", Col("ts")))).From("meters")));
    }

    [Fact]
    public void Grouping_errors_use_tdengine_codes_and_texts()
    {
        var cat = Meters();
        Fails(9738, "Not a GROUP BY expression", () => Run(cat, Select(Item(Col("voltage")), Item(CountStar())).From("d1001").GroupBy(Col("phase"))));
        Fails(9740, "Not a single-group group function", () => Run(cat, Select(Item(Col("voltage")), Item(CountStar())).From("d1001")));
        Fails(9784, "slimit/soffset only available for PARTITION/GROUP BY query", () => Run(cat, Select(Item(CountStar())).From("meters").SLimit(1)));
        Fails(9787, "Start(end) time of query range required or time range too large",
            () => Run(cat, Select(Item(Wstart()), Item(CountStar())).From("d1001").Interval(new Duration(1, 's', "1s"), FillMode.Null)));
        Fails(9749, "Interval cannot be less than 1 ms",
            () => Run(cat, Select(Item(Wstart()), Item(CountStar())).From("d1001").Where(Range(T0, T0 + 1000)).Interval(new Duration(500, 'u', "500u"))));
        Fails(9733, "Filled values number mismatch",
            () => Run(cat, Select(Item(Wstart()), Item(Fn("max", Col("voltage"))), Item(Fn("min", Col("voltage")))).From("d1001").Where(Range(T0, T0 + 1000))
                .Interval(new Duration(1, 's', "1s"), FillMode.Value, Int(1))));
    }

    [Fact]
    public void Single_selector_brings_its_row_for_plain_columns()
    {
        var r = Run(Meters(), Select(Item(Col("ts")), Item(Fn("max", Col("voltage")))).From("d1001"));
        Assert.Equal([T0 + 15000, 221], Rows(r).Single());
    }

    [Fact]
    public void Timestamp_plus_calendar_month_steps_the_calendar()
    {
        var r = Run(Meters(), Select(Item(Bin(BinaryOp.Add, Col("ts"), Dur(1, 'n'))), Item(Bin(BinaryOp.Subtract, Col("ts"), Dur(1, 'y')))).From("d1002"));
        Assert.Equal(new ResultColumn("ts + 1n", TaosDataType.Timestamp, 8), r.Columns[0]);
        Assert.Equal([1706745600000L, 1672531200000L], Rows(r).Single());
    }
}
