using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>The FROM clause: subqueries and joins (<c>Parser.From.cs</c>).</summary>
public class FromParserTests
{
    [Fact]
    public void Subquery_in_from()
    {
        var s = ParseSelect("select avg(v) from (select v from t where v > 1 order by ts limit 10) sub");
        var from = Assert.IsType<SubquerySource>(s.From);
        Assert.Equal("sub", from.Alias);
        Assert.Equal(new LimitClause(10, 0), from.Query.Limit);
        Assert.Equal("v > 1", from.Query.Where!.Text);
        Assert.Null(Assert.IsType<SubquerySource>(ParseSelect("select * from ((select 1))").From).Alias);
    }

    [Fact]
    public void Window_and_asof_joins_take_their_offsets_and_jlimit()
    {
        var s = ParseSelect("select a.ts from t1 a left window join t2 window_offset(-1s, 2s) jlimit 3");
        var join = Assert.IsType<JoinSource>(s.From);
        Assert.Equal("left window", join.JoinType);
        Assert.Null(join.On);
        Assert.Null(Assert.IsType<TableSource>(join.Right).Alias);
        Assert.Equal(("-1s", "2s"), (join.WindowOffset!.Low.Text, join.WindowOffset.High.Text));
        Assert.Equal(3, join.JLimit);
        var asof = Assert.IsType<JoinSource>(ParseSelect("select a.ts from t1 a left asof join t2 b on a.ts >= b.ts jlimit 2").From);
        Assert.Equal((2L, (JoinWindowOffset?)null), (asof.JLimit, asof.WindowOffset));
    }

    [Fact]
    public void Joins()
    {
        var s = Assert.IsType<SelectStatement>(SqlParser.Parse(
            "select a.ts, b.v from d1001 a join d1002 b on a.ts = b.ts left join d1003 c on a.ts = c.ts"));
        var outer = Assert.IsType<JoinSource>(s.From);
        Assert.Equal("left", outer.JoinType);
        Assert.Equal("a.ts = c.ts", outer.On!.Text);
        var inner = Assert.IsType<JoinSource>(outer.Left);
        Assert.Equal("inner", inner.JoinType);
        Assert.Equal(("a", "b"), (Assert.IsType<TableSource>(inner.Left).Alias, Assert.IsType<TableSource>(inner.Right).Alias));
        Assert.Equal("c", Assert.IsType<TableSource>(outer.Right).Alias);

        var comma = Assert.IsType<JoinSource>(Assert.IsType<SelectStatement>(
            SqlParser.Parse("select * from t1, t2 where t1.ts = t2.ts")).From);
        Assert.Null(comma.On);
        Assert.Equal("left outer", Assert.IsType<JoinSource>(Assert.IsType<SelectStatement>(
            SqlParser.Parse("select * from t1 left outer join t2 on t1.ts = t2.ts")).From).JoinType);
    }
}
