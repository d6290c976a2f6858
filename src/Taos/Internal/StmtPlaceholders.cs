using System.Text;
using Taos.Transport;

namespace Taos;

/// <summary>
/// A statement's placeholders as a server-side prepared statement (stmt) takes them: only <c>?</c>, bound by
/// position. <c>@name</c> placeholders (outside literals, quoted identifiers and comments, as <see cref="SqlText"/>
/// reads them) become <c>?</c>, and each placeholder is mapped on the client to the command parameter it takes —
/// <c>?</c> the parameters in order, <c>@name</c> the parameter of that name — as the REST binding maps them.
/// </summary>
internal sealed class StmtPlaceholders
{
    private readonly string?[] _names;

    private StmtPlaceholders(string sql, string?[] names)
    {
        Sql = sql;
        _names = names;
    }

    /// <summary>The text with <c>?</c> placeholders only.</summary>
    public string Sql { get; }

    /// <summary>How many placeholders the text has.</summary>
    public int Count => _names.Length;

    /// <summary>Finds the placeholders of <paramref name="sql"/>, turning <c>@name</c> into <c>?</c>.</summary>
    public static StmtPlaceholders Of(string sql)
    {
        var text = new StringBuilder(sql.Length);
        var names = new List<string?>();
        int i = 0;
        while (i < sql.Length)
        {
            int verbatim = SqlText.VerbatimEnd(sql, i);
            if (verbatim > i)
            {
                text.Append(sql, i, verbatim - i);
                i = verbatim;
                continue;
            }
            char c = sql[i];
            if (c == '?')
            {
                names.Add(null);
            }
            else if (c == '@' && i + 1 < sql.Length && SqlText.IsNameChar(sql[i + 1]))
            {
                int end = i + 1;
                while (end < sql.Length && SqlText.IsNameChar(sql[end])) end++;
                names.Add(sql[(i + 1)..end]);
                text.Append('?');
                i = end;
                continue;
            }
            text.Append(c);
            i++;
        }
        return new StmtPlaceholders(text.ToString(), [.. names]);
    }

    /// <summary>The values of <paramref name="parameters"/> in placeholder order.</summary>
    /// <exception cref="InvalidOperationException">A <c>@name</c> without its parameter, or more <c>?</c> than parameters.</exception>
    public object?[] Values(IReadOnlyList<TaosRequestParameter> parameters)
    {
        var values = new object?[_names.Length];
        int positional = 0;
        for (int p = 0; p < _names.Length; p++)
        {
            if (_names[p] is { } name)
            {
                values[p] = Find(parameters, name) ?? throw new InvalidOperationException(TaosStrings.MissingParameter("@" + name));
                continue;
            }
            if (positional >= parameters.Count) throw new InvalidOperationException(TaosStrings.TooFewPositional(positional));
            values[p] = parameters[positional++].Value;
        }
        return values;
    }

    private static object? Find(IReadOnlyList<TaosRequestParameter> parameters, string name)
    {
        foreach (var parameter in parameters)
        {
            if (string.Equals(ParameterNameComparer.Normalize(parameter.Name), name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter.Value ?? DBNull.Value;
            }
        }
        return null;
    }
}
