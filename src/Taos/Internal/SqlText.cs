namespace Taos;

/// <summary>
/// The parts of a SQL text that are taken verbatim, as TDengine's lexer reads them: string literals (<c>'…'</c>,
/// <c>"…"</c>: a doubled quote or a backslash escapes the next character), quoted identifiers (<c>`…`</c>: a doubled
/// back-quote), and comments (<c>-- …</c> to the end of the line, <c>/* … */</c>). The statement splitter and the
/// REST parameter binding share it, so a statement holds exactly the placeholders the binding sees.
/// </summary>
internal static class SqlText
{
    /// <summary>
    /// The end (exclusive) of the literal, quoted identifier or comment that starts at <paramref name="start"/>, or
    /// <paramref name="start"/> itself when none starts there. An unterminated one runs to the end of the text.
    /// </summary>
    public static int VerbatimEnd(string sql, int start) => sql[start] switch
    {
        '\'' or '"' => QuotedEnd(sql, start, allowBackslash: true),
        '`' => QuotedEnd(sql, start, allowBackslash: false),
        '-' when At(sql, start + 1, '-') => sql.IndexOf('\n', start) is >= 0 and var end ? end : sql.Length,
        '/' when At(sql, start + 1, '*') => sql.IndexOf("*/", start + 2, StringComparison.Ordinal) is >= 0 and var end ? end + 2 : sql.Length,
        _ => start,
    };

    /// <summary>True when <paramref name="c"/> can be part of a parameter name.</summary>
    public static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool At(string sql, int i, char c) => i < sql.Length && sql[i] == c;

    private static int QuotedEnd(string sql, int start, bool allowBackslash)
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
            if (c == sql[start])
            {
                if (At(sql, i + 1, c))
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
}
