using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Sql;

public class ExpressionParserTests
{
    private static Expr Item(string expression) =>
        Assert.Single(Assert.IsType<SelectStatement>(SqlParser.Parse("select " + expression + " from t")).Items).Expr;

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
    public void Recorded_literal_row_parses_item_by_item()
    {
        var statement = Assert.IsType<SelectStatement>(SqlParser.Parse("select true, false, -1, 1.5, -1.5, 'abc', 'héllo', 1e3, -(2)"));
        Assert.Equal(["true", "false", "-1", "1.5", "-1.5", "'abc'", "'héllo'", "1e3", "-(2)"], statement.Items.Select(i => i.Text));
        Assert.Equal(true, Assert.IsType<LiteralExpr>(statement.Items[0].Expr).Value);
        var minusOne = Assert.IsType<UnaryExpr>(statement.Items[2].Expr);
        Assert.Equal(UnaryOp.Negate, minusOne.Op);
        Assert.Equal(1L, Assert.IsType<LiteralExpr>(minusOne.Operand).Value);
        Assert.Equal(1.5, Assert.IsType<LiteralExpr>(statement.Items[3].Expr).Value);
        Assert.Equal("héllo", Assert.IsType<LiteralExpr>(statement.Items[6].Expr).Value);
        Assert.Equal(1000.0, Assert.IsType<LiteralExpr>(statement.Items[7].Expr).Value);
        var minusTwo = Assert.IsType<UnaryExpr>(statement.Items[8].Expr);
        Assert.Equal("(2)", minusTwo.Operand.Text);
        Assert.Equal(2L, Assert.IsType<LiteralExpr>(minusTwo.Operand).Value);
    }

    [Fact]
    public void Literal_kinds_and_values()
    {
        Assert.Equal((LiteralKind.Integer, (object?)18446744073709551615UL), Lit("18446744073709551615"));
        Assert.Equal((LiteralKind.Integer, (object?)9223372036854775807L), Lit("9223372036854775807"));
        Assert.Equal((LiteralKind.Float, (object?)0.5), Lit(".5"));
        Assert.Equal((LiteralKind.Float, (object?)1.0), Lit("1."));
        Assert.Equal((LiteralKind.String, (object?)"v'q"), Lit("'v''q'"));
        Assert.Equal((LiteralKind.String, (object?)"b\"q"), Lit("\"b\"\"q\""));
        Assert.Equal((LiteralKind.Null, (object?)null), Lit("NULL"));
        Assert.Equal((LiteralKind.Duration, (object?)new Duration(1, 'n', "1n")), Lit("1n"));
        Assert.Equal((LiteralKind.Timestamp, (object?)"2024-01-01 00:00:00.000"), Lit("TIMESTAMP '2024-01-01 00:00:00.000'"));

        static (LiteralKind, object?) Lit(string text)
        {
            var l = Assert.IsType<LiteralExpr>(Item(text));
            return (l.Kind, l.Value);
        }
    }

    [Fact]
    public void Functions_and_special_forms()
    {
        var f = Assert.IsType<FunctionExpr>(Item("first(*)"));
        Assert.IsType<StarExpr>(Assert.Single(f.Args));
        var g = Assert.IsType<FunctionExpr>(Item("count(t.*)"));
        Assert.Equal("t", Assert.IsType<StarExpr>(Assert.Single(g.Args)).Qualifier);
        var h = Assert.IsType<FunctionExpr>(Item("NoSuchFunc(v, 1)"));
        Assert.Equal(("nosuchfunc", 2), (h.Name, h.Args.Count));
        var last = Assert.IsType<FunctionExpr>(Item("last_row(v)"));
        Assert.Equal("last_row", last.Name);
        var now = Assert.IsType<FunctionExpr>(Item("now"));
        Assert.Equal(("now", 0), (now.Name, now.Args.Count));
        Assert.Equal("today", Assert.IsType<FunctionExpr>(Item("today()")).Name);
        Assert.Equal("database", Assert.IsType<FunctionExpr>(Item("database()")).Name);
        Assert.Equal("client_version", Assert.IsType<FunctionExpr>(Item("client_version()")).Name);
        Assert.Equal("server_status", Assert.IsType<FunctionExpr>(Item("server_status()")).Name);

        var cast = Assert.IsType<CastExpr>(Item("cast('2024-01-01 00:00:00' as timestamp)"));
        Assert.Equal(new TypeSpec(TaosDataType.Timestamp, 8), cast.Type);
        Assert.Equal(new TypeSpec(TaosDataType.NChar, 5), Assert.IsType<CastExpr>(Item("cast(v as nchar(5))")).Type);
        Assert.Equal(new TypeSpec(TaosDataType.UBigInt, 8), Assert.IsType<CastExpr>(Item("cast(v as bigint unsigned)")).Type);

        var simpleCase = Assert.IsType<CaseExpr>(Item("case v when 1 then 'one' when 2 then 'two' end"));
        Assert.Equal("v", simpleCase.Operand!.Text);
        Assert.Equal(2, simpleCase.Branches.Count);
        Assert.Null(simpleCase.Else);
        var searched = Assert.IsType<CaseExpr>(Item("case when v > 1 then 'a' else 'b' end"));
        Assert.Null(searched.Operand);
        Assert.Equal("'b'", searched.Else!.Text);
    }

    [Fact]
    public void Placeholders_are_numbered_in_order()
    {
        var s = Assert.IsType<SelectStatement>(SqlParser.Parse("select * from meters where ts >= ? and voltage > ? and v in (?, 1)"));
        var and = Assert.IsType<BinaryExpr>(s.Where);
        var first = Assert.IsType<LiteralExpr>(Assert.IsType<BinaryExpr>(Assert.IsType<BinaryExpr>(and.Left).Left).Right);
        var second = Assert.IsType<LiteralExpr>(Assert.IsType<BinaryExpr>(Assert.IsType<BinaryExpr>(and.Left).Right).Right);
        var third = Assert.IsType<LiteralExpr>(Assert.IsType<InExpr>(and.Right).Values[0]);
        Assert.Equal(
            [(LiteralKind.Placeholder, (object?)0), (LiteralKind.Placeholder, 1), (LiteralKind.Placeholder, 2)],
            new[] { first, second, third }.Select(l => (l.Kind, l.Value)));
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

    [Fact]
    public void Too_long_column_name_in_expression_is_9751()
    {
        string col = new('c', 65);
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse($"select {col} from t"));
        Assert.Equal((ServerErrorCode.InvalidIdentifierName, $"Invalid identifier name: {col} from t"), (ex.Code, ex.Message));
    }

    [Fact]
    public void Alias_is_kept_to_64_bytes()
    {
        string alias = new('a', 70);
        var item = Assert.Single(Assert.IsType<SelectStatement>(SqlParser.Parse($"select v as {alias} from t")).Items);
        Assert.Equal(alias[..64], item.Alias);
    }
}
