namespace Taos.Tests.Internal;

public class SqlStatementSplitterTests
{
    private static string[] Texts(string sql) => SqlStatementSplitter.Split(sql).Select(s => s.Text).ToArray();

    [Fact]
    public void Splits_at_semicolons_and_trims_each_statement()
    {
        Assert.Equal(["select 1", "select 2", "insert into t values (now, 1)"], Texts(" select 1;select 2 ;\n insert into t values (now, 1)"));
    }

    [Theory]
    [InlineData("select 1;")]
    [InlineData("select 1;;")]
    [InlineData(";; select 1 ; ;")]
    [InlineData("select 1; -- trailing comment")]
    [InlineData("/* leading; comment */ select 1 /* trailing; */;")]
    public void Empty_statements_and_comments_around_them_are_left_out(string sql)
    {
        Assert.Equal(["select 1"], Texts(sql));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-- TODO: Write SQL")]
    [InlineData("/* a; b */ ; -- c;\n ;")]
    public void Whitespace_and_comments_only_have_no_statement(string sql)
    {
        Assert.Empty(Texts(sql));
    }

    [Theory]
    [InlineData("insert into t values (now, 'a;b'); select 2", "insert into t values (now, 'a;b')")]
    [InlineData("insert into t values (now, \"a;b\"); select 2", "insert into t values (now, \"a;b\")")]
    [InlineData("select `a;b` from t; select 2", "select `a;b` from t")]
    [InlineData("insert into t values (now, 'it''s; here'); select 2", "insert into t values (now, 'it''s; here')")]
    [InlineData("insert into t values (now, 'back\\'slash;'); select 2", "insert into t values (now, 'back\\'slash;')")]
    [InlineData("select `a``;b` from t; select 2", "select `a``;b` from t")]
    [InlineData("select 1 -- one; two\n + 1; select 2", "select 1 -- one; two\n + 1")]
    [InlineData("select 1 /* one; two */ + 1; select 2", "select 1 /* one; two */ + 1")]
    public void Semicolons_inside_literals_identifiers_and_comments_do_not_split(string sql, string first)
    {
        Assert.Equal([first, "select 2"], Texts(sql));
    }

    [Fact]
    public void An_unterminated_literal_runs_to_the_end()
    {
        Assert.Equal(["select 'a; b"], Texts("select 'a; b"));
    }

    [Fact]
    public void Placeholders_are_counted_per_statement_outside_literals_and_comments()
    {
        var statements = SqlStatementSplitter.Split("insert into t values (?, ?, '?'); /* ? */ select @a, @b_2 from t where x = ? -- ?\n; select '@c'");
        Assert.Equal([2, 1, 0], statements.Select(s => s.PositionalCount));
        Assert.Empty(statements[0].Names);
        Assert.Equal(["a", "b_2"], statements[1].Names);
        Assert.Empty(statements[2].Names);
    }
}
