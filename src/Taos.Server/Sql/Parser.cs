using System.Globalization;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>
/// A recursive-descent parser for the statements TDengine 3.3 accepts over REST, reporting errors where TDengine's
/// LALR parser (sql.y) would: at the first token that cannot continue the statement.
/// </summary>
/// <remarks>
/// This file holds the token plumbing and the statement dispatch; each statement family and grammar area is
/// parsed in its own part (<c>Parser.Databases.cs</c>, <c>Parser.Tables.cs</c>, <c>Parser.Select.cs</c>,
/// <c>Parser.Expressions.cs</c>, …).
/// </remarks>
internal sealed partial class Parser
{
    private readonly string _sql;
    private readonly Lexer _lexer;
    private readonly Queue<Token> _ahead = new();
    private Token _cur;
    private int _lastEnd;
    private int _placeholders;

    public Parser(string lowercasedSql)
    {
        _sql = lowercasedSql;
        _lexer = new Lexer(lowercasedSql);
        _cur = _lexer.Next();
    }

    // ------------------------------------------------------------------ entry

    public Statement ParseStatement()
    {
        var first = _cur;
        Statement statement;
        if (first.Kind == TokenKind.Keyword)
        {
            statement = first.Word switch
            {
                "create" => ParseCreate(),
                "drop" => ParseDrop(),
                "use" => ParseUse(),
                "show" => ParseShow(),
                "desc" or "describe" => ParseDescribe(),
                "select" => ParseQueryStatement(),
                "insert" => ParseInsert(),
                "delete" => ParseDelete(),
                "alter" => ParseAlter(),
                "grant" => ParseGrant(revoke: false),
                "revoke" => ParseGrant(revoke: true),
                "pause" or "resume" => ParsePauseOrResumeStream(),
                "explain" => ParseExplain(),
                _ when StartsAdministration(first.Word!) => ParseAdministration(),
                _ => throw Fail(first),
            };
        }
        else if (first.Kind == TokenKind.LParen)
        {
            statement = ParseQueryStatement();
        }
        else
        {
            throw Fail(first);
        }
        if (!Is(TokenKind.End))
        {
            throw Fail(_cur);
        }
        return statement with { Sql = _sql };
    }

    /// <summary><c>CREATE DATABASE | TOPIC | USER | INDEX | STABLE | TABLE | [OR REPLACE] VIEW …</c>.</summary>
    private Statement ParseCreate()
    {
        Advance();
        if (AtCreateFunction())
        {
            return ParseCreateFunction();
        }
        if (AtCreateTsma())
        {
            return ParseCreateTsma();
        }
        if (TryParseCreateEncryptKey() is { } encryptKey) return encryptKey;
        if (TryKw("database"))
        {
            return ParseCreateDatabase();
        }
        if (TryKw("topic"))
        {
            return ParseCreateTopic();
        }
        if (TryKw("stream")) return ParseCreateStream();
        if (TryKw("user"))
        {
            return ParseCreateUser();
        }
        if (TryKw("index"))
        {
            return ParseCreateIndex();
        }
        if (TryKw("sma"))
        {
            ExpectKw("index");
            return ParseCreateSmaIndex();
        }
        if (TryKw("stable"))
        {
            return ParseCreateStable();
        }
        if (TryKw("table"))
        {
            return ParseCreateTable();
        }
        if (TryKw("view"))
        {
            return ParseCreateView(orReplace: false);
        }
        if (TryKw("or"))
        {
            return ParseCreateOrReplace();
        }
        return TryParseNodeStatement(NodeAction.Create) ?? throw Fail(_cur);
    }

    /// <summary><c>DROP DATABASE | STABLE | TABLE | TOPIC | CONSUMER GROUP | USER | INDEX | VIEW …</c>.</summary>
    private Statement ParseDrop()
    {
        Advance();
        if (TryKw("database"))
        {
            return ParseDropDatabase();
        }
        if (TryKw("stable"))
        {
            return ParseDropStable();
        }
        if (TryKw("table"))
        {
            return ParseDropTable();
        }
        if (TryKw("topic"))
        {
            return ParseDropTopic();
        }
        if (TryKw("stream")) return ParseDropStream();
        if (TryKw("consumer"))
        {
            return ParseDropConsumerGroup();
        }
        if (TryKw("user"))
        {
            return ParseDropUser();
        }
        if (TryKw("index"))
        {
            return ParseDropIndex();
        }
        if (TryKw("view"))
        {
            return ParseDropView();
        }
        if (TryKw("function"))
        {
            return ParseDropFunction();
        }
        if (AtDropTsma())
        {
            return ParseDropTsma();
        }
        return TryParseNodeStatement(NodeAction.Drop) ?? throw Fail(_cur);
    }

