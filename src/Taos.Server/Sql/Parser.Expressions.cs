using Taos.Server.Engine.Functions;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>
/// Expressions and conditions. Precedence, loosest first: OR, AND, NOT, predicates (comparison, LIKE, IN, BETWEEN,
/// IS NULL, …), <c>&amp; |</c>, <c>+ -</c>, <c>* / %</c>, unary <c>+ -</c>, primaries (including <c>col-&gt;'key'</c>).
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> PseudoColumns = new(StringComparer.Ordinal)
    {
        "tbname", "_rowts", "_c0", "_qstart", "_qend", "_qduration", "_wstart", "_wend", "_wduration", "_irowts",
        "_isfilled", "_tags",
    };

    /// <summary>sql.y's common_expression: an arithmetic expression or a boolean condition (ORs of ANDs of …).</summary>
    private Expr ParseCondition() => ParseBinaryLevel(ParseAnd, t => t.IsKeyword("or") ? BinaryOp.Or : null);

    /// <summary>One level of left-associative binary operators: <c>operand {op operand}</c>.</summary>
    private Expr ParseBinaryLevel(Func<Expr> parseOperand, Func<Token, BinaryOp?> operatorOf)
    {
        int start = _cur.Start;
        var left = parseOperand();
        while (operatorOf(_cur) is { } op)
        {
            Advance();
            var right = parseOperand();
            left = Tracked(new BinaryExpr(op, left, right) { Text = TextFrom(start) });
        }
        return left;
    }

    private Expr ParseAnd() => ParseBinaryLevel(ParseNot, t => t.IsKeyword("and") ? BinaryOp.And : null);

    private Expr ParseNot()
    {
        int start = _cur.Start;
        if (TryKw("not"))
        {
            Enter();
            var operand = ParsePredicate();
            Leave();
            return Tracked(new UnaryExpr(UnaryOp.Not, operand) { Text = TextFrom(start) });
        }
        return ParsePredicate();
    }

    /// <summary>An expression, and the comparison, LIKE, MATCH, [NOT] BETWEEN/IN/LIKE or IS [NOT] NULL after it if any.</summary>
    private Expr ParsePredicate()
    {
        int start = _cur.Start;
        var left = ParseExpression();
        var t = _cur;
        if (ComparisonOf(t) is { } op)
        {
            Advance();
            var right = ParseExpression();
            return Tracked(new BinaryExpr(op, left, right) { Text = TextFrom(start) });
        }
        if (t.IsKeyword("not"))
        {
            var next = Peek();
            if (!(next.IsKeyword("like") || next.IsKeyword("in") || next.IsKeyword("between")))
            {
                return left;
            }
            Advance();
            return ParseKeywordPredicate(left, start, negated: true);
        }
        return t.Kind == TokenKind.Keyword ? ParseKeywordPredicate(left, start, negated: false) : left;
    }

    /// <summary>The operators that join two expressions into a predicate: comparisons, LIKE, MATCH, NMATCH, CONTAINS.</summary>
    private static BinaryOp? ComparisonOf(Token t) => t.Kind switch
    {
        TokenKind.Eq => BinaryOp.Equal,
        TokenKind.Ne => BinaryOp.NotEqual,
        TokenKind.Lt => BinaryOp.Less,
        TokenKind.Le => BinaryOp.LessOrEqual,
        TokenKind.Gt => BinaryOp.Greater,
        TokenKind.Ge => BinaryOp.GreaterOrEqual,
        TokenKind.Keyword => t.Word switch
        {
            "like" => BinaryOp.Like,
            "match" => BinaryOp.Match,
            "nmatch" => BinaryOp.NotMatch,
            "contains" => BinaryOp.Contains,
            _ => null,
        },
        _ => null,
    };

    /// <summary>
    /// After <paramref name="left"/> (and a NOT when <paramref name="negated"/>): <c>LIKE</c> (only ever reached as
    /// NOT LIKE), <c>BETWEEN a AND b</c>, <c>IN (…)</c>, <c>IS [NOT] NULL</c>; else <paramref name="left"/> alone.
    /// </summary>
    private Expr ParseKeywordPredicate(Expr left, int start, bool negated)
    {
        if (TryKw("like"))
        {
            var right = ParseExpression();
            return Tracked(new BinaryExpr(BinaryOp.NotLike, left, right) { Text = TextFrom(start) });
        }
        if (TryKw("between"))
        {
            var low = ParseExpression();
            ExpectKw("and");
            var high = ParseExpression();
            return Tracked(new BetweenExpr(left, low, high, negated) { Text = TextFrom(start) });
        }
        if (TryKw("in"))
        {
            var values = ParseParenthesizedList(ParseSignedLiteral);
            return Tracked(new InExpr(left, values, negated) { Text = TextFrom(start) });
        }
        if (TryKw("is"))
        {
            bool not = TryKw("not");
            ExpectKw("null");
            return Tracked(new IsNullExpr(left, not) { Text = TextFrom(start) });
        }
        return left;
    }

    /// <summary>sql.y's expression: arithmetic and bit operators over primaries.</summary>
    private Expr ParseExpression() => ParseBinaryLevel(ParseAdditive, t => t.Kind switch
    {
        TokenKind.BitAnd => BinaryOp.BitAnd,
        TokenKind.BitOr => BinaryOp.BitOr,
        _ => null,
    });

    private Expr ParseAdditive() => ParseBinaryLevel(ParseMultiplicative, t => t.Kind switch
    {
        TokenKind.Plus => BinaryOp.Add,
        TokenKind.Minus => BinaryOp.Subtract,
        _ => null,
    });

    private Expr ParseMultiplicative() => ParseBinaryLevel(ParseUnary, t => t.Kind switch
    {
        TokenKind.Star => BinaryOp.Multiply,
        TokenKind.Slash => BinaryOp.Divide,
        TokenKind.Percent => BinaryOp.Modulo,
        _ => null,
    });

    private Expr ParseUnary()
    {
        int start = _cur.Start;
        if (Is(TokenKind.Minus) || Is(TokenKind.Plus))
        {
            var op = Is(TokenKind.Minus) ? UnaryOp.Negate : UnaryOp.Plus;
            Advance();
            // In sql.y a unary sign binds looser than * / %: "-a * b" is "-(a * b)".
            Enter();
            var operand = ParseMultiplicative();
            Leave();
            return Tracked(new UnaryExpr(op, operand) { Text = TextFrom(start) });
        }
        return ParsePrimary();
    }

    private Expr ParsePrimary()
    {
        var t = _cur;
        if (TryParseLiteralToken() is { } literal)
        {
            return literal;
        }
        switch (t.Kind)
        {
            case TokenKind.LParen:
                return ParseParenthesizedExpression();
            case TokenKind.Id or TokenKind.QuotedId:
                return Peek().Kind == TokenKind.LParen ? ParseFunctionCall() : ParseColumnReferenceWithArrow();
            case TokenKind.Alias:
                Advance();
                return ParseArrow(new ColumnExpr(null, t.Word!) { Text = TextFrom(t.Start) }, t.Start);
            case TokenKind.Keyword:
                return ParseKeywordPrimary(t);
            default:
                throw Fail(t);
        }
    }

    /// <summary><c>(condition)</c>: the inner expression with the parentheses in its text (a subquery is refused).</summary>
    private Expr ParseParenthesizedExpression()
    {
        int start = _cur.Start;
        Advance();
        if (IsKw("select"))
        {
            throw Fail(_cur);
        }
        Enter();
        var inner = ParseCondition();
        Leave();
        Expect(TokenKind.RParen);
        var parenthesized = inner with { Text = TextFrom(start) };
        _depths[parenthesized] = DepthOf(inner);
        return parenthesized;
    }

    /// <summary>A primary that starts with a keyword: NULL, TIMESTAMP '…', a keyword function, CAST, CASE, a pseudo-column.</summary>
    private Expr ParseKeywordPrimary(Token t)
    {
        string word = t.Word!;
        if (word == "null")
        {
            Advance();
            return new LiteralExpr(LiteralKind.Null, null) { Text = TextFrom(t.Start) };
        }
        if (word == "timestamp")
        {
            Advance();
            var s = Expect(TokenKind.String);
            return new LiteralExpr(LiteralKind.Timestamp, Lexer.Unquote(_sql, s.Start, s.Length)) { Text = TextFrom(t.Start) };
        }
        if (FunctionCatalog.TakesNoArguments(word))
        {
            return ParseNoArgFunctionCall();
        }
        if (FunctionCatalog.AcceptsStar(word))
        {
            return ParseStarFunctionCall();
        }
        if (word == "cast")
        {
            return ParseCast();
        }
        if (word == "case")
        {
            return ParseCase();
        }
        if (PseudoColumns.Contains(word))
        {
            Advance();
            return new ColumnExpr(null, word) { Text = TextFrom(t.Start) };
        }
        throw Fail(t);
    }

    private Expr ParseCase()
    {
        int start = _cur.Start;
        ExpectKw("case");
        Enter();
        Expr? operand = IsKw("when") ? null : ParseCondition();
        var branches = new List<(Expr When, Expr Then)>();
        do
        {
            ExpectKw("when");
            var when = ParseCondition();
            ExpectKw("then");
            var then = ParseCondition();
            branches.Add((when, then));
        }
        while (IsKw("when"));
        Expr? elseExpr = TryKw("else") ? ParseCondition() : null;
        ExpectKw("end");
        Leave();
        return Tracked(new CaseExpr(operand, branches, elseExpr) { Text = TextFrom(start) });
    }

    // ------------------------------------------------------------------ column references

    /// <summary><c>col</c>, <c>t.col</c>, <c>t.tbname</c> (sql.y column_reference / pseudo_column).</summary>
    private ColumnExpr ParseColumnReference()
    {
        var t = _cur;
        int start = t.Start;
        if (t.Kind == TokenKind.Alias)
        {
            Advance();
            return new ColumnExpr(null, t.Word!) { Text = TextFrom(start) };
        }
        if (!IsIdentifier(t))
        {
            throw Fail(t);
        }
        Advance();
        if (Is(TokenKind.Dot))
        {
            Advance();
            var c = _cur;
            if (IsIdentifier(c))
            {
                CheckNameLength(t, t.Word!, MaxTableNameBytes);
                CheckNameLength(c, c.Word!, MaxColumnNameBytes);
            }
            else if (!(c.IsKeyword("tbname") || c.Kind == TokenKind.Alias))
            {
                throw Fail(c);
            }
            Advance();
            return new ColumnExpr(t.Word, c.Word!) { Text = TextFrom(start) };
        }
        CheckNameLength(t, t.Word!, MaxColumnNameBytes);
        return new ColumnExpr(null, t.Word!) { Text = TextFrom(start) };
    }

    private Expr ParseColumnReferenceWithArrow()
    {
        int start = _cur.Start;
        var column = ParseColumnReference();
        return column.Name == "tbname" && column.Qualifier is not null ? column : ParseArrow(column, start);
    }

    /// <summary><c>-&gt;'key'</c> after a column (a JSON tag), if written.</summary>
    private Expr ParseArrow(ColumnExpr column, int start)
    {
        if (!TryTake(TokenKind.Arrow))
        {
            return column;
        }
        var key = Expect(TokenKind.String);
        var keyLiteral = new LiteralExpr(LiteralKind.String, Lexer.Unquote(_sql, key.Start, key.Length)) { Text = TextOf(key) };
        return new BinaryExpr(BinaryOp.JsonGet, column, keyLiteral) { Text = TextFrom(start) };
    }
}
