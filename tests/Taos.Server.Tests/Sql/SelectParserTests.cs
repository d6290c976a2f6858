using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>SELECT and UNION statements, the select list, ORDER BY and LIMIT (<c>Parser.Select.cs</c>).</summary>
public class SelectParserTests
{
    [Fact]
    public void Star_from_table_with_order_by()
    {
        var s = ParseSelect("SELECT * FROM Meters ORDER BY ts, TBNAME");
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
        var s = ParseSelect("select distinct t.*, v AS x, w y, `Z` `Alias`, v 电压 from db.tb t");
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
        var s = ParseSelect("select server_version()");
        Assert.Null(s.From);
        var f = Assert.IsType<FunctionExpr>(s.Items[0].Expr);
        Assert.Equal("server_version", f.Name);
        Assert.Empty(f.Args);
        Assert.Equal("server_version()", s.Items[0].Text);
    }

    [Fact]
    public void Where_partition_interval_fill_order_limit()
    {
        var s = ParseSelect("select tbname, _wstart, count(*) from meters where ts >= 1704067200000 and ts < 1704067220000 " +
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

    [Fact]
    public void Limit_comma_form_is_offset_then_count()
    {
        Assert.Equal(new LimitClause(5, 10), ParseSelect("select * from t limit 10, 5").Limit);
        Assert.Equal(new LimitClause(3, 0), ParseSelect("select * from t limit 3").Limit);
        Assert.Equal(new LimitClause(2, 4), ParseSelect("select * from t partition by tbname slimit 4, 2").SLimit);
    }

    [Fact]
    public void Group_by_and_having()
    {
        var s = ParseSelect("select location, avg(voltage) from meters group by location, groupid having count(*) > 1 order by location");
        Assert.Equal(["location", "groupid"], s.GroupBy.Select(g => g.Text));
        Assert.Equal("count(*) > 1", s.Having!.Text);
    }

    [Fact]
    public void Order_by_position_and_expression()
    {
        var s = ParseSelect("select v, count(*) c from t group by v order by 2 desc, c, v + 1");
        Assert.Equal(2L, Assert.IsType<LiteralExpr>(s.OrderBy[0].Expr).Value);
        Assert.Equal("c", Assert.IsType<ColumnExpr>(s.OrderBy[1].Expr).Name);
        Assert.Equal("v + 1", s.OrderBy[2].Expr.Text);
    }

    [Fact]
    public void Parenthesized_query_as_statement()
    {
        var s = ParseSelect("(select 1)");
        Assert.Equal("1", Assert.Single(s.Items).Text);
    }

    [Fact]
    public void Tags_mode_and_hint()
    {
        Assert.True(ParseSelect("select tags tbname, g from st").TagsMode);
        Assert.False(ParseSelect("select /*+ para_tables_sort() */ v from st").TagsMode);
    }

    [Fact]
    public void Pseudo_columns_are_columns()
    {
        var s = ParseSelect("select _wstart, _wend, _wduration, _rowts, _qstart, _qend, _irowts, tbname, t.tbname from t interval(1s)");
        Assert.Equal(["_wstart", "_wend", "_wduration", "_rowts", "_qstart", "_qend", "_irowts", "tbname", "tbname"],
            s.Items.Select(i => Assert.IsType<ColumnExpr>(i.Expr).Name));
        Assert.Equal("t", ((ColumnExpr)s.Items[8].Expr).Qualifier);
        Assert.Equal("t.tbname", s.Items[8].Text);
    }

    [Fact]
    public void Union_all_and_union()
    {
        var u = Assert.IsType<UnionStatement>(SqlParser.Parse(
            "select ts, v from t1 union all select ts, v from t2 union (select ts, v from t3) order by ts desc limit 5"));
        Assert.Equal(3, u.Queries.Count);
        Assert.Equal([true, false], u.All);
        Assert.Equal("ts", Assert.Single(u.OrderBy).Expr.Text);
        Assert.Equal(new LimitClause(5, 0), u.Limit);
        Assert.All(u.Queries, q => Assert.Empty(q.OrderBy));
        Assert.StartsWith("select ts, v from t1 union all", u.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_by_before_union_is_a_syntax_error()
    {
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse("select a from t order by a union select b from u"));
        Assert.Equal("syntax error near \"union select b from u\"", ex.Message);
    }
}
