using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>Operators, precedence, column references and expression texts (<c>Parser.Expressions.cs</c>).</summary>
public class ExpressionParserTests
{
    private static Expr Where(string condition) =>
        Assert.IsType<SelectStatement>(SqlParser.Parse("select * from t where " + condition)).Where!;

    /// <summary>A fully parenthesised rendering of the tree, to check precedence and associativity.</summary>
    private static string Shape(Expr e) => e switch
    {
        BinaryExpr b => $"({Shape(b.Left)} {b.Op} {Shape(b.Right)})",
        UnaryExpr u => $"({u.Op} {Shape(u.Operand)})",
        BetweenExpr b => $"({Shape(b.Operand)} {(b.Negated ? "NotBetween" : "Between")} {Shape(b.Low)} {Shape(b.High)})",
        InExpr i => $"({Shape(i.Operand)} {(i.Negated ? "NotIn" : "In")} [{string.Join(", ", i.Values.Select(Shape))}])",
        IsNullExpr n => $"({Shape(n.Operand)} {(n.Negated ? "IsNotNull" : "IsNull")})",
        FunctionExpr f => $"{f.Name}({string.Join(", ", f.Args.Select(Shape))})",
        ColumnExpr c => c.Qualifier is null ? c.Name : c.Qualifier + "." + c.Name,
        LiteralExpr l => l.Text,
        StarExpr => "*",
        CastExpr c => $"cast({Shape(c.Operand)} as {c.Type.Type})",
        CaseExpr c => "case",
        _ => e.GetType().Name,
    };

    [Theory]
    [InlineData("a + b * c", "(a Add (b Multiply c))")]
    [InlineData("a * b + c", "((a Multiply b) Add c)")]
    [InlineData("a - b - c", "((a Subtract b) Subtract c)")]
    [InlineData("a / b % c", "((a Divide b) Modulo c)")]
    [InlineData("a & b + c", "(a BitAnd (b Add c))")]
    [InlineData("a | b & c", "((a BitOr b) BitAnd c)")]
    [InlineData("-a * b", "(Negate (a Multiply b))")]
    [InlineData("-a + b", "((Negate a) Add b)")]
    [InlineData("+a", "(Plus a)")]
    [InlineData("(a + b) * c", "((a Add b) Multiply c)")]
    [InlineData("j->'k' + 1", "((j JsonGet 'k') Add 1)")]
    [InlineData("a + 1 > b * 2", "((a Add 1) Greater (b Multiply 2))")]
    public void Arithmetic_precedence(string expression, string shape)
    {
        Assert.Equal(shape, Shape(Item(expression)));
    }

    [Theory]
    [InlineData("a = 1 or b = 2 and c = 3", "((a Equal 1) Or ((b Equal 2) And (c Equal 3)))")]
    [InlineData("not a = 1 and b = 2", "((Not (a Equal 1)) And (b Equal 2))")]
    [InlineData("(a = 1 or b = 2) and c = 3", "(((a Equal 1) Or (b Equal 2)) And (c Equal 3))")]
    [InlineData("a between 1 and 2 and b = 3", "((a Between 1 2) And (b Equal 3))")]
    [InlineData("a not between 1 + 1 and 5", "(a NotBetween (1 Add 1) 5)")]
    [InlineData("a in (1, -2, 'x', null, true)", "(a In [1, -2, 'x', null, true])")]
    [InlineData("a not in (1.5)", "(a NotIn [1.5])")]
    [InlineData("a is null or b is not null", "((a IsNull) Or (b IsNotNull))")]
    [InlineData("location like 'California.Los%'", "(location Like 'California.Los%')")]
    [InlineData("location not like 'x'", "(location NotLike 'x')")]
    [InlineData("s match '^a' and s nmatch 'b$'", "((s Match '^a') And (s NotMatch 'b$'))")]
    [InlineData("j contains 'k'", "(j Contains 'k')")]
    [InlineData("a <> 1 and b != 2 and c == 3", "(((a NotEqual 1) And (b NotEqual 2)) And (c Equal 3))")]
    [InlineData("a < 1 or a <= 2 or a >= 3", "(((a Less 1) Or (a LessOrEqual 2)) Or (a GreaterOrEqual 3))")]
    [InlineData("ts >= '2024-01-01 00:00:05.000' and ts < 1704067215000", "((ts GreaterOrEqual '2024-01-01 00:00:05.000') And (ts Less 1704067215000))")]
    public void Condition_precedence(string condition, string shape)
    {
        Assert.Equal(shape, Shape(Where(condition)));
    }

    [Theory]
    [InlineData("count(*)")]
    [InlineData("c_ti + 1")]
    [InlineData("voltage / 2")]
    [InlineData("current * 2 + 1")]
    [InlineData("info->'k1'")]
    [InlineData("t_json->\"k1\"")]
    [InlineData("''")]
    [InlineData("null")]
    [InlineData("1.0/0")]
    [InlineData("-(2)")]
    [InlineData("-1")]
    [InlineData("-1.5")]
    [InlineData("1e3")]
    [InlineData("'héllo'")]
    [InlineData("substr(current_user(), 1, 5)")]
    [InlineData("length(current_user()) > 5")]
    [InlineData("timestamp '2024-01-01 00:00:00.000'")]
    [InlineData("ts + 1n")]
    [InlineData("cast(v as varchar(10))")]
    [InlineData("case when v > 1 then 'a' else 'b' end")]
    [InlineData("(v)")]
    [InlineData("now()")]
    [InlineData("now")]
    [InlineData("today()")]
    [InlineData("avg( v )")]
    [InlineData("t.v")]
    public void Text_is_the_exact_source_text(string expression)
    {
        var statement = Assert.IsType<SelectStatement>(SqlParser.Parse("select " + expression + " from t"));
        var item = Assert.Single(statement.Items);
        Assert.Equal(expression, item.Text);
        Assert.Equal(expression, item.Expr.Text);
    }

    [Fact]
    public void Text_is_lowercased_outside_quotes()
    {
        var statement = Assert.IsType<SelectStatement>(SqlParser.Parse("SELECT COUNT(*), Info->'K1', 'ABC' FROM T"));
        Assert.Equal(["count(*)", "info->'K1'", "'ABC'"], statement.Items.Select(i => i.Text));
    }

    [Fact]
    public void Json_arrow_needs_a_column_and_a_string()
    {
        var b = Assert.IsType<BinaryExpr>(Item("info->'k1'"));
        Assert.Equal(BinaryOp.JsonGet, b.Op);
        Assert.Equal("info", Assert.IsType<ColumnExpr>(b.Left).Name);
        Assert.Equal("k1", Assert.IsType<LiteralExpr>(b.Right).Value);
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse("select info->k1 from t"));
        Assert.Equal("syntax error near \"k1 from t\"", ex.Message);
    }
}
