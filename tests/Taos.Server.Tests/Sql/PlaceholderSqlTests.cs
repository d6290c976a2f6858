using Taos.Server.Sql;

namespace Taos.Server.Tests.Sql;

/// <summary>Placeholders of prepared queries: found outside quotes and comments, bound as literals that read back the same.</summary>
public class PlaceholderSqlTests
{
    [Fact]
    public void Placeholders_inside_strings_and_comments_are_not_parameters()
    {
        var sql = PlaceholderSql.Find("select '?', `a?` from t /* ? */ where v > ? and s = \"?\" and w < ?");
        Assert.Equal(2, sql.Count);
        Assert.Equal("select '?', `a?` from t /* ? */ where v > 5 and s = \"?\" and w < null", sql.Bind([5, null]));
    }

    [Fact]
    public void Bound_values_become_literals_that_parse_back_to_the_same_value()
    {
        var sql = PlaceholderSql.Find("select ?, ?, ?, ?, ?, ?");
        string text = sql.Bind(["it's \\ 'quoted'", 1.5f, 0.1, true, ulong.MaxValue, new byte[] { 1, 0xAB }]);
        Assert.Equal("select 'it\\'s \\\\ \\'quoted\\'', 1.5, 0.1, true, 18446744073709551615, '\\x01AB'", text);
        Assert.IsType<Taos.Server.Sql.Ast.SelectStatement>(SqlParser.Parse(text));
        Assert.Throws<ArgumentException>(() => sql.Bind([1]));
    }
}
