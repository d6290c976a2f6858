namespace Taos;

/// <summary>
/// Splits a command's text into its statements at the <c>;</c> that are outside string literals (<c>'…'</c>,
/// <c>"…"</c>, with a doubled quote or a backslash escaping the next character), quoted identifiers (<c>`…`</c>) and
/// comments (<c>-- …</c> to the end of the line, <c>/* … */</c>), read by <see cref="SqlText"/> as the REST parameter
/// binding reads them, so a statement holds exactly the placeholders the binding will see. Statements without a token (empty between
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
            int next = SqlText.VerbatimEnd(sql, i);
            bool comment = next > i && c is '-' or '/';
            if (next == i) next = i + 1;
            if (c == ';')
            {
                scan.Flush(sql, statements);
            }
            else if (!comment && !char.IsWhiteSpace(c))
            {
                scan.Token(i, next);
                if (c == '?') scan.Positional++;
                if (c == '@' && i + 1 < sql.Length && SqlText.IsNameChar(sql[i + 1]))
                {
                    next = i + 1;
                    while (next < sql.Length && SqlText.IsNameChar(sql[next])) next++;
                    scan.Names.Add(sql[(i + 1)..next]);
                    scan.Token(i, next);
                }
            }
            i = next;
        }
        scan.Flush(sql, statements);
        return statements;
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
