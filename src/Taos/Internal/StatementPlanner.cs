using Taos.Transport;

namespace Taos;

/// <summary>
/// Turns a command's text, or a batch's commands, into the statements to run. A text of one statement runs as
/// written; a text of several is split (<see cref="SqlStatementSplitter"/>), each statement bound with all of its
/// command's parameters, its <c>?</c> placeholders continuing the count of the statements before it. Before anything
/// runs, a text of several statements is checked to have a parameter for every placeholder.
/// </summary>
internal static class StatementPlanner
{
    /// <summary>The statements of a command; none for a text of comments only.</summary>
    /// <exception cref="InvalidOperationException">An empty text, or placeholders without parameters.</exception>
    public static List<PlannedStatement> ForCommand(string text, TaosParameterCollection parameters)
    {
        var planned = new List<PlannedStatement>();
        Add(planned, text, parameters, null);
        return Numbered(planned);
    }

    /// <summary>The statements of a batch's commands, in order.</summary>
    /// <exception cref="InvalidOperationException">No commands, a command with an empty text, or placeholders without parameters.</exception>
    public static List<PlannedStatement> ForBatch(IReadOnlyList<TaosBatchCommand> commands)
    {
        if (commands.Count == 0) throw new InvalidOperationException(TaosStrings.EmptyBatch);
        var planned = new List<PlannedStatement>();
        foreach (var command in commands)
        {
            Add(planned, command.CommandText, command.Parameters, command);
        }
        return Numbered(planned);
    }

    private static void Add(List<PlannedStatement> planned, string text, TaosParameterCollection parameters, TaosBatchCommand? owner)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new InvalidOperationException(TaosStrings.EmptyCommand);
        var values = Values(parameters);
        var statements = SqlStatementSplitter.Split(text);
        if (statements.Count == 1)
        {
            planned.Add(new PlannedStatement(text, values, 0, 0, owner));
            return;
        }
        int offset = 0;
        foreach (var statement in statements)
        {
            foreach (var name in statement.Names)
            {
                if (!values.Any(p => string.Equals(ParameterNameComparer.Normalize(p.Name), name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new InvalidOperationException(TaosStrings.MissingParameter("@" + name));
                }
            }
            if (offset + statement.PositionalCount > values.Length)
            {
                throw new InvalidOperationException(TaosStrings.TooFewPositional(values.Length));
            }
            planned.Add(new PlannedStatement(statement.Text, offset == 0 ? values : [.. values[offset..], .. values[..offset]], 0, 0, owner));
            offset += statement.PositionalCount;
        }
    }

    private static List<PlannedStatement> Numbered(List<PlannedStatement> planned)
    {
        for (int i = 0; i < planned.Count; i++)
        {
            planned[i] = planned[i] with { Index = i + 1, Count = planned.Count };
        }
        return planned;
    }

    /// <summary>
    /// The parameters' current values, detached from the collection (which the application may change while the
    /// statements run); a <see cref="Stream"/> is read to its end here and binds as its bytes; a value whose parameter
    /// has an explicit <see cref="TaosParameter.DbType"/> is converted to it (<see cref="DbTypeConversion"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A parameter's <see cref="TaosParameter.Value"/> was never set (null; <see cref="DBNull.Value"/> binds NULL).</exception>
    private static TaosRequestParameter[] Values(TaosParameterCollection parameters)
    {
        if (parameters.Count == 0)
        {
            return [];
        }
        var values = new TaosRequestParameter[parameters.Count];
        for (int i = 0; i < values.Length; i++)
        {
            var parameter = parameters[i];
            object value = parameter.Value switch
            {
                null => throw new InvalidOperationException(TaosStrings.ParameterValueNotSet(parameter.ParameterName, i)),
                Stream stream => ReadAll(stream),
                var other => parameter.ExplicitDbType is { } type ? DbTypeConversion.Convert(other, type, parameter.ParameterName) : other,
            };
            values[i] = new TaosRequestParameter(parameter.ParameterName, value);
        }
        return values;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
