using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>
/// The values of INSERT rows and tag lists (<see cref="InsertValue"/>): read by INSERT's scanner, and by the grammar
/// for CREATE TABLE … USING … TAGS and ALTER TABLE … SET TAG. Both read the plain values (unsigned numbers,
/// strings, booleans, NULL, <c>?</c>) and a <c>± duration</c> after a value alike; they differ in the rest.
/// </summary>
internal sealed partial class Parser
{
    private static readonly IReadOnlyList<(char Sign, Duration Duration)> NoOffsets = [];

    /// <summary>One value of INSERT's scanner (a sign glued to a number belongs to it) and any <c>± duration</c> after it.</summary>
    private InsertValue ParseInsertValue() => ParseValue(scanned: true);

    /// <summary>A tag value of CREATE TABLE … USING … TAGS (…), which goes through the grammar (so commas are required).</summary>
    private InsertValue ParseTagExpressionValue() => ParseValue(scanned: false);

    /// <summary>
    /// A plain value, or else what INSERT's scanner (<paramref name="scanned"/>) or the grammar reads from the token at
    /// the cursor, then the offset <see cref="ValueWithOffset"/> reads. (A flag, not a delegate: this runs per value.)
    /// </summary>
    private InsertValue ParseValue(bool scanned)
    {
        var t = _cur;
        var plain = PlainValueOf(t);
        if (plain is not null)
        {
            Advance();
        }
        var (kind, text) = plain ?? (scanned ? ReadScannedValue(t) : ReadGrammarValue(t));
        return ValueWithOffset(kind, text, t.Start);
    }

    /// <summary>
    /// The values both INSERT's scanner and the grammar's tag list read alike: an unsigned number, a string, a
    /// boolean, NULL or <c>?</c>; null for anything else.
    /// </summary>
    private (InsertValueKind Kind, string Text)? PlainValueOf(Token t) => t.Kind switch
    {
        TokenKind.Integer or TokenKind.Float => (InsertValueKind.Number, TextOf(t)),
        TokenKind.String => (InsertValueKind.String, Lexer.Unquote(_sql, t.Start, t.Length)),
        TokenKind.Bool => (InsertValueKind.Bool, t.Word!),
        TokenKind.Keyword when t.Word == "null" => (InsertValueKind.Null, "null"),
        TokenKind.Question => (InsertValueKind.Placeholder, "?"),
        _ => null,
    };

    /// <summary>INSERT's scanner: a glued sign and number, hex and binary numbers, NOW/TODAY, any other word.</summary>
    private (InsertValueKind Kind, string Text) ReadScannedValue(Token t)
    {
        switch (t.Kind)
        {
            case TokenKind.Minus or TokenKind.Plus:
            {
                var n = Peek();
                if (n.Start != t.End || n.Kind is not (TokenKind.Integer or TokenKind.Float))
                {
                    throw InsertError(t, "invalid data or symbol");
                }
                Advance();
                Advance();
                return (InsertValueKind.Number, _sql.Substring(t.Start, n.End - t.Start));
            }
            case TokenKind.Hex or TokenKind.Bin:
                Advance();
                return (InsertValueKind.Number, TextOf(t));
            case TokenKind.Keyword when t.Word is "now" or "today":
                Advance();
                if (Is(TokenKind.LParen) && Peek().Kind == TokenKind.RParen)
                {
                    Advance();
                    Advance();
                }
                return (InsertValueKind.TimeFunction, t.Word!);
            case TokenKind.Id or TokenKind.QuotedId or TokenKind.Keyword or TokenKind.Alias or TokenKind.Duration
                or TokenKind.IpAddress:
                Advance();
                return (InsertValueKind.Word, TextOf(t));
            default:
                throw InsertError(t, "invalid data or symbol");
        }
    }

    /// <summary>The grammar's tag value: a signed number, NOW/TODAY as functions, an identifier or a duration.</summary>
    private (InsertValueKind Kind, string Text) ReadGrammarValue(Token t)
    {
        switch (t.Kind)
        {
            case TokenKind.Minus or TokenKind.Plus:
                Advance();
                return (InsertValueKind.Number, _sql[t.Start] + TextOf(ExpectUnsignedNumber()));
            case TokenKind.Keyword when t.Word is "now" or "today":
                ParseNoArgFunctionCall();
                return (InsertValueKind.TimeFunction, t.Word!);
            case TokenKind.Id or TokenKind.QuotedId or TokenKind.Duration:
                Advance();
                return (InsertValueKind.Word, TextOf(t));
            default:
                throw Fail(t);
        }
    }

    /// <summary>
    /// The value and the one <c>± duration</c> TDengine's <c>parseTime</c> reads after it: a second one is left for
    /// the caller, which then wants a comma (<c>now + 1h - 1m</c> fails there).
    /// </summary>
    private InsertValue ValueWithOffset(InsertValueKind kind, string text, int start)
    {
        int offsetPosition = _cur.Start;
        IReadOnlyList<(char Sign, Duration Duration)> offsets = NoOffsets;
        if ((Is(TokenKind.Plus) || Is(TokenKind.Minus)) && Peek().Kind == TokenKind.Duration)
        {
            char sign = Is(TokenKind.Plus) ? '+' : '-';
            Advance();
            offsets = [(sign, ParseDuration())];
        }
        return new InsertValue(kind, text, start, offsets) { OffsetPosition = offsetPosition };
    }
}
