using System.Text;

namespace Taos.Server.Sql;

/// <summary>
/// TDengine's tokenizer (parTokenizer.c <c>tGetToken</c>) over a statement already lowercased by
/// <see cref="Lowercase"/>. Tokens are produced on demand so that, as in TDengine, an illegal character is only
/// reported once the parser actually reaches it.
/// </summary>
internal sealed class Lexer
{
    private readonly string _sql;
    private int _pos;

    public Lexer(string lowercasedSql)
    {
        _sql = lowercasedSql;
    }

    /// <summary>
    /// Lowercases ASCII letters outside <c>'…'</c>, <c>"…"</c> and <c>`…`</c>, as TDengine's client does before
    /// parsing (tutil.c <c>strntolower</c>); a backslash inside quotes protects the next character.
    /// </summary>
    public static string Lowercase(string sql)
    {
        char[]? buffer = null;
        char quote = '\0';
        for (int i = 0; i < sql.Length; i++)
        {
            char c = sql[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '\'' or '"' or '`')
            {
                quote = c;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                buffer ??= sql.ToCharArray();
                buffer[i] = (char)(c + 32);
            }
        }
        return buffer is null ? sql : new string(buffer);
    }

    /// <summary>The next token that is not whitespace or a comment. After the end (or a <c>;</c>) keeps returning End.</summary>
    public Token Next()
    {
        while (_pos < _sql.Length)
        {
            Token token = Scan(_pos, out bool skip);
            if (token.Kind == TokenKind.End)
            {
                return token; // a ';' ends the statement; stay on it
            }
            // Nothing after an illegal token is ever read.
            _pos = token.Kind == TokenKind.Illegal ? _sql.Length : token.End;
            if (!skip)
            {
                return token;
            }
        }
        return new Token(TokenKind.End, _sql.Length, 0);
    }

    private char At(int i) => i < _sql.Length ? _sql[i] : '\0';

    private static bool IsIdChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    /// <summary>Scans one token at <paramref name="start"/>; whitespace and comments come back with <paramref name="skip"/> set.</summary>
    private Token Scan(int start, out bool skip)
    {
        skip = false;
        char c = _sql[start];
        switch (c)
        {
            case ' ' or '\t' or '\n' or '\r' or '\f':
                skip = true;
                return new Token(TokenKind.Id, start, SkipWhile(start + 1, IsSpace) - start);
            case '-' when At(start + 1) == '-':
                skip = true;
                return new Token(TokenKind.Id, start, SkipWhile(start + 2, ch => ch != '\n') - start);
            case '/' when At(start + 1) == '*' && start + 2 < _sql.Length:
            {
                var comment = ScanBlockComment(start);
                skip = comment.Kind != TokenKind.Hint;
                return comment;
            }
            case '`' or '\'' or '"':
                return ScanQuoted(start, c);
            case '.' when IsDigit(At(start + 1)):
                return new Token(TokenKind.Float, start, SkipExponent(SkipDigits(start + 2)) - start);
            case >= '0' and <= '9':
                return ScanNumber(start);
            default:
                return ScanOperator(start, c) ?? ScanWord(start);
        }
    }

    /// <summary>The first position from <paramref name="i"/> on that holds no digit (numbers are most of an INSERT's text: no delegate here).</summary>
    private int SkipDigits(int i)
    {
        while (i < _sql.Length && IsDigit(_sql[i]))
        {
            i++;
        }
        return i;
    }

    /// <summary>The first position from <paramref name="i"/> on whose character is not <paramref name="accept"/>ed.</summary>
    private int SkipWhile(int i, Func<char, bool> accept)
    {
        while (i < _sql.Length && accept(_sql[i]))
        {
            i++;
        }
        return i;
    }

    /// <summary><c>/* … */</c> (skipped) or a <c>/*+ … */</c> hint; an unterminated one runs to the end.</summary>
    private Token ScanBlockComment(int start)
    {
        bool hint = _sql[start + 2] == '+';
        int i = start + 3;
        while (i < _sql.Length && (_sql[i] != '/' || _sql[i - 1] != '*'))
        {
            i++;
        }
        if (i < _sql.Length)
        {
            i++;
        }
        return new Token(hint ? TokenKind.Hint : TokenKind.Id, start, i - start);
    }

    /// <summary>A punctuation or operator token (an illegal one for a lone <c>!</c>); null when <paramref name="c"/> starts none.</summary>
    private Token? ScanOperator(int start, char c)
    {
        char next = At(start + 1);
        (TokenKind Kind, int Length)? op = c switch
        {
            ':' => (TokenKind.Colon, 1),
            '-' => next == '>' ? (TokenKind.Arrow, 2) : (TokenKind.Minus, 1),
            '(' => (TokenKind.LParen, 1),
            ')' => (TokenKind.RParen, 1),
            ';' => (TokenKind.End, 1),
            '+' => (TokenKind.Plus, 1),
            '*' => (TokenKind.Star, 1),
            '/' => (TokenKind.Slash, 1),
            '%' => (TokenKind.Percent, 1),
            '=' => (TokenKind.Eq, next == '=' ? 2 : 1),
            '<' => next switch
            {
                '=' => (TokenKind.Le, 2),
                '>' => (TokenKind.Ne, 2),
                '<' => (TokenKind.LShift, 2),
                _ => (TokenKind.Lt, 1),
            },
            '>' => next switch
            {
                '=' => (TokenKind.Ge, 2),
                '>' => (TokenKind.RShift, 2),
                _ => (TokenKind.Gt, 1),
            },
            '!' => next == '=' ? (TokenKind.Ne, 2) : (TokenKind.Illegal, 0),
            '|' => next == '|' ? (TokenKind.Concat, 2) : (TokenKind.BitOr, 1),
            ',' => (TokenKind.Comma, 1),
            '&' => (TokenKind.BitAnd, 1),
            '~' => (TokenKind.BitNot, 1),
            '?' => (TokenKind.Question, 1),
            '.' => (TokenKind.Dot, 1),
            _ => null,
        };
        return op is { } o ? new Token(o.Kind, start, o.Length) : null;
    }

