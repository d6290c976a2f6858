using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>Queries: SELECT and UNION statements, the select list, ORDER BY, SLIMIT and LIMIT.</summary>
internal sealed partial class Parser
{
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
                return WithOrderAndLimits(first);
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

    /// <summary>A query inside another statement (CREATE TOPIC … AS, INSERT … SELECT): parenthesized or not.</summary>
    private SelectStatement ParseEmbeddedQuery() => Is(TokenKind.LParen) ? ParseParenthesizedQuery() : ParseQueryExpression();

    /// <summary><c>(query)</c> as a whole statement, possibly nested in more parentheses.</summary>
    private SelectStatement ParseParenthesizedQuery()
    {
        Expect(TokenKind.LParen);
        Enter();
        var query = ParseEmbeddedQuery();
        Leave();
        Expect(TokenKind.RParen);
        return query;
    }

    /// <summary><c>SELECT … [ORDER BY …] [SLIMIT …] [LIMIT …]</c>.</summary>
    private SelectStatement ParseQueryExpression() => WithOrderAndLimits(ParseQuerySpecification());

    private SelectStatement WithOrderAndLimits(SelectStatement spec)
    {
        var (orderBy, slimit, limit) = ParseOrderAndLimits();
        return spec with { OrderBy = orderBy, SLimit = slimit, Limit = limit, Sql = _sql };
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

    /// <summary>
    /// <c>SELECT [DISTINCT|ALL] [TAGS] items [FROM …] [WHERE …] [PARTITION BY …] [RANGE(…)] [EVERY(…)] [FILL(…)]
    /// [window] [GROUP BY …] [HAVING …]</c>.
    /// </summary>
    private SelectStatement ParseQuerySpecification()
    {
        ExpectKw("select");
        TryTake(TokenKind.Hint);
        bool distinct = TryKw("distinct");
        if (!distinct)
        {
            TryKw("all");
        }
        bool tagsMode = TryKw("tags");
        var items = ParseCommaList(ParseSelectItem);
        FromSource? from = TryKw("from") ? ParseFromSource() : null;
        Expr? where = TryKw("where") ? ParseCondition() : null;
        var partitionBy = ParseByClause("partition", ParsePartitionItem);
        RangeClause? range = TryKw("range") ? ParseRangeBody() : null;
        Duration? every = TryKw("every") ? ParseParenthesized(ParseDuration) : null;
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
        if (Is(TokenKind.Star))
        {
            Advance();
            return new SelectItem(new StarExpr(null) { Text = "*" }, null, "*");
        }
        if (AtQualifiedStar())
        {
            var star = ParseQualifiedStar(checkQualifierLength: true);
            return new SelectItem(star, null, star.Text);
        }
        var expr = ParseCondition();
        return new SelectItem(expr, ParseOptionalAlias(), expr.Text);
    }

    /// <summary><c>t.*</c> starts at the cursor.</summary>
    private bool AtQualifiedStar() => AtIdentifier() && Peek().Kind == TokenKind.Dot && Peek(2).Kind == TokenKind.Star;

    /// <summary>
    /// <c>t.*</c>, the cursor on <c>t</c>; a select item checks the qualifier's length, a function argument
    /// (<c>count(t.*)</c>) does not.
    /// </summary>
    private StarExpr ParseQualifiedStar(bool checkQualifierLength)
    {
        var qualifier = _cur;
        if (checkQualifierLength)
        {
            CheckNameLength(qualifier, qualifier.Word!, MaxTableNameBytes);
        }
        Advance();
        Advance();
        Advance();
        return new StarExpr(qualifier.Word) { Text = TextFrom(qualifier.Start) };
    }
}
