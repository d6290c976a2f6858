using System.Data;
using System.Data.Common;

namespace Taos;

/// <summary>
/// Commands run one after the other on one connection, each with its own text and parameters
/// (<see cref="TaosBatchCommand"/>). Their statements run in order as a <see cref="TaosCommand"/>'s do: the reader
/// gives one result per statement through <see cref="DbDataReader.NextResult()"/>, a failing statement throws
/// <see cref="TaosException"/> naming its position in the batch and its text after the ones before it have run (TDengine
/// has no transactions), and each command's <see cref="TaosBatchCommand.RecordsAffected"/> tells its rows written.
/// </summary>
public sealed class TaosBatch : DbBatch
{
    private readonly TaosCommand _command = new();

    /// <summary>Creates a batch without commands or connection.</summary>
    public TaosBatch()
    {
    }

    /// <summary>Creates a batch on <paramref name="connection"/>.</summary>
    public TaosBatch(TaosConnection? connection)
    {
        _command.Connection = connection;
    }

    /// <summary>The commands, in the order they run.</summary>
    public new TaosBatchCommandCollection BatchCommands { get; } = new();

    /// <inheritdoc/>
    protected override DbBatchCommandCollection DbBatchCommands => BatchCommands;

    /// <summary>Seconds to wait for each statement's answer, as <see cref="TaosCommand.CommandTimeout"/>.</summary>
    public override int Timeout
    {
        get => _command.CommandTimeout;
        set => _command.CommandTimeout = value;
    }

    /// <summary>The connection the batch runs on.</summary>
    public new TaosConnection? Connection
    {
        get => _command.Connection;
        set => _command.Connection = value;
    }

    /// <inheritdoc/>
    protected override DbConnection? DbConnection
    {
        get => Connection;
        set => Connection = (TaosConnection?)value;
    }

    /// <summary>Always null: TDengine has no transactions.</summary>
    protected override DbTransaction? DbTransaction
    {
        get => null;
        set
        {
            if (value is not null) throw new NotSupportedException(TaosStrings.TransactionsNotSupported);
        }
    }

    /// <summary>Creates a batch command (not added to <see cref="BatchCommands"/>).</summary>
    public new TaosBatchCommand CreateBatchCommand() => new();

    /// <inheritdoc/>
    protected override DbBatchCommand CreateDbBatchCommand() => CreateBatchCommand();

    /// <summary>Runs the first statement and returns a reader over the results of all of them (see <see cref="TaosCommand.ExecuteReader()"/>).</summary>
    /// <exception cref="TaosException">TDengine rejected the first statement, or the request failed or timed out.</exception>
    public new TaosDataReader ExecuteReader(CommandBehavior behavior = CommandBehavior.Default) =>
        _command.ExecuteReaderAsync(Plan(), behavior, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="ExecuteReader"/>
    public new async Task<TaosDataReader> ExecuteReaderAsync(CancellationToken cancellationToken) =>
        await ExecuteReaderAsync(CommandBehavior.Default, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc cref="ExecuteReader"/>
    public new async Task<TaosDataReader> ExecuteReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await _command.ExecuteReaderAsync(Plan(), behavior, true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => ExecuteReader(behavior);

    /// <inheritdoc/>
    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        await ExecuteReaderAsync(behavior, cancellationToken).ConfigureAwait(false);

    /// <summary>Runs every statement of every command and returns the sum of their affected rows; -1 when none reports any.</summary>
    /// <exception cref="TaosException">TDengine rejected a statement (the ones before it have run, the ones after it do not).</exception>
    public override int ExecuteNonQuery() =>
        TaosCommand.ToRecordsAffected(_command.ExecuteNonQueryAsync(Plan(), false, CancellationToken.None).GetAwaiter().GetResult());

    /// <inheritdoc cref="ExecuteNonQuery"/>
    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return TaosCommand.ToRecordsAffected(await _command.ExecuteNonQueryAsync(Plan(), true, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Runs every statement and returns the first column of the first row of the first result set (see <see cref="TaosCommand.ExecuteScalar"/>).</summary>
    public override object? ExecuteScalar() => _command.ExecuteScalarAsync(Plan(), false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="ExecuteScalar"/>
    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await _command.ExecuteScalarAsync(Plan(), true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks that the batch can run (an open connection, commands with text); nothing is prepared on the server.</summary>
    /// <exception cref="InvalidOperationException">No connection, a closed connection, no commands, or a command without text.</exception>
    public override void Prepare()
    {
        var connection = Connection ?? throw new InvalidOperationException(TaosStrings.NoConnection);
        connection.CheckOpen();
        StatementPlanner.ForBatch(BatchCommands.Items);
    }

    /// <inheritdoc cref="Prepare"/>
    public override Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Prepare();
        return Task.CompletedTask;
    }

    /// <summary>Aborts the statement that is running and drops the ones not yet started (see <see cref="TaosCommand.Cancel"/>).</summary>
    public override void Cancel() => _command.Cancel();

    /// <inheritdoc/>
    public override void Dispose()
    {
        _command.Dispose();
        base.Dispose();
    }

    private List<PlannedStatement> Plan()
    {
        var plan = StatementPlanner.ForBatch(BatchCommands.Items);
        foreach (var command in BatchCommands.Items) command.ResetRecordsAffected();
        return plan;
    }
}
