using Taos.Server.Engine.Functions;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>Function calls: named functions, the keywords that are functions (<c>now()</c>, <c>count(*)</c>, …) and CAST.</summary>
internal sealed partial class Parser
{
    /// <summary><c>name(arg, …)</c> for a function named by an identifier.</summary>
    private Expr ParseFunctionCall()
    {
        var t = _cur;
        Advance();
        Expect(TokenKind.LParen);
        // sql.y: function_name NK_LP expression_list NK_RP, so at least one argument.
        Enter();
        var args = ParseCommaList(ParseExpression);
        Leave();
        Expect(TokenKind.RParen);
        return Tracked(new FunctionExpr(t.Word!, args) { Text = TextFrom(t.Start) });
    }

    /// <summary>A function that takes no arguments (<see cref="FunctionCatalog.TakesNoArguments"/>) with its <c>()</c>, which NOW alone may leave out.</summary>
    private FunctionExpr ParseNoArgFunctionCall()
    {
        var t = _cur;
        Advance();
        if (t.Word != "now" || Is(TokenKind.LParen))
        {
            Expect(TokenKind.LParen);
            Expect(TokenKind.RParen);
        }
        return new FunctionExpr(t.Word!, []) { Text = TextFrom(t.Start) };
    }

    /// <summary>A function that accepts <c>*</c> (<see cref="FunctionCatalog.AcceptsStar"/>): <c>(*)</c> or <c>(arg, …)</c> where an argument may be <c>t.*</c>.</summary>
    private Expr ParseStarFunctionCall()
    {
        var t = _cur;
        Advance();
        Expect(TokenKind.LParen);
        List<Expr> args;
        if (Is(TokenKind.Star))
        {
            Advance();
            args = [new StarExpr(null) { Text = "*" }];
        }
        else
        {
            Enter();
            args = ParseCommaList(ParseStarFunctionArgument);
            Leave();
        }
        Expect(TokenKind.RParen);
        return Tracked(new FunctionExpr(t.Word!, args) { Text = TextFrom(t.Start) });
    }

    private Expr ParseStarFunctionArgument() => AtQualifiedStar() ? ParseQualifiedStar(checkQualifierLength: false) : ParseExpression();

    /// <summary><c>CAST(expr AS type)</c>.</summary>
    private Expr ParseCast()
    {
        int start = _cur.Start;
        ExpectKw("cast");
        Expect(TokenKind.LParen);
        Enter();
        var operand = ParseExpression();
        Leave();
        ExpectKw("as");
        var type = ParseCastType();
        Expect(TokenKind.RParen);
        return Tracked(new CastExpr(operand, type) { Text = TextFrom(start) });
    }

    /// <summary>CAST's type: a type name, where VARCHAR/BINARY may leave out its length (then 65517, TDengine's longest).</summary>
    private TypeSpec ParseCastType()
    {
        if (!(_cur.IsKeyword("varchar") || _cur.IsKeyword("binary"))) return ParseTypeName();
        Advance();
        if (!TryTake(TokenKind.LParen)) return new TypeSpec(TaosDataType.VarChar, 65517);
        long length = ParseInteger();
        Expect(TokenKind.RParen);
        return new TypeSpec(TaosDataType.VarChar, (int)Math.Min(length, int.MaxValue));
    }
}
