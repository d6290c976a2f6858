using System.Globalization;
using Taos.Server.Engine.Functions;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

internal sealed partial class Parser
{
    private static readonly HashSet<string> PseudoColumns = new(StringComparer.Ordinal)
    {
        "tbname", "_rowts", "_c0", "_qstart", "_qend", "_qduration", "_wstart", "_wend", "_wduration", "_irowts",
        "_isfilled", "_tags",
    };

    /// <summary><c>(query)</c> as a whole statement, possibly nested in more parentheses.</summary>
    private SelectStatement ParseParenthesizedQuery()
    {
        Expect(TokenKind.LParen);
        Enter();
        var query = Is(TokenKind.LParen) ? ParseParenthesizedQuery() : ParseQueryExpression();
        Leave();
        Expect(TokenKind.RParen);
        return query;
    }

    /// <summary>A whole query statement: one SELECT, or several joined by UNION [ALL].</summary>
    private Statement ParseQueryStatement()
    {
        SelectStatement first;
        if (Is(TokenKind.LParen))
        {
            first = ParseParenthesizedQuery();
        }
        else
        {
            first = ParseQuerySpecification();
            if (!IsKw("union"))
            {
                // ORDER BY/LIMIT here end the statement: sql.y allows no UNION after them.
                var (order, sl, l) = ParseOrderAndLimits();
                return first with { OrderBy = order, SLimit = sl, Limit = l, Sql = _sql };
            }
        }
        if (!IsKw("union"))
        {
            return first;
        }
        var queries = new List<SelectStatement> { first };
        var all = new List<bool>();
        while (TryKw("union"))
        {
            all.Add(TryKw("all"));
            queries.Add(Is(TokenKind.LParen) ? ParseParenthesizedQuery() : ParseQuerySpecification());
        }
        var (orderBy, slimit, limit) = ParseOrderAndLimits();
        return new UnionStatement(queries, all, orderBy, slimit, limit);
    }

    private (List<OrderItem> OrderBy, LimitClause? SLimit, LimitClause? Limit) ParseOrderAndLimits()
    {
        var orderBy = ParseByClause("order", ParseOrderItem);
        LimitClause? slimit = null, limit = null;
        if (TryKw("slimit"))
        {
            slimit = ParseLimitBody("soffset");
        }
        if (TryKw("limit"))
        {
            limit = ParseLimitBody("offset");
        }
        return (orderBy, slimit, limit);
    }

    /// <summary><c>SELECT … [ORDER BY …] [SLIMIT …] [LIMIT …]</c>.</summary>
    private SelectStatement ParseQueryExpression()
    {
        var spec = ParseQuerySpecification();
        var (orderBy, slimit, limit) = ParseOrderAndLimits();
        return spec with { OrderBy = orderBy, SLimit = slimit, Limit = limit, Sql = _sql };
    }

    private LimitClause ParseLimitBody(string offsetKeyword)
    {
        long first = ParseInteger();
        if (TryKw(offsetKeyword))
        {
            return new LimitClause(first, ParseInteger());
        }
        if (TryTake(TokenKind.Comma))
        {
            return new LimitClause(ParseInteger(), first);
        }
        return new LimitClause(first, 0);
    }

    private long ParseInteger()
    {
        var t = Expect(TokenKind.Integer);
        return ParseDigits(_sql.AsSpan(t.Start, t.Length));
    }

    /// <summary><c>ORDER BY …</c>, <c>PARTITION BY …</c>, <c>GROUP BY …</c>: the list after the keyword, else empty.</summary>
    private List<T> ParseByClause<T>(string keyword, Func<T> parseItem)
    {
        if (!TryKw(keyword))
        {
            return [];
        }
        ExpectKw("by");
        return ParseCommaList(parseItem);
    }

    private OrderItem ParseOrderItem()
    {
        var expr = ParseExpression();
        bool descending = false;
        if (TryKw("desc"))
        {
            descending = true;
        }
        else
        {
            TryKw("asc");
        }
        bool? nullsFirst = null;
        if (TryKw("nulls"))
        {
            if (TryKw("first"))
            {
                nullsFirst = true;
            }
            else
            {
                ExpectKw("last");
                nullsFirst = false;
            }
        }
        return new OrderItem(expr, descending, nullsFirst);
    }

