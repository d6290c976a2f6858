using Taos.Server.Sql;

namespace Taos.Server.Tests.Sql;

/// <summary>
/// Statements nested deeper than the server's recursive AST walkers can follow must fail as a syntax error: the
/// executor overflowed the thread stack on <c>select 1+1+…+1</c> (20 000 terms) and took the whole server down.
/// </summary>
public class ParserDepthTests
{
    private static TaosServerException ParseFails(string sql) => Assert.Throws<TaosServerException>(() => SqlParser.Parse(sql));

    [Fact]
    public void A_very_long_operator_chain_is_a_syntax_error_not_a_tree_nobody_can_walk()
    {
        var ex = ParseFails("select " + string.Concat(Enumerable.Repeat("1+", 5000)) + "1");
        Assert.Equal(9728, ex.Code);
        Assert.StartsWith("syntax error near \"", ex.Message);
    }

    [Fact]
    public void A_very_long_or_chain_in_where_is_a_syntax_error()
    {
        var ex = ParseFails("select * from t where " + string.Join(" or ", Enumerable.Repeat("v = 1", 5000)));
        Assert.Equal(9728, ex.Code);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("abs(", ")")]
    [InlineData("-(", ")")]
    [InlineData("cast(", " as int)")]
    public void Deeply_nested_expressions_fail_before_the_parser_itself_runs_out_of_stack(string open, string close)
    {
        int n = 100_000;
        var ex = ParseFails("select " + string.Concat(Enumerable.Repeat(open, n)) + "1" + string.Concat(Enumerable.Repeat(close, n)));
        Assert.Equal(9728, ex.Code);
    }

    [Fact]
    public void Deeply_nested_subqueries_fail_cleanly()
    {
        int n = 50_000;
        var ex = ParseFails(string.Concat(Enumerable.Repeat("select * from (", n)) + "select 1" + new string(')', n));
        Assert.Equal(9728, ex.Code);
    }

    [Fact]
    public void Ordinary_nesting_still_parses()
    {
        SqlParser.Parse("select " + string.Concat(Enumerable.Repeat("1+", 500)) + "1");
        SqlParser.Parse("select * from t where " + string.Join(" or ", Enumerable.Repeat("v = 1", 300)));
        SqlParser.Parse("select " + new string('(', 50) + "1" + new string(')', 50));
        SqlParser.Parse("select " + string.Concat(Enumerable.Repeat("abs(", 50)) + "v" + new string(')', 50) + " from t");
    }
}
