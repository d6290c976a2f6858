using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

public class ExplainParserTests
{
    [Fact]
    public void Explain_reads_analyze_verbose_and_ratio_before_the_query()
    {
        var plain = Parse<ExplainStatement>("explain select * from t");
        Assert.Equal((false, false), (plain.Analyze, plain.Verbose));
        Assert.IsType<SelectStatement>(plain.Query);
        var full = Parse<ExplainStatement>("EXPLAIN ANALYZE VERBOSE TRUE RATIO 0.5 select ts from a union select ts from b");
        Assert.Equal((true, true), (full.Analyze, full.Verbose));
        Assert.IsType<UnionStatement>(full.Query);
        Assert.False(Parse<ExplainStatement>("explain verbose false select 1").Verbose);
        Assert.IsType<InsertSelectStatement>(Parse<ExplainStatement>("explain insert into t select * from s").Query);
    }

    [Theory]
    [InlineData("explain show databases", "syntax error near \"show databases\"")]
    [InlineData("explain create table t (ts timestamp)", "syntax error near \"create table t (ts timestamp)\"")]
    [InlineData("explain verbose 1 select 1", "syntax error near \"1 select 1\"")]
    [InlineData("explain ratio 1 select 1", "syntax error near \"1 select 1\"")]
    [InlineData("explain insert into t values (now, 1)", "syntax error near \"values (now, 1)\"")]
    [InlineData("explain", "Incomplete SQL statement")]
    public void Explain_of_anything_but_a_query_is_a_syntax_error(string sql, string message)
    {
        var e = Assert.Throws<TaosServerException>(() => SqlParser.Parse(sql));
        Assert.Equal(message, e.Message);
    }
}
