using System.Globalization;
using Taos.Server.Engine.Functions;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>Literals of expressions: numbers, strings, booleans, durations, <c>?</c> placeholders, and IN's signed literals.</summary>
internal sealed partial class Parser
{
    /// <summary>sql.y's signed_literal, the only thing an IN list may hold.</summary>
    private Expr ParseSignedLiteral()
    {
        var t = _cur;
        if (t.Kind is TokenKind.Minus or TokenKind.Plus)
        {
            Advance();
            return MakeLiteral(ExpectUnsignedNumber(), t.Kind == TokenKind.Minus, t.Start);
        }
        if (TryParseLiteralToken() is { } literal)
        {
            return literal;
        }
        if (t.Kind == TokenKind.Keyword && (t.Word is "null" or "timestamp" || FunctionCatalog.TakesNoArguments(t.Word!)))
        {
            return ParseKeywordPrimary(t);
        }
        throw Fail(t);
    }

    /// <summary>An integer or decimal number token (without sign).</summary>
    private Token ExpectUnsignedNumber()
    {
        var n = _cur;
        if (n.Kind is not (TokenKind.Integer or TokenKind.Float))
        {
            throw Fail(n);
        }
        Advance();
        return n;
    }

    /// <summary>An unsigned literal token or a <c>?</c> placeholder at the cursor; null (nothing read) for anything else.</summary>
    private LiteralExpr? TryParseLiteralToken()
    {
        var t = _cur;
        switch (t.Kind)
        {
            case TokenKind.Integer or TokenKind.Float or TokenKind.String or TokenKind.Bool or TokenKind.Duration:
                Advance();
                return MakeLiteral(t, negative: false, t.Start);
            case TokenKind.Question:
                Advance();
                return new LiteralExpr(LiteralKind.Placeholder, _placeholders++) { Text = "?" };
            default:
                return null;
        }
    }

    /// <summary>The literal of token <paramref name="t"/>, negated when a minus came before it at <paramref name="start"/>.</summary>
    private LiteralExpr MakeLiteral(Token t, bool negative, int start)
    {
        string raw = TextOf(t);
        var literal = t.Kind switch
        {
            TokenKind.Integer => IntegerLiteral(raw, negative),
            TokenKind.Float => FloatLiteral(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture), negative),
            TokenKind.String => new LiteralExpr(LiteralKind.String, Lexer.Unquote(_sql, t.Start, t.Length)),
            TokenKind.Bool => new LiteralExpr(LiteralKind.Bool, raw == "true"),
            _ => new LiteralExpr(LiteralKind.Duration, DurationOf(raw)),
        };
        return literal with { Text = TextFrom(start) };
    }

    /// <summary>
    /// An integer as <see cref="long"/>, as <see cref="ulong"/> above <see cref="long.MaxValue"/>, and as a
    /// double when it fits neither (or is negative below <see cref="long.MinValue"/>).
    /// </summary>
    private static LiteralExpr IntegerLiteral(string digits, bool negative)
    {
        if (!ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out ulong u))
        {
            return FloatLiteral(double.Parse(digits, CultureInfo.InvariantCulture), negative);
        }
        if (!negative)
        {
            return u <= long.MaxValue ? new LiteralExpr(LiteralKind.Integer, (long)u) : new LiteralExpr(LiteralKind.Integer, u);
        }
        return u <= (ulong)long.MaxValue + 1
            ? new LiteralExpr(LiteralKind.Integer, u == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)u)
            : new LiteralExpr(LiteralKind.Float, -(double)u);
    }

    private static LiteralExpr FloatLiteral(double value, bool negative) => new(LiteralKind.Float, negative ? -value : value);
}
