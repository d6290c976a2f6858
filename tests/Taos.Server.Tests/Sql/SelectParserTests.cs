using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Sql;

public class SelectParserTests
{
    private static SelectStatement Parse(string sql) => Assert.IsType<SelectStatement>(SqlParser.Parse(sql));

    [Fact]
    public void Star_from_table_with_order_by()
    {
        var s = Parse("SELECT * FROM Meters ORDER BY ts, TBNAME");
        var item = Assert.Single(s.Items);
        Assert.IsType<StarExpr>(item.Expr);
        Assert.Equal("*", item.Text);
        Assert.Equal(new TableName(null, "meters"), Assert.IsType<TableSource>(s.From).Name);
        Assert.Equal(["ts", "tbname"], s.OrderBy.Select(o => Assert.IsType<ColumnExpr>(o.Expr).Name));
        Assert.All(s.OrderBy, o => Assert.False(o.Descending));
        Assert.All(s.OrderBy, o => Assert.Null(o.NullsFirst));
        Assert.False(s.Distinct);
        Assert.Null(s.Where);
        Assert.Null(s.Window);
        Assert.Null(s.Limit);
        Assert.Equal("select * from meters order by ts, tbname", s.Sql);
    }

    [Fact]
    public void Items_with_aliases_and_qualified_star()
    {
        var s = Parse("select distinct t.*, v AS x, w y, `Z` `Alias`, v 电压 from db.tb t");
        Assert.True(s.Distinct);
        Assert.Equal("t", Assert.IsType<StarExpr>(s.Items[0].Expr).Qualifier);
        Assert.Equal("t.*", s.Items[0].Text);
        Assert.Equal([null, "x", "y", "Alias", "电压"], s.Items.Select(i => i.Alias));
        Assert.Equal("Z", Assert.IsType<ColumnExpr>(s.Items[3].Expr).Name);
        var from = Assert.IsType<TableSource>(s.From);
        Assert.Equal((new TableName("db", "tb"), "t"), (from.Name, from.Alias));
    }

    [Fact]
    public void Select_without_from()
    {
        var s = Parse("select server_version()");
        Assert.Null(s.From);
        var f = Assert.IsType<FunctionExpr>(s.Items[0].Expr);
        Assert.Equal("server_version", f.Name);
        Assert.Empty(f.Args);
        Assert.Equal("server_version()", s.Items[0].Text);
    }

    [Fact]
    public void Where_partition_interval_fill_order_limit()
    {
        var s = Parse("select tbname, _wstart, count(*) from meters where ts >= 1704067200000 and ts < 1704067220000 " +
                      "partition by tbname interval(10s, 1s) sliding(5s) fill(value, -1, 2.5) order by tbname desc nulls first, _wstart asc nulls last " +
                      "slimit 2 soffset 1 limit 5 offset 10");
        Assert.IsType<BinaryExpr>(s.Where);
        Assert.Equal("tbname", Assert.IsType<ColumnExpr>(Assert.Single(s.PartitionBy)).Name);
        var w = Assert.IsType<IntervalWindow>(s.Window);
        Assert.Equal(new Duration(10, 's', "10s"), w.Length);
        Assert.Equal(new Duration(1, 's', "1s"), w.Offset);
        Assert.Equal(new Duration(5, 's', "5s"), w.Sliding);
        Assert.Equal(FillMode.Value, w.Fill!.Mode);
        Assert.Equal(["-1", "2.5"], w.Fill.Values.Select(v => v.Text));
        Assert.Equal((true, (bool?)true), (s.OrderBy[0].Descending, s.OrderBy[0].NullsFirst));
        Assert.Equal((false, (bool?)false), (s.OrderBy[1].Descending, s.OrderBy[1].NullsFirst));
        Assert.Equal(new LimitClause(2, 1), s.SLimit);
        Assert.Equal(new LimitClause(5, 10), s.Limit);
    }

