namespace Taos;

/// <summary>
/// Splits a command's text into its statements at the <c>;</c> that are outside string literals (<c>'…'</c>,
/// <c>"…"</c>, with a doubled quote or a backslash escaping the next character), quoted identifiers (<c>`…`</c>) and
/// comments (<c>-- …</c> to the end of the line, <c>/* … */</c>); it follows the lexer of the REST parameter binding,
/// so a statement holds exactly the placeholders the binding will see. Statements without a token (empty between
/// <c>;;</c>, after a trailing <c>;</c>, or comments only) are left out.
/// </summary>
internal static class SqlStatementSplitter
{
    /// <summary>The statements of <paramref name="sql"/> in order; none for a text of whitespace and comments.</summary>
    public static List<SqlStatement> Split(string sql)
    {
        var statements = new List<SqlStatement>();
        var scan = new Scan();
        int i = 0;
        while (i < sql.Length)
        {
            char c = sql[i];
            int next = c switch
            {
                '\'' or '"' => SkipQuoted(sql, i, c, allowBackslash: true),
                '`' => SkipQuoted(sql, i, c, allowBackslash: false),
                '-' when At(sql, i + 1, '-') => SkipLineComment(sql, i),
                '/' when At(sql, i + 1, '*') => SkipBlockComment(sql, i),
                _ => i + 1,
            };
            bool comment = (c == '-' || c == '/') && next > i + 1;
            if (c == ';')
            {
                scan.Flush(sql, statements);
            }
            else if (!comment && !char.IsWhiteSpace(c))
            {
                scan.Token(i, next);
                if (c == '?') scan.Positional++;
                if (c == '@' && i + 1 < sql.Length && IsNameChar(sql[i + 1]))
                {
                    next = i + 1;
                    while (next < sql.Length && IsNameChar(sql[next])) next++;
                    scan.Names.Add(sql[(i + 1)..next]);
                    scan.Token(i, next);
                }
            }
            i = next;
        }
        scan.Flush(sql, statements);
        return statements;
    }

    private static bool At(string sql, int i, char c) => i < sql.Length && sql[i] == c;

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static int SkipLineComment(string sql, int start)
    {
        int end = sql.IndexOf('\n', start);
        return end < 0 ? sql.Length : end;
    }

    private static int SkipBlockComment(string sql, int start)
    {
        int end = sql.IndexOf("*/", start + 2, StringComparison.Ordinal);
        return end < 0 ? sql.Length : end + 2;
    }

    private static int SkipQuoted(string sql, int start, char quote, bool allowBackslash)
    {
        int i = start + 1;
        while (i < sql.Length)
        {
            char c = sql[i];
            if (allowBackslash && c == '\\')
            {
                i += 2;
                continue;
            }
            if (c == quote)
            {
                if (At(sql, i + 1, quote))
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.Length;
    }

    /// <summary>The statement being scanned: where its tokens start and end, and its placeholders.</summary>
    private sealed class Scan
    {
        private int _start = -1;
        private int _end;

        public int Positional { get; set; }

        public List<string> Names { get; private set; } = [];

        public void Token(int start, int end)
        {
            if (_start < 0) _start = start;
            _end = end;
        }

        public void Flush(string sql, List<SqlStatement> statements)
        {
            if (_start >= 0)
            {
                statements.Add(new SqlStatement(sql[_start.._end], Positional, Names));
            }
            _start = -1;
            Positional = 0;
            Names = [];
        }
    }
}
