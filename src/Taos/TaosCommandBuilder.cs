using System.Data;
using System.Data.Common;
using System.Globalization;

namespace Taos;

/// <summary>
/// Makes the INSERT command of a <see cref="TaosDataAdapter"/> from its SELECT, for a SELECT from one table
/// (<c>SELECT … FROM [db.]table …</c>; REST does not say which table a column comes from, so the builder reads it from
/// the text). Identifiers are quoted with back-quotes, values bound as <c>@p1</c>, <c>@p2</c>…
/// UPDATE and DELETE commands cannot be made: TDengine rewrites a row by inserting a row with the same timestamp, so
/// use the INSERT command (or <see cref="GetInsertCommand()"/> as the adapter's UpdateCommand); a modified or deleted
/// row without a command of the adapter's own throws <see cref="NotSupportedException"/>.
/// </summary>
public sealed class TaosCommandBuilder : DbCommandBuilder
{
    /// <summary>Creates a builder without adapter.</summary>
    public TaosCommandBuilder()
    {
        QuotePrefix = "`";
        QuoteSuffix = "`";
    }

    /// <summary>Creates a builder that supplies the INSERT of <paramref name="adapter"/>.</summary>
    public TaosCommandBuilder(TaosDataAdapter adapter)
        : this()
    {
        DataAdapter = adapter;
    }

    /// <summary>The adapter whose commands the builder makes.</summary>
    public new TaosDataAdapter? DataAdapter
    {
        get => (TaosDataAdapter?)base.DataAdapter;
        set => base.DataAdapter = value;
    }

    /// <summary>The INSERT of a row into the SELECT's table.</summary>
    public new TaosCommand GetInsertCommand() => (TaosCommand)base.GetInsertCommand();

    /// <summary>The INSERT, with parameters named after the columns when <paramref name="useColumnsForParameterNames"/>.</summary>
    public new TaosCommand GetInsertCommand(bool useColumnsForParameterNames) => (TaosCommand)base.GetInsertCommand(useColumnsForParameterNames);

    /// <summary>Not supported: TDengine has no UPDATE (a row is rewritten by inserting a row with the same timestamp).</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public new TaosCommand GetUpdateCommand() => throw new NotSupportedException(TaosStrings.NoUpdateOrDelete);

    /// <inheritdoc cref="GetUpdateCommand()"/>
    public new TaosCommand GetUpdateCommand(bool useColumnsForParameterNames) => throw new NotSupportedException(TaosStrings.NoUpdateOrDelete);

    /// <summary>Not supported: TDengine deletes by time range only (write a DELETE statement of your own).</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public new TaosCommand GetDeleteCommand() => throw new NotSupportedException(TaosStrings.NoUpdateOrDelete);

    /// <inheritdoc cref="GetDeleteCommand()"/>
    public new TaosCommand GetDeleteCommand(bool useColumnsForParameterNames) => throw new NotSupportedException(TaosStrings.NoUpdateOrDelete);

    /// <summary>Quotes an identifier with back-quotes (a back-quote inside is doubled).</summary>
    public override string QuoteIdentifier(string unquotedIdentifier)
    {
        ArgumentNullException.ThrowIfNull(unquotedIdentifier);
        return "`" + unquotedIdentifier.Replace("`", "``", StringComparison.Ordinal) + "`";
    }

    /// <summary>Removes the back-quotes of a quoted identifier; an unquoted one is returned as it is.</summary>
    public override string UnquoteIdentifier(string quotedIdentifier)
    {
        ArgumentNullException.ThrowIfNull(quotedIdentifier);
        return quotedIdentifier.Length >= 2 && quotedIdentifier[0] == '`' && quotedIdentifier[^1] == '`'
            ? quotedIdentifier[1..^1].Replace("``", "`", StringComparison.Ordinal)
            : quotedIdentifier;
    }

    /// <summary>Nothing to apply: the REST binding writes each value as the literal of its .NET type, whatever the column's type.</summary>
    protected override void ApplyParameterInfo(DbParameter parameter, DataRow row, StatementType statementType, bool whereClause)
    {
        // TaosParameter infers its DbType from the value the adapter sets for each row.
    }

    /// <inheritdoc/>
    protected override string GetParameterName(int parameterOrdinal) => "@p" + parameterOrdinal.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    protected override string GetParameterName(string parameterName) => "@" + parameterName;

    /// <inheritdoc/>
    protected override string GetParameterPlaceholder(int parameterOrdinal) => GetParameterName(parameterOrdinal);

    /// <summary>The SELECT's columns, with the table its text names (REST tells columns, not their table).</summary>
    protected override DataTable? GetSchemaTable(DbCommand sourceCommand)
    {
        ArgumentNullException.ThrowIfNull(sourceCommand);
        DataTable? schema;
        using (var reader = sourceCommand.ExecuteReader(CommandBehavior.SchemaOnly))
        {
            schema = reader.GetSchemaTable();
        }
        return schema is null ? null : SelectSource.Describe(schema, sourceCommand.CommandText);
    }

    /// <inheritdoc/>
    protected override void SetRowUpdatingHandler(DbDataAdapter adapter)
    {
        var taosAdapter = adapter as TaosDataAdapter ?? throw new InvalidOperationException(TaosStrings.NotATaosDataAdapter(adapter));
        if (taosAdapter == base.DataAdapter)
        {
            taosAdapter.RowUpdating -= OnRowUpdating;
        }
        else
        {
            taosAdapter.RowUpdating += OnRowUpdating;
        }
    }

    private void OnRowUpdating(object? sender, RowUpdatingEventArgs e)
    {
        if (e.Command is null && e.StatementType is StatementType.Update or StatementType.Delete)
        {
            e.Errors = new NotSupportedException(TaosStrings.NoUpdateOrDelete);
            e.Status = UpdateStatus.ErrorsOccurred;
            return;
        }
        RowUpdatingHandler(e);
    }
}
