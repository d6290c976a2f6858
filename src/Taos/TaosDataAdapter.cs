using System.Data;
using System.Data.Common;

namespace Taos;

/// <summary>
/// Fills <see cref="DataTable"/>s and <see cref="DataSet"/>s from a SELECT (column types from the reader: see
/// <see cref="TaosDataReader"/>), and writes added rows back through an <see cref="InsertCommand"/> (hand-written, or
/// made by a <see cref="TaosCommandBuilder"/>). TDengine has no UPDATE: a row is rewritten by inserting a row with the
/// same timestamp, so a modified row can be written back with an INSERT command as the <see cref="UpdateCommand"/>.
/// </summary>
public sealed class TaosDataAdapter : DbDataAdapter
{
    /// <summary>Creates an adapter without commands.</summary>
    public TaosDataAdapter()
    {
    }

    /// <summary>Creates an adapter that fills from <paramref name="selectCommand"/>.</summary>
    public TaosDataAdapter(TaosCommand selectCommand)
    {
        SelectCommand = selectCommand;
    }

    /// <summary>Creates an adapter that fills from <paramref name="selectCommandText"/> run on <paramref name="connection"/>.</summary>
    public TaosDataAdapter(string selectCommandText, TaosConnection connection)
        : this(new TaosCommand(selectCommandText, connection))
    {
    }

    /// <summary>Raised before a row is written back; <see cref="TaosCommandBuilder"/> supplies its INSERT here.</summary>
    public event EventHandler<RowUpdatingEventArgs>? RowUpdating;

    /// <summary>Raised after a row was written back.</summary>
    public event EventHandler<RowUpdatedEventArgs>? RowUpdated;

    /// <summary>The query that <see cref="DbDataAdapter.Fill(DataSet)"/> runs.</summary>
    public new TaosCommand? SelectCommand
    {
        get => (TaosCommand?)base.SelectCommand;
        set => base.SelectCommand = value;
    }

    /// <summary>The statement that writes an added row.</summary>
    public new TaosCommand? InsertCommand
    {
        get => (TaosCommand?)base.InsertCommand;
        set => base.InsertCommand = value;
    }

    /// <summary>The statement that writes a modified row (with TDengine, an INSERT with the row's timestamp).</summary>
    public new TaosCommand? UpdateCommand
    {
        get => (TaosCommand?)base.UpdateCommand;
        set => base.UpdateCommand = value;
    }

    /// <summary>The statement that removes a deleted row.</summary>
    public new TaosCommand? DeleteCommand
    {
        get => (TaosCommand?)base.DeleteCommand;
        set => base.DeleteCommand = value;
    }

    /// <inheritdoc/>
    protected override void OnRowUpdating(RowUpdatingEventArgs value) => RowUpdating?.Invoke(this, value);

    /// <inheritdoc/>
    protected override void OnRowUpdated(RowUpdatedEventArgs value) => RowUpdated?.Invoke(this, value);
}
