using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>
/// Time slicing: the window clauses (INTERVAL, SESSION, STATE_WINDOW, EVENT_WINDOW, COUNT_WINDOW), FILL,
/// INTERP's RANGE and EVERY, and the durations they take.
/// </summary>
internal sealed partial class Parser
{
    private WindowClause? ParseWindow()
    {
        if (TryKw("interval"))
        {
            return ParseIntervalWindow();
        }
        if (TryKw("session"))
        {
            Expect(TokenKind.LParen);
            var column = ParseColumnReference();
            Expect(TokenKind.Comma);
            var gap = ParseWindowDuration();
            Expect(TokenKind.RParen);
            return new SessionWindow(column, gap);
        }
        if (TryKw("state_window"))
        {
            return new StateWindow(ParseParenthesized(ParseExpression));
        }
        if (TryKw("event_window"))
        {
            return ParseEventWindow();
        }
        if (TryKw("count_window"))
        {
            Expect(TokenKind.LParen);
            long count = ParseInteger();
            long? sliding = TryTake(TokenKind.Comma) ? ParseInteger() : null;
            Expect(TokenKind.RParen);
            return new CountWindow(count, sliding);
        }
        return null;
    }

    /// <summary>After INTERVAL: <c>(length[, offset]) [SLIDING(step)] [FILL(…)]</c>.</summary>
    private IntervalWindow ParseIntervalWindow()
    {
        Expect(TokenKind.LParen);
        var length = ParseWindowDuration();
        Duration? offset = TryTake(TokenKind.Comma) ? ParseWindowDuration() : null;
        Expect(TokenKind.RParen);
        Duration? sliding = TryKw("sliding") ? ParseParenthesized(ParseWindowDuration) : null;
        FillClause? fill = IsKw("fill") ? ParseFill() : null;
        return new IntervalWindow(length, offset, sliding, fill);
    }

    /// <summary>After EVENT_WINDOW: <c>START WITH cond END WITH cond</c>.</summary>
    private EventWindow ParseEventWindow()
    {
        ExpectKw("start");
        ExpectKw("with");
        var startCondition = ParseCondition();
        ExpectKw("end");
        ExpectKw("with");
        var endCondition = ParseCondition();
        return new EventWindow(startCondition, endCondition);
    }

    /// <summary>After RANGE: <c>(start[, end])</c>.</summary>
    private RangeClause ParseRangeBody()
    {
        Expect(TokenKind.LParen);
        var start = ParseExpression();
        Expr? end = TryTake(TokenKind.Comma) ? ParseExpression() : null;
        Expect(TokenKind.RParen);
        return new RangeClause(start, end);
    }

    private FillClause ParseFill()
    {
        ExpectKw("fill");
        Expect(TokenKind.LParen);
        var t = _cur;
        var mode = (t.Kind == TokenKind.Keyword ? FillModeNamed(t.Word!) : null) ?? throw Fail(t);
        Advance();
        List<Expr> values = [];
        if (mode is FillMode.Value or FillMode.ValueF)
        {
            Expect(TokenKind.Comma);
            values = ParseCommaList(ParseExpression);
        }
        Expect(TokenKind.RParen);
        return new FillClause(mode, values);
    }

    private static FillMode? FillModeNamed(string word) => word switch
    {
        "none" => FillMode.None,
        "null" => FillMode.Null,
        "null_f" => FillMode.NullF,
        "prev" => FillMode.Prev,
        "next" => FillMode.Next,
        "linear" => FillMode.Linear,
        "value" => FillMode.Value,
        "value_f" => FillMode.ValueF,
        _ => null,
    };

    // ------------------------------------------------------------------ durations

    private Duration ParseDuration() => DurationOf(TextOf(Expect(TokenKind.Duration)));

    /// <summary>A window length, offset, sliding step or gap: a duration, or (sql.y) the same quoted, as in <c>interval('10s')</c>.</summary>
    private Duration ParseWindowDuration()
    {
        var t = _cur;
        if (t.Kind != TokenKind.String)
        {
            return ParseDuration();
        }
        string content = Lexer.Unquote(_sql, t.Start, t.Length);
        if (content.Length >= 2 && content[^1] is 'b' or 'u' or 'a' or 's' or 'm' or 'h' or 'd' or 'w' or 'n' or 'y'
            && content.AsSpan(0, content.Length - 1).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            Advance();
            return DurationOf(content);
        }
        throw Fail(t);
    }

    /// <summary><c>10s</c> → 10 of unit 's'.</summary>
    private static Duration DurationOf(string text) => new(ParseDigits(text.AsSpan(0, text.Length - 1)), text[^1], text);
}