    private SelectStatement ParseQuerySpecification()
    {
        ExpectKw("select");
        TryTake(TokenKind.Hint);
        bool distinct = false;
        if (TryKw("distinct"))
        {
            distinct = true;
        }
        else
        {
            TryKw("all");
        }
        bool tagsMode = TryKw("tags");
        var items = ParseCommaList(ParseSelectItem);

        FromSource? from = null;
        if (TryKw("from"))
        {
            from = ParseFromSource();
        }
        Expr? where = TryKw("where") ? ParseCondition() : null;
        var partitionBy = ParseByClause("partition", ParsePartitionItem);
        RangeClause? range = null;
        if (TryKw("range"))
        {
            Expect(TokenKind.LParen);
            var rangeStart = ParseExpression();
            Expr? rangeEnd = TryTake(TokenKind.Comma) ? ParseExpression() : null;
            Expect(TokenKind.RParen);
            range = new RangeClause(rangeStart, rangeEnd);
        }
        Duration? every = null;
        if (TryKw("every"))
        {
            Expect(TokenKind.LParen);
            every = ParseDuration();
            Expect(TokenKind.RParen);
        }
        FillClause? fill = IsKw("fill") ? ParseFill() : null;
        WindowClause? window = ParseWindow();
        var groupBy = ParseByClause("group", ParseExpression);
        Expr? having = TryKw("having") ? ParseCondition() : null;
        return new SelectStatement(distinct, items, from, where, partitionBy, window, groupBy, having, [], null, null)
        {
            TagsMode = tagsMode,
            Range = range,
            Every = every,
            Fill = fill,
            Sql = _sql,
        };
    }

    private Expr ParsePartitionItem()
    {
        var expr = ParseExpression();
        // An alias here only renames the group key in TDengine's plan; the AST keeps the expression.
        ParseOptionalAlias();
        return expr;
    }

    private SelectItem ParseSelectItem()
    {
        int start = _cur.Start;
        if (Is(TokenKind.Star))
        {
            Advance();
            return new SelectItem(new StarExpr(null) { Text = "*" }, null, "*");
        }
        if (AtQualifiedStar())
        {
            var qualifierToken = _cur;
            string qualifier = qualifierToken.Word!;
            CheckNameLength(qualifierToken, qualifier, MaxTableNameBytes);
            Advance();
            Advance();
            Advance();
            string text = TextFrom(start);
            return new SelectItem(new StarExpr(qualifier) { Text = text }, null, text);
        }
        var expr = ParseCondition();
        return new SelectItem(expr, ParseOptionalAlias(), expr.Text);
    }

    /// <summary><c>[AS] alias</c>, or null when none follows.</summary>
    private string? ParseOptionalAlias() =>
        TryKw("as") || Is(TokenKind.Id) || Is(TokenKind.QuotedId) || Is(TokenKind.Alias) ? ParseAlias() : null;

    /// <summary><c>t.*</c> starts at the cursor.</summary>
    private bool AtQualifiedStar() =>
        (Is(TokenKind.Id) || Is(TokenKind.QuotedId)) && Peek().Kind == TokenKind.Dot && Peek(2).Kind == TokenKind.Star;

    /// <summary>A column alias: an identifier or a non-ASCII word; TDengine keeps at most 64 bytes of it.</summary>
    private string ParseAlias()
    {
        var t = _cur;
        if (t.Kind is not (TokenKind.Id or TokenKind.QuotedId or TokenKind.Alias))
        {
            throw Fail(t);
        }
        Advance();
        return SqlErrors.Utf8Length(t.Word!) <= MaxColumnNameBytes ? t.Word! : TruncateWholeChars(t.Word!, MaxColumnNameBytes);
    }

