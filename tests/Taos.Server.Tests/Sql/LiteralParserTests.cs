using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>Literals and placeholders (<c>Parser.Literals.cs</c>).</summary>
public class LiteralParserTests
{
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
}
