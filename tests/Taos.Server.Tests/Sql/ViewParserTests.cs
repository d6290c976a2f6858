using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

public class ViewParserTests
{
    [Fact]
    public void Create_view_keeps_the_query_as_written_after_as()
    {
        var s = Parse<CreateViewStatement>("CREATE VIEW power.v1 AS   SELECT ts, `Current` FROM power.meters WHERE voltage > 1");
        Assert.Equal(new TableName("power", "v1"), s.Name);
        Assert.False(s.OrReplace);
        Assert.Equal("select ts, `Current` from power.meters where voltage > 1", s.QueryText);
        Assert.IsType<SelectStatement>(s.Query);
    }

    [Fact]
    public void Create_or_replace_view_takes_a_union_or_a_parenthesized_query()
    {
        var s = Parse<CreateViewStatement>("create or replace view v as select ts from a union all select ts from b");
        Assert.True(s.OrReplace);
        Assert.Equal(new TableName(null, "v"), s.Name);
        Assert.IsType<UnionStatement>(s.Query);
        Assert.IsType<SelectStatement>(Parse<CreateViewStatement>("create view v as (select ts from a)").Query);
    }

    [Theory]
    [InlineData("create view v select * from t", "syntax error near \"select * from t\"")]
    [InlineData("create view v as", "Incomplete SQL statement")]
    [InlineData("create view v as show tables", "syntax error near \"show tables\"")]
    [InlineData("create or view v as select 1", "syntax error near \"view v as select 1\"")]
    [InlineData("create or replace table t (ts timestamp)", "syntax error near \"table t (ts timestamp)\"")]
    [InlineData("drop view if v", "syntax error near \"v\"")]
    public void Malformed_view_statements_are_syntax_errors(string sql, string message)
    {
        var e = Assert.Throws<TaosServerException>(() => Taos.Server.Sql.SqlParser.Parse(sql));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Drop_show_and_show_create_view()
    {
        var drop = Parse<DropViewStatement>("drop view if exists d.v");
        Assert.Equal((new TableName("d", "v"), true), (drop.Name, drop.IfExists));
        Assert.False(Parse<DropViewStatement>("drop view v").IfExists);
        Assert.Equal(new ShowViewsStatement("d", "v%") { Sql = "show d.views like 'v%'" }, Parse<ShowViewsStatement>("show d.views like 'v%'"));
        Assert.Equal(new ShowViewsStatement(null, null) { Sql = "show views" }, Parse<ShowViewsStatement>("show views"));
        Assert.Equal(new TableName("d", "v"), Parse<ShowCreateViewStatement>("show create view d.v").Name);
    }
}