    private Token ScanQuoted(int start, char delim)
    {
        int i = start + 1;
        while (i < _sql.Length)
        {
            char c = _sql[i];
            if (delim != '`' && c == '\\')
            {
                i += 2;
                continue;
            }
            if (c == delim)
            {
                if (At(i + 1) == delim)
                {
                    i += 2;
                    continue;
                }
                if (delim == '`')
                {
                    return new Token(TokenKind.QuotedId, start, i + 1 - start, _sql.Substring(start + 1, i - start - 1));
                }
                return new Token(TokenKind.String, start, i + 1 - start);
            }
            i++;
        }
        return new Token(TokenKind.Illegal, start, 0);
    }

    private int SkipExponent(int i)
    {
        if (At(i) is 'e' or 'E' && (IsDigit(At(i + 1)) || (At(i + 1) is '+' or '-' && IsDigit(At(i + 2)))))
        {
            i = SkipDigits(i + 2);
        }
        return i;
    }

    private Token ScanNumber(int start)
    {
        if (_sql[start] == '0' && At(start + 1) is 'b' or 'x')
        {
            bool binary = _sql[start + 1] == 'b';
            int j = start + 2;
            while (binary ? At(j) is '0' or '1' : Uri.IsHexDigit(At(j)))
            {
                j++;
            }
            return j == start + 2
                ? new Token(TokenKind.Illegal, start, 0)
                : new Token(binary ? TokenKind.Bin : TokenKind.Hex, start, j - start);
        }

        int i = SkipDigits(start + 1);
        if (At(i) is 'b' or 'u' or 'a' or 's' or 'm' or 'h' or 'd' or 'n' or 'y' or 'w' && !IsIdChar(At(i + 1)))
        {
            return new Token(TokenKind.Duration, start, i + 1 - start);
        }

        var kind = TokenKind.Integer;
        int segments = 1;
        while (At(i) == '.' && IsDigit(At(i + 1)))
        {
            i = SkipDigits(i + 2);
            kind = TokenKind.Float;
            segments++;
        }
        if (segments == 4)
        {
            return new Token(TokenKind.IpAddress, start, i - start);
        }
        if (segments > 2)
        {
            return new Token(TokenKind.Illegal, start, 0);
        }
        if (segments == 1 && At(i) == '.')
        {
            // "1." is a float (no digits after the point).
            kind = TokenKind.Float;
            i++;
        }
        int afterExponent = SkipExponent(i);
        if (afterExponent != i)
        {
            kind = TokenKind.Float;
            i = afterExponent;
        }
        return new Token(kind, start, i - start);
    }

    private Token ScanWord(int start)
    {
        char c = _sql[start];
        if (c < 0x80 && !IsIdChar(c))
        {
            return new Token(TokenKind.Illegal, start, 0);
        }
        bool nonAscii = false;
        int i = start;
        while (i < _sql.Length)
        {
            char d = _sql[i];
            if (d >= 0x80)
            {
                nonAscii = true;
            }
            else if (!IsIdChar(d))
            {
                break;
            }
            i++;
        }
        string word = _sql.Substring(start, i - start);
        if (nonAscii)
        {
            return new Token(TokenKind.Alias, start, i - start, word);
        }
        if (word is "true" or "false")
        {
            return new Token(TokenKind.Bool, start, i - start, word);
        }
        return new Token(Keywords.IsReserved(word) ? TokenKind.Keyword : TokenKind.Id, start, i - start, word);
    }

    /// <summary>
    /// The content of a quoted string token with TDengine's escapes resolved (parUtil.c <c>trimString</c>): a doubled
    /// delimiter is one delimiter; <c>\n \r \t \\ \' \"</c> are escapes; <c>\% \_ \x</c> keep the backslash; any other
    /// <c>\c</c> is <c>c</c>.
    /// </summary>
    public static string Unquote(string sql, int start, int length)
    {
        char delim = sql[start];
        int end = start + length - 1;
        int firstSpecial = sql.AsSpan(start + 1, end - start - 1).IndexOfAny('\\', delim);
        if (firstSpecial < 0)
        {
            return sql.Substring(start + 1, length - 2);
        }
        firstSpecial += start + 1;
        var sb = new StringBuilder(length);
        sb.Append(sql, start + 1, firstSpecial - start - 1);
        for (int k = firstSpecial; k < end; k++)
        {
            char c = sql[k];
            if (c == delim && k + 1 < end && sql[k + 1] == delim)
            {
                sb.Append(delim);
                k++;
            }
            else if (c == '\\' && k + 1 < end)
            {
                char n = sql[k + 1];
                switch (n)
                {
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case '%' or '_' or 'x': sb.Append('\\').Append(n); break;
                    default: sb.Append(n); break;
                }
                k++;
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