    /// <summary><c>ALTER DATABASE | USER | TABLE | STABLE …</c>.</summary>
    private Statement ParseAlter()
    {
        Advance();
        if (TryKw("database"))
        {
            return ParseAlterDatabase();
        }
        if (TryKw("user"))
        {
            return ParseAlterUser();
        }
        return TryParseAlterConfig() ?? ParseAlterTable();
    }

    // ------------------------------------------------------------------ token plumbing

    private Token Peek(int k = 1)
    {
        while (_ahead.Count < k)
        {
            _ahead.Enqueue(_lexer.Next());
        }
        return _ahead.ElementAt(k - 1);
    }

    private void Advance()
    {
        _lastEnd = _cur.End;
        _cur = _ahead.Count > 0 ? _ahead.Dequeue() : _lexer.Next();
    }

    private bool Is(TokenKind kind) => _cur.Kind == kind;

    private bool IsKw(string keyword) => _cur.IsKeyword(keyword);

    private bool TryKw(string keyword)
    {
        if (_cur.IsKeyword(keyword))
        {
            Advance();
            return true;
        }
        return false;
    }

    private bool TryTake(TokenKind kind)
    {
        if (_cur.Kind == kind)
        {
            Advance();
            return true;
        }
        return false;
    }

    private void ExpectKw(string keyword)
    {
        if (!TryKw(keyword))
        {
            throw Fail(_cur);
        }
    }

    private Token Expect(TokenKind kind)
    {
        var t = _cur;
        if (t.Kind != kind)
        {
            throw Fail(t);
        }
        Advance();
        return t;
    }

    /// <summary>The error TDengine gives when the grammar cannot accept <paramref name="token"/>.</summary>
    private TaosServerException Fail(Token token) => token.Kind switch
    {
        TokenKind.Illegal => SqlErrors.Unrecognized(_sql, token.Start),
        TokenKind.End when token.Length == 0 => SqlErrors.Incomplete(),
        _ => SqlErrors.SyntaxNear(_sql, token.Start),
    };

    /// <summary>The statement's text from <paramref name="start"/> to the end of the last token read.</summary>
    private string TextFrom(int start) => _sql.Substring(start, _lastEnd - start);

    /// <summary>The text of <paramref name="t"/> as written (lowercased outside quotes).</summary>
    private string TextOf(Token t) => _sql.Substring(t.Start, t.Length);

    /// <summary><c>item {, item}</c>: one or more items separated by commas.</summary>
    private List<T> ParseCommaList<T>(Func<T> parseItem)
    {
        var items = new List<T> { parseItem() };
        while (TryTake(TokenKind.Comma))
        {
            items.Add(parseItem());
        }
        return items;
    }

    /// <summary><c>( item )</c>.</summary>
    private T ParseParenthesized<T>(Func<T> parseItem)
    {
        Expect(TokenKind.LParen);
        var item = parseItem();
        Expect(TokenKind.RParen);
        return item;
    }

    /// <summary><c>( item {, item} )</c>.</summary>
    private List<T> ParseParenthesizedList<T>(Func<T> parseItem)
    {
        Expect(TokenKind.LParen);
        var items = ParseCommaList(parseItem);
        Expect(TokenKind.RParen);
        return items;
    }

    // ------------------------------------------------------------------ tokens as values

    /// <summary>
    /// Unsigned decimal digits as a number; more than <see cref="long.MaxValue"/> saturates, so that the range
    /// checks further on reject it as out of range rather than as malformed.
    /// </summary>
    private static long ParseDigits(ReadOnlySpan<char> digits) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long v) ? v : long.MaxValue;

    /// <summary>An unsigned integer token's value (saturating like <see cref="ParseDigits"/>).</summary>
    private long ParseInteger()
    {
        var t = Expect(TokenKind.Integer);
        return ParseDigits(_sql.AsSpan(t.Start, t.Length));
    }

    /// <summary>A string token's content, escapes resolved.</summary>
    private string ParseStringContent()
    {
        var t = Expect(TokenKind.String);
        return Lexer.Unquote(_sql, t.Start, t.Length);
    }

    /// <summary>A token of <paramref name="kind"/> (or <paramref name="alternative"/>) as written.</summary>
    private string ParseTokenText(TokenKind kind, TokenKind alternative = TokenKind.Illegal)
    {
        var t = _cur;
        if (t.Kind != kind && (alternative == TokenKind.Illegal || t.Kind != alternative))
        {
            throw Fail(t);
        }
        Advance();
        return TextOf(t);
    }

    // ------------------------------------------------------------------ IF [NOT] EXISTS

    private bool ParseIfNotExists()
    {
        if (!TryKw("if"))
        {
            return false;
        }
        ExpectKw("not");
        ExpectKw("exists");
        return true;
    }

    private bool ParseIfExists()
    {
        if (!TryKw("if"))
        {
            return false;
        }
        ExpectKw("exists");
        return true;
    }
}