    [Theory]
    [InlineData("fill(none)", nameof(FillMode.None))]
    [InlineData("fill(null)", nameof(FillMode.Null))]
    [InlineData("fill(null_f)", nameof(FillMode.NullF))]
    [InlineData("fill(prev)", nameof(FillMode.Prev))]
    [InlineData("fill(next)", nameof(FillMode.Next))]
    [InlineData("fill(linear)", nameof(FillMode.Linear))]
    [InlineData("fill(value_f, 1)", nameof(FillMode.ValueF))]
    public void Fill_modes(string fill, string mode)
    {
        var w = Assert.IsType<IntervalWindow>(Parse($"select _wstart, max(v) from t where ts > 0 and ts < 10 interval(5s) {fill}").Window);
        Assert.Equal(Enum.Parse<FillMode>(mode), w.Fill!.Mode);
    }

    [Fact]
    public void Window_durations_may_be_quoted()
    {
        var w = Assert.IsType<IntervalWindow>(Parse("select count(*) from t interval('10s') sliding('5s')").Window);
        Assert.Equal((new Duration(10, 's', "10s"), new Duration(5, 's', "5s")), (w.Length, w.Sliding));
        Assert.Throws<TaosServerException>(() => SqlParser.Parse("select count(*) from t interval('ten seconds')"));
    }

    [Fact]
    public void Limit_comma_form_is_offset_then_count()
    {
        Assert.Equal(new LimitClause(5, 10), Parse("select * from t limit 10, 5").Limit);
        Assert.Equal(new LimitClause(3, 0), Parse("select * from t limit 3").Limit);
        Assert.Equal(new LimitClause(2, 4), Parse("select * from t partition by tbname slimit 4, 2").SLimit);
    }

    [Fact]
    public void Other_windows()
    {
        var session = Assert.IsType<SessionWindow>(Parse("select count(*) from t session(ts, 10m)").Window);
        Assert.Equal(("ts", new Duration(10, 'm', "10m")), (Assert.IsType<ColumnExpr>(session.Column).Name, session.Gap));
        var state = Assert.IsType<StateWindow>(Parse("select count(*) from t state_window(status)").Window);
        Assert.Equal("status", state.Expr.Text);
        var ev = Assert.IsType<EventWindow>(Parse("select count(*) from t event_window start with v > 10 end with v < 5").Window);
        Assert.Equal(("v > 10", "v < 5"), (ev.Start.Text, ev.End.Text));
        var count = Assert.IsType<CountWindow>(Parse("select count(*) from t count_window(10, 2)").Window);
        Assert.Equal((10L, (long?)2), (count.Count, count.Sliding));
        Assert.Null(Assert.IsType<CountWindow>(Parse("select count(*) from t count_window(10)").Window).Sliding);
    }

    [Fact]
    public void Group_by_and_having()
    {
        var s = Parse("select location, avg(voltage) from meters group by location, groupid having count(*) > 1 order by location");
        Assert.Equal(["location", "groupid"], s.GroupBy.Select(g => g.Text));
        Assert.Equal("count(*) > 1", s.Having!.Text);
    }

    [Fact]
    public void Order_by_position_and_expression()
    {
        var s = Parse("select v, count(*) c from t group by v order by 2 desc, c, v + 1");
        Assert.Equal(2L, Assert.IsType<LiteralExpr>(s.OrderBy[0].Expr).Value);
        Assert.Equal("c", Assert.IsType<ColumnExpr>(s.OrderBy[1].Expr).Name);
        Assert.Equal("v + 1", s.OrderBy[2].Expr.Text);
    }

    [Fact]
    public void Subquery_in_from()
    {
        var s = Parse("select avg(v) from (select v from t where v > 1 order by ts limit 10) sub");
        var from = Assert.IsType<SubquerySource>(s.From);
        Assert.Equal("sub", from.Alias);
        Assert.Equal(new LimitClause(10, 0), from.Query.Limit);
        Assert.Equal("v > 1", from.Query.Where!.Text);
        Assert.Null(Assert.IsType<SubquerySource>(Parse("select * from ((select 1))").From).Alias);
    }

    [Fact]
    public void Parenthesized_query_as_statement()
    {
        var s = Parse("(select 1)");
        Assert.Equal("1", Assert.Single(s.Items).Text);
    }

