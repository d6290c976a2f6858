using System.Globalization;
using System.Text;

namespace Taos.Server.Sql;

/// <summary>
/// A statement text with <c>?</c> placeholders (a prepared query): where each <c>?</c> token stands (never inside
/// quotes or comments), and the text with bound values written in as SQL literals, which then parses and runs like
/// any statement.
/// </summary>
internal sealed class PlaceholderSql
{
    private readonly string _sql;
    private readonly int[] _positions;

    private PlaceholderSql(string sql, int[] positions)
    {
        _sql = sql;
        _positions = positions;
    }

    /// <summary>How many placeholders the statement has.</summary>
    public int Count => _positions.Length;

    /// <summary>Finds the placeholders of <paramref name="sql"/> (tokens up to the first <c>;</c>).</summary>
    public static PlaceholderSql Find(string sql)
    {
        var lexer = new Lexer(Lexer.Lowercase(sql));
        var positions = new List<int>();
        for (var t = lexer.Next(); t.Kind is not (TokenKind.End or TokenKind.Illegal); t = lexer.Next())
        {
            if (t.Kind == TokenKind.Question) positions.Add(t.Start);
        }
        return new PlaceholderSql(sql, positions.ToArray());
    }

    /// <summary>
    /// The text with placeholder i replaced by the literal of <paramref name="values"/>[i] (values typed as in
    /// <see cref="Engine.RowSetResult"/>; NULL as <c>null</c>).
    /// </summary>
    public string Bind(IReadOnlyList<object?> values)
    {
        if (values.Count != _positions.Length)
            throw new ArgumentException($"{values.Count} values for {_positions.Length} placeholders", nameof(values));
        var text = new StringBuilder(_sql.Length + (16 * values.Count));
        int from = 0;
        for (int i = 0; i < _positions.Length; i++)
        {
            text.Append(_sql, from, _positions[i] - from);
            AppendLiteral(text, values[i]);
            from = _positions[i] + 1;
        }
        return text.Append(_sql, from, _sql.Length - from).ToString();
    }

    /// <summary>Writes <paramref name="value"/> as a literal the lexer reads back as the same value.</summary>
    private static void AppendLiteral(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case float f:
                text.Append(((double)f).ToString("R", CultureInfo.InvariantCulture));
                break;
            case double d:
                text.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case string s:
                AppendQuoted(text, s);
                break;
            case byte[] bytes:
                text.Append("'\\x").Append(Convert.ToHexString(bytes)).Append('\'');
                break;
            default:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void AppendQuoted(StringBuilder text, string value)
    {
        text.Append('\'');
        foreach (char c in value)
        {
            if (c is '\\' or '\'') text.Append('\\');
            text.Append(c);
        }
        text.Append('\'');
    }
}
