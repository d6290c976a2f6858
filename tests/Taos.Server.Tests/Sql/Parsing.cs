using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Sql;

/// <summary>Shorthands the parser tests share: parse one statement and assert what it is.</summary>
internal static class Parsing
{
    /// <summary>Parses <paramref name="sql"/>, asserting it is a <typeparamref name="T"/>.</summary>
    public static T Parse<T>(string sql) where T : Statement => Assert.IsType<T>(SqlParser.Parse(sql));

    /// <summary>Parses <paramref name="sql"/>, asserting it is a SELECT.</summary>
    public static SelectStatement ParseSelect(string sql) => Parse<SelectStatement>(sql);

    /// <summary>The expression of <c>select <paramref name="expression"/> from t</c>, asserting it is the only item.</summary>
    public static Expr Item(string expression) => Assert.Single(ParseSelect("select " + expression + " from t").Items).Expr;
}