    [Fact]
    public void Tags_mode_and_hint()
    {
        Assert.True(Parse("select tags tbname, g from st").TagsMode);
        Assert.False(Parse("select /*+ para_tables_sort() */ v from st").TagsMode);
    }

    [Fact]
    public void Pseudo_columns_are_columns()
    {
        var s = Parse("select _wstart, _wend, _wduration, _rowts, _qstart, _qend, _irowts, tbname, t.tbname from t interval(1s)");
        Assert.Equal(["_wstart", "_wend", "_wduration", "_rowts", "_qstart", "_qend", "_irowts", "tbname", "tbname"],
            s.Items.Select(i => Assert.IsType<ColumnExpr>(i.Expr).Name));
        Assert.Equal("t", ((ColumnExpr)s.Items[8].Expr).Qualifier);
        Assert.Equal("t.tbname", s.Items[8].Text);
    }

    [Theory]
    [InlineData("selec * from meters", 9728, "syntax error near \"selec * from meters\"")]
    [InlineData("select * from", 9729, "Incomplete SQL statement")]
    [InlineData("select 0x10", 9728, "syntax error near \"0x10\"")]
    [InlineData("select * from t where", 9729, "Incomplete SQL statement")]
    [InlineData("select * from;", 9728, "syntax error near \";\"")]
    [InlineData("select * from t; garbage", 0, "")]
    [InlineData("select a || b from t", 9728, "syntax error near \"|| b from t\"")]
    [InlineData("select a << 1 from t", 9728, "syntax error near \"<< 1 from t\"")]
    [InlineData("select ~a from t", 9728, "syntax error near \"~a from t\"")]
    [InlineData("select ! from t", 9728, "unrecognized token: \"! from t\"")]
    [InlineData("select a from t where b = 'x", 9728, "unrecognized token: \"'x\"")]
    [InlineData("select a from t where b @ 1", 9728, "unrecognized token: \"@ 1\"")]
    [InlineData("SELECT A FROM T WHERE B = 'Keep Case' AND", 9729, "Incomplete SQL statement")]
    [InlineData("SELECT A FROM T WHERE B = 'Keep Case' XYZ", 9728, "syntax error near \"xyz\"")]
    [InlineData("select count from t", 9728, "syntax error near \"from t\"")]
    [InlineData("select abs() from t", 9728, "syntax error near \") from t\"")]
    [InlineData("select a = b = c from t", 9728, "syntax error near \"= c from t\"")]
    [InlineData("select * from t limit -1", 9728, "syntax error near \"-1\"")]
    [InlineData("", 9729, "Incomplete SQL statement")]
    [InlineData("hello", 9728, "syntax error near \"hello\"")]
    public void Errors_quote_the_rest_of_the_lowercased_statement(string sql, int code, string message)
    {
        if (code == 0)
        {
            Parse(sql);
            return;
        }
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse(sql));
        Assert.Equal((code, message), (ex.Code, ex.Message));
    }

    [Fact]
    public void Text_after_a_nul_character_does_not_exist()
    {
        var s = Parse("select 1\0 garbage (");
        Assert.Equal("select 1", s.Sql);
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse("select 1 from\0 t"));
        Assert.Equal(ServerErrorCode.IncompleteSql, ex.Code);
    }

    [Fact]
    public void Syntax_error_message_is_cut_at_511_bytes()
    {
        string tail = string.Join(" ", Enumerable.Repeat("garbage", 200));
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse("select 1 " + tail));
        Assert.Equal(511, ex.Message.Length);
        Assert.Equal(("syntax error near \"" + tail)[..511], ex.Message);
    }

    [Fact]
    public void Cut_in_the_middle_of_a_character_leaves_replacement_characters()
    {
        // 'syntax error near "' is 19 bytes, ") " 2, 244 two-byte characters 488: two bytes of the 3-byte '涛' fit.
        string tail = ") " + new string('é', 244) + "涛涛";
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse("select 1 " + tail));
        Assert.Equal("syntax error near \") " + new string('é', 244) + "\uFFFD\uFFFD", ex.Message);
    }
}