    private static string TruncateWholeChars(string text, int maxBytes)
    {
        int bytes = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int width = char.IsHighSurrogate(text[i]) ? 4 : text[i] < 0x80 ? 1 : text[i] < 0x800 ? 2 : 3;
            if (bytes + width > maxBytes)
            {
                return text[..i];
            }
            bytes += width;
            if (width == 4)
            {
                i++;
            }
        }
        return text;
    }

    private FromSource ParseFromSource()
    {
        var source = ParseTableReference();
        while (TryTake(TokenKind.Comma))
        {
            source = new JoinSource(source, ParseTableReference(), "inner", null);
        }
        return source;
    }

    private static readonly HashSet<string> JoinWords = new(StringComparer.Ordinal)
    {
        "inner", "left", "right", "full", "outer", "semi", "anti", "asof", "window",
    };

    /// <summary>A table primary followed by any number of <c>[type] JOIN primary ON cond</c>.</summary>
    private FromSource ParseTableReference()
    {
        var source = ParseTablePrimary();
        while (IsKw("join") || (Is(TokenKind.Keyword) || Is(TokenKind.Id)) && JoinWords.Contains(_cur.Word!))
        {
            var words = new List<string>();
            while (!IsKw("join"))
            {
                if (!(Is(TokenKind.Keyword) || Is(TokenKind.Id)) || !JoinWords.Contains(_cur.Word!))
                {
                    throw Fail(_cur);
                }
                words.Add(_cur.Word!);
                Advance();
            }
            Advance(); // JOIN
            var right = ParseTablePrimary();
            ExpectKw("on");
            var on = ParseCondition();
            source = new JoinSource(source, right, words.Count == 0 ? "inner" : string.Join(" ", words), on);
        }
        return source;
    }

    private FromSource ParseTablePrimary()
    {
        FromSource source;
        if (Is(TokenKind.LParen))
        {
            source = new SubquerySource(ParseParenthesizedQuery(), ParseTableAlias());
        }
        else
        {
            var name = ParseTableName();
            source = new TableSource(name, ParseTableAlias());
        }
        return source;
    }

    private string? ParseTableAlias()
    {
        if (TryKw("as"))
        {
            return ParseName(MaxTableNameBytes);
        }
        if (Is(TokenKind.Id) && JoinWords.Contains(_cur.Word!))
        {
            return null; // "from a left join b": LEFT starts the join, it is no alias
        }
        return Is(TokenKind.Id) || Is(TokenKind.QuotedId) ? ParseName(MaxTableNameBytes) : null;
    }

    // ------------------------------------------------------------------ windows

    private WindowClause? ParseWindow()
    {
        if (TryKw("interval"))
        {
            Expect(TokenKind.LParen);
            var length = ParseWindowDuration();
            Duration? offset = null;
            if (TryTake(TokenKind.Comma))
            {
                offset = ParseWindowDuration();
            }
            Expect(TokenKind.RParen);
            Duration? sliding = null;
            if (TryKw("sliding"))
            {
                Expect(TokenKind.LParen);
                sliding = ParseWindowDuration();
                Expect(TokenKind.RParen);
            }
            FillClause? fill = IsKw("fill") ? ParseFill() : null;
            return new IntervalWindow(length, offset, sliding, fill);
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
            Expect(TokenKind.LParen);
            var expr = ParseExpression();
            Expect(TokenKind.RParen);
            return new StateWindow(expr);
        }
        if (TryKw("event_window"))
        {
            ExpectKw("start");
            ExpectKw("with");
            var startCondition = ParseCondition();
            ExpectKw("end");
            ExpectKw("with");
            var endCondition = ParseCondition();
            return new EventWindow(startCondition, endCondition);
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

    private Duration ParseDuration()
    {
        var t = Expect(TokenKind.Duration);
        return MakeDuration(t);
    }

    /// <summary>A window length, offset, sliding step or gap: a duration, or (sql.y) the same quoted, as in <c>interval('10s')</c>.</summary>
    private Duration ParseWindowDuration()
    {
        var t = _cur;
        if (t.Kind == TokenKind.String)
        {
            string content = Lexer.Unquote(_sql, t.Start, t.Length);
            if (content.Length >= 2 && content[^1] is 'b' or 'u' or 'a' or 's' or 'm' or 'h' or 'd' or 'w' or 'n' or 'y'
                && content.AsSpan(0, content.Length - 1).IndexOfAnyExceptInRange('0', '9') < 0)
            {
                Advance();
                return DurationOf(content);
            }
            throw Fail(t);
        }
        return ParseDuration();
    }

    private Duration MakeDuration(Token t) => DurationOf(_sql.Substring(t.Start, t.Length));

    /// <summary><c>10s</c> → 10 of unit 's'.</summary>
    private static Duration DurationOf(string text) => new(ParseDigits(text.AsSpan(0, text.Length - 1)), text[^1], text);

    private FillClause ParseFill()
    {
        ExpectKw("fill");
        Expect(TokenKind.LParen);
        var t = _cur;
        if (t.Kind != TokenKind.Keyword)
        {
            throw Fail(t);
        }
        FillMode mode = t.Word switch
        {
            "none" => FillMode.None,
            "null" => FillMode.Null,
            "null_f" => FillMode.NullF,
            "prev" => FillMode.Prev,
            "next" => FillMode.Next,
            "linear" => FillMode.Linear,
            "value" => FillMode.Value,
            "value_f" => FillMode.ValueF,
            _ => throw Fail(t),
        };
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

    // ------------------------------------------------------------------ expressions
    // Precedence, loosest first: OR, AND, NOT, predicates (comparison, LIKE, IN, BETWEEN, IS NULL, …),
    // & |, + -, * / %, unary + -, primaries (including col->'key').

    /// <summary>sql.y's common_expression: an arithmetic expression or a boolean condition.</summary>
    private Expr ParseCondition() => ParseOr();

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

    private Expr ParseOr() => ParseBinaryLevel(ParseAnd, t => t.IsKeyword("or") ? BinaryOp.Or : null);

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

    private Expr ParsePredicate()
    {
        int start = _cur.Start;
        var left = ParseExpression();
        var t = _cur;
        BinaryOp? op = t.Kind switch
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
        if (op is not null)
        {
            Advance();
            var right = ParseExpression();
            return Tracked(new BinaryExpr(op.Value, left, right) { Text = TextFrom(start) });
        }
        if (t.Kind != TokenKind.Keyword)
        {
            return left;
        }
        bool negated = false;
        if (t.Word == "not")
        {
            var next = Peek();
            if (!(next.IsKeyword("like") || next.IsKeyword("in") || next.IsKeyword("between")))
            {
                return left;
            }
            Advance();
            negated = true;
        }
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
            Expect(TokenKind.LParen);
            var values = ParseCommaList(ParseSignedLiteral);
            Expect(TokenKind.RParen);
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
        int start = t.Start;
        if (TryParseLiteralToken() is { } literal)
        {
            return literal;
        }
        switch (t.Kind)
        {
            case TokenKind.LParen:
            {
                Advance();
                if (IsKw("select"))
                {
                    throw Fail(_cur);
                }
                Enter();
                var inner = ParseCondition();
                Leave();
                Expect(TokenKind.RParen);
                var parenthesized = WithText(inner, TextFrom(start));
                _depths[parenthesized] = DepthOf(inner);
                return parenthesized;
            }
            case TokenKind.Id or TokenKind.QuotedId:
                if (Peek().Kind == TokenKind.LParen)
                {
                    return ParseFunctionCall();
                }
                return ParseColumnReferenceWithArrow();
            case TokenKind.Alias:
                Advance();
                return ParseArrow(new ColumnExpr(null, t.Word!) { Text = TextFrom(start) }, start);
            case TokenKind.Keyword:
                return ParseKeywordPrimary(t);
            default:
                throw Fail(t);
        }
    }

    private Expr ParseKeywordPrimary(Token t)
    {
        int start = t.Start;
        string word = t.Word!;
        if (word == "null")
        {
            Advance();
            return new LiteralExpr(LiteralKind.Null, null) { Text = TextFrom(start) };
        }
        if (word == "timestamp")
        {
            Advance();
            var s = Expect(TokenKind.String);
            return new LiteralExpr(LiteralKind.Timestamp, Lexer.Unquote(_sql, s.Start, s.Length)) { Text = TextFrom(start) };
        }
        if (word == "now" && Peek().Kind != TokenKind.LParen)
        {
            Advance();
            return new FunctionExpr("now", []) { Text = TextFrom(start) };
        }
        if (FunctionCatalog.TakesNoArguments(word))
        {
            Advance();
            Expect(TokenKind.LParen);
            Expect(TokenKind.RParen);
            return new FunctionExpr(word, []) { Text = TextFrom(start) };
        }
        if (FunctionCatalog.AcceptsStar(word))
        {
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
            return Tracked(new FunctionExpr(word, args) { Text = TextFrom(start) });
        }
        if (word == "cast")
        {
            Advance();
            Expect(TokenKind.LParen);
            Enter();
            var operand = ParseExpression();
            Leave();
            ExpectKw("as");
            var type = ParseTypeName();
            Expect(TokenKind.RParen);
            return Tracked(new CastExpr(operand, type) { Text = TextFrom(start) });
        }
        if (word == "case")
        {
            return ParseCase();
        }
        if (PseudoColumns.Contains(word))
        {
            Advance();
            return new ColumnExpr(null, word) { Text = TextFrom(start) };
        }
        throw Fail(t);
    }

    private Expr ParseStarFunctionArgument()
    {
        if (AtQualifiedStar())
        {
            int start = _cur.Start;
            string qualifier = _cur.Word!;
            Advance();
            Advance();
            Advance();
            return new StarExpr(qualifier) { Text = TextFrom(start) };
        }
        return ParseExpression();
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

    private Expr ParseFunctionCall()
    {
        var t = _cur;
        int start = t.Start;
        Advance();
        Expect(TokenKind.LParen);
        // sql.y: function_name NK_LP expression_list NK_RP, so at least one argument.
        Enter();
        var args = ParseCommaList(ParseExpression);
        Leave();
        Expect(TokenKind.RParen);
        return Tracked(new FunctionExpr(t.Word!, args) { Text = TextFrom(start) });
    }

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
        if (t.Kind is not (TokenKind.Id or TokenKind.QuotedId))
        {
            throw Fail(t);
        }
        Advance();
        if (Is(TokenKind.Dot))
        {
            Advance();
            var c = _cur;
            if (c.Kind is TokenKind.Id or TokenKind.QuotedId)
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

    private Expr ParseArrow(ColumnExpr column, int start)
    {
        if (!TryTake(TokenKind.Arrow))
        {
            return column;
        }
        var key = Expect(TokenKind.String);
        var keyLiteral = new LiteralExpr(LiteralKind.String, Lexer.Unquote(_sql, key.Start, key.Length))
        {
            Text = _sql.Substring(key.Start, key.Length),
        };
        return new BinaryExpr(BinaryOp.JsonGet, column, keyLiteral) { Text = TextFrom(start) };
    }

    /// <summary>sql.y's signed_literal, the only thing an IN list may hold.</summary>
    private Expr ParseSignedLiteral()
    {
        var t = _cur;
        int start = t.Start;
        if (t.Kind is TokenKind.Minus or TokenKind.Plus)
        {
            Advance();
            var n = _cur;
            if (n.Kind is not (TokenKind.Integer or TokenKind.Float))
            {
                throw Fail(n);
            }
            Advance();
            return MakeLiteral(n, t.Kind == TokenKind.Minus, start);
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

    private LiteralExpr MakeLiteral(Token t, bool negative, int start)
    {
        string raw = _sql.Substring(t.Start, t.Length);
        LiteralExpr literal;
        switch (t.Kind)
        {
            case TokenKind.Integer:
                if (ulong.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out ulong u))
                {
                    if (negative)
                    {
                        literal = u <= (ulong)long.MaxValue + 1
                            ? new LiteralExpr(LiteralKind.Integer, u == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)u)
                            : new LiteralExpr(LiteralKind.Float, -(double)u);
                    }
                    else
                    {
                        literal = u <= long.MaxValue ? new LiteralExpr(LiteralKind.Integer, (long)u) : new LiteralExpr(LiteralKind.Integer, u);
                    }
                }
                else
                {
                    double d = double.Parse(raw, CultureInfo.InvariantCulture);
                    literal = new LiteralExpr(LiteralKind.Float, negative ? -d : d);
                }
                break;
            case TokenKind.Float:
            {
                double d = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
                literal = new LiteralExpr(LiteralKind.Float, negative ? -d : d);
                break;
            }
            case TokenKind.String:
                literal = new LiteralExpr(LiteralKind.String, Lexer.Unquote(_sql, t.Start, t.Length));
                break;
            case TokenKind.Bool:
                literal = new LiteralExpr(LiteralKind.Bool, raw == "true");
                break;
            default:
                literal = new LiteralExpr(LiteralKind.Duration, MakeDuration(t));
                break;
        }
        return literal with { Text = TextFrom(start) };
    }
}
