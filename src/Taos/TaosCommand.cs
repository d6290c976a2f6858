using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Taos.Transport;

namespace Taos;

/// <summary>
/// SQL statements, run on the session of their connection (over REST: one HTTP request per statement).
/// </summary>
/// <remarks>
/// <para>
/// TDengine runs only the first statement of a request, so the command splits its text at the <c>;</c> outside
/// string literals, quoted identifiers and comments, and runs the statements one after the other, in order (empty
/// statements and comments between them are skipped; a text of comments only runs nothing and has no result set).
/// A statement that fails throws <see cref="TaosException"/> naming its position (from 1) and its text; the
/// statements before it have run and stay run (TDengine has no transactions), the ones after it do not run.
/// Each statement is bound with all of the command's parameters: <c>@name</c> anywhere refers to the same parameter,
/// and <c>?</c> placeholders take the parameters in order across the statements (the first <c>?</c> of the second
/// statement takes the parameter after the last one the first statement took).
/// </para>
/// <para>
/// Parameters travel to the connection's transport as values; the REST transport writes them into the statement
/// text on the client (TDengine's REST interface has no binding):
/// <c>@name</c> placeholders take the parameter of that name, <c>?</c> placeholders take the parameters in order.
/// Placeholders inside string literals, quoted identifiers and comments are left alone. Values become literals:
/// strings single-quoted with <c>'</c> doubled and <c>\</c> escaped (so no value can break out of its literal),
/// <c>byte[]</c> as <c>'\x…'</c>, <see cref="DateTime"/>/<see cref="DateTimeOffset"/>/<see cref="TaosTimestamp"/> as
/// RFC 3339 strings with an explicit zone (an unspecified <see cref="DateTime"/> is taken in the connection's
/// <c>Timezone</c>, else UTC), numbers in invariant culture, null as <c>NULL</c>; other types are rejected.
/// </para>
/// </remarks>
public sealed class TaosCommand : DbCommand
{
    private TaosConnection? _connection;
    private string _commandText;
    private int? _commandTimeout;
    private ITaosResult? _active;
    private CancellationTokenSource? _waiting;
    private TaosDataReader? _reader;
    private StatementCursor? _cursor;
    private readonly CommandPreparation _preparation = new();

    /// <summary>Creates a command without text or connection.</summary>
    public TaosCommand()
        : this(null, null)
    {
    }

    /// <summary>Creates a command.</summary>
    public TaosCommand(string? commandText, TaosConnection? connection = null)
    {
        _commandText = commandText ?? "";
        _connection = connection;
    }

    /// <summary>
    /// The SQL text: one statement, or several separated by <c>;</c> (see the class remarks); empty or whitespace-only
    /// text cannot run.
    /// </summary>
    /// <exception cref="InvalidOperationException">Set while a reader of this command is open.</exception>
    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set
        {
            ThrowIfReaderOpen();
            if (!string.Equals(_commandText, value ?? "", StringComparison.Ordinal)) Unprepare();
            _commandText = value ?? "";
        }
    }

    /// <summary>Seconds to wait for the answer to start and, while reading, for each further part of it; 0 = no limit. Defaults to the connection string's <c>Timeout</c> (30).</summary>
    public override int CommandTimeout
    {
        get => _commandTimeout ?? _connection?.ConnectionTimeout ?? 30;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _commandTimeout = value;
        }
    }

    /// <summary>Only <see cref="CommandType.Text"/>.</summary>
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text) throw new NotSupportedException(TaosStrings.NotTextCommand);
        }
    }

    /// <inheritdoc/>
    public override bool DesignTimeVisible { get; set; }

    /// <inheritdoc/>
    public override UpdateRowSource UpdatedRowSource { get; set; }

    /// <summary>The connection the command runs on.</summary>
    /// <exception cref="InvalidOperationException">Set while a reader of this command is open.</exception>
    public new TaosConnection? Connection
    {
        get => _connection;
        set
        {
            ThrowIfReaderOpen();
            if (!ReferenceEquals(_connection, value)) Unprepare();
            _connection = value;
        }
    }

    /// <summary>The parameters bound into <see cref="CommandText"/>.</summary>
    public new TaosParameterCollection Parameters { get; } = new();

    /// <summary>
    /// The request id (<c>req_id</c>) to send, for tracing on the server side. When null, each execution gets a new
    /// random id; the id used is in <see cref="TaosException.RequestId"/> on failure.
    /// </summary>
    public long? RequestId { get; set; }

    /// <inheritdoc/>
    protected override DbConnection? DbConnection
    {
        get => _connection;
        set => Connection = (TaosConnection?)value;
    }

    /// <inheritdoc/>
    protected override DbParameterCollection DbParameterCollection => Parameters;

    /// <summary>Always null: TDengine has no transactions.</summary>
    protected override DbTransaction? DbTransaction
    {
        get => null;
        set
        {
            if (value is not null) throw new NotSupportedException(TaosStrings.TransactionsNotSupported);
        }
    }

    internal bool OwnsConnection { get; init; }

    /// <summary>
    /// Aborts the request that is running (a wait for the answer throws <see cref="OperationCanceledException"/>, a
    /// reader then fails) and drops the command's statements that have not started.
    /// </summary>
    public override void Cancel()
    {
        // Before the answer starts there is no result to abort yet: cancel the wait for it instead.
        try
        {
            Volatile.Read(ref _waiting)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
        Volatile.Read(ref _cursor)?.Abandon();
        Volatile.Read(ref _active)?.Dispose();
    }

    /// <summary>
    /// Checks that the command can run (an open connection, a text, and for a text of several statements a parameter
    /// for each placeholder). Over WebSocket, a text of one statement with parameters is prepared on the server
    /// (TDengine's stmt: <c>@name</c> placeholders become <c>?</c>, mapped to their parameters on the client) and
    /// each execution only binds the parameters' current values — an INSERT as one row (the table name first when
    /// it is a <c>?</c>, then the TAGS, then the VALUES), a query as one row of values read like any result. The
    /// server's statement is closed when the text or connection changes, the command is disposed, or the
    /// connection closes (it is prepared again on the next execution). The REST transport binds parameters on the
    /// client for each execution, so there is nothing to prepare on the server.
    /// </summary>
    /// <exception cref="InvalidOperationException">No connection, a closed connection, no command text, or a placeholder without a parameter.</exception>
    /// <exception cref="TaosException">The server refused to prepare the statement (its code).</exception>
    public override void Prepare() => PrepareAsync(false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Prepare"/>
    public override Task PrepareAsync(CancellationToken cancellationToken = default) => PrepareAsync(true, cancellationToken).AsTask();

    private async ValueTask PrepareAsync(bool async, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = _connection ?? throw new InvalidOperationException(TaosStrings.NoConnection);
        connection.CheckOpen();
        var plan = StatementPlanner.ForCommand(_commandText, Parameters);
        await _preparation.PrepareAsync(connection, plan, ToTimeout(CommandTimeout), async, cancellationToken).ConfigureAwait(false);
    }

    private void Unprepare() => _preparation.ResetAsync(false).AsTask().GetAwaiter().GetResult();

    /// <summary>Creates a parameter.</summary>
    public new TaosParameter CreateParameter() => new();

    /// <inheritdoc/>
    protected override DbParameter CreateDbParameter() => CreateParameter();

    /// <summary>
    /// Runs every statement of the text, in order, and returns the sum of their affected rows (INSERT: rows written;
    /// DDL: 0); -1 when none of them reports affected rows (queries, or a text of comments only).
    /// </summary>
    /// <exception cref="TaosException">TDengine rejected a statement (the ones before it have run, the ones after it
    /// do not), or the request failed or timed out.</exception>
    public override int ExecuteNonQuery() => ExecuteNonQueryAsync(false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="ExecuteNonQuery"/>
    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
        ExecuteNonQueryAsync(true, cancellationToken).AsTask();

    private async ValueTask<int> ExecuteNonQueryAsync(bool async, CancellationToken cancellationToken)
    {
        CheckCanExecute(cancellationToken);
        var cursor = new StatementCursor(StatementPlanner.ForCommand(_commandText, Parameters));
        return ToRecordsAffected(await RunRestAsync(cursor, async, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Runs every statement and returns the first column of the first row of the first result set, or null when it
    /// has no row; when no statement is a query (INSERT, DDL), the sum of affected rows (as <see cref="int"/>).
    /// </summary>
    /// <exception cref="TaosException">TDengine rejected a statement, or the request failed or timed out.</exception>
    public override object? ExecuteScalar() => ExecuteScalarAsync(false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="ExecuteScalar"/>
    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
        ExecuteScalarAsync(true, cancellationToken).AsTask();

    private async ValueTask<object?> ExecuteScalarAsync(bool async, CancellationToken cancellationToken)
    {
        var plan = PlanForExecution(cancellationToken);
        return await ExecuteScalarAsync(plan, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The scalar of <paramref name="plan"/>; disposing the reader runs the statements after the first result set.</summary>
    internal async ValueTask<object?> ExecuteScalarAsync(List<PlannedStatement> plan, bool async, CancellationToken cancellationToken)
    {
        await using var reader = await ExecuteReaderAsync(plan, CommandBehavior.Default, async, cancellationToken).ConfigureAwait(false);
        do
        {
            if (reader.FieldCount > 0)
            {
                return await reader.ReadAsync(async, cancellationToken).ConfigureAwait(false) ? reader.GetValue(0) : null;
            }
        }
        while (await reader.NextResultAsync(async, cancellationToken).ConfigureAwait(false));
        return plan.Count == 0 ? null : reader.RecordsAffected;
    }

    /// <summary>
    /// Runs the first statement and returns a reader that decodes its answer while it arrives; <see cref="DbDataReader.NextResult()"/>
    /// runs the next statement and moves to its result. Closing the reader runs the statements not reached yet (as a
    /// server that receives a whole batch would) and throws the error of the first that fails.
    /// </summary>
    /// <exception cref="TaosException">TDengine rejected the first statement, or the request failed or timed out.</exception>
    public new TaosDataReader ExecuteReader() => ExecuteReaderAsync(CommandBehavior.Default, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// Runs the first statement and returns a reader. <see cref="CommandBehavior.SchemaOnly"/> gives the columns and no rows,
    /// <see cref="CommandBehavior.SingleRow"/> at most one row, <see cref="CommandBehavior.SingleResult"/> (and SingleRow)
    /// the first result only, <see cref="CommandBehavior.CloseConnection"/> closes the connection with the reader. REST
    /// tells a result's columns only by running it, so SchemaOnly still runs the statements (an INSERT still writes),
    /// and the statements after the first result still run when the reader closes.
    /// </summary>
    public new TaosDataReader ExecuteReader(CommandBehavior behavior) => ExecuteReaderAsync(behavior, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="ExecuteReader()"/>
    public new Task<TaosDataReader> ExecuteReaderAsync() =>
        ExecuteReaderAsync(CommandBehavior.Default, true, CancellationToken.None).AsTask();

    /// <inheritdoc cref="ExecuteReader()"/>
    public new Task<TaosDataReader> ExecuteReaderAsync(CancellationToken cancellationToken) =>
        ExecuteReaderAsync(CommandBehavior.Default, true, cancellationToken).AsTask();

    /// <inheritdoc cref="ExecuteReader()"/>
    public new Task<TaosDataReader> ExecuteReaderAsync(CommandBehavior behavior) =>
        ExecuteReaderAsync(behavior, true, CancellationToken.None).AsTask();

    /// <inheritdoc cref="ExecuteReader()"/>
    public new Task<TaosDataReader> ExecuteReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        ExecuteReaderAsync(behavior, true, cancellationToken).AsTask();

    /// <inheritdoc/>
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
        ExecuteReaderAsync(behavior, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc/>
    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        await ExecuteReaderAsync(behavior, true, cancellationToken).ConfigureAwait(false);

    private async ValueTask<TaosDataReader> ExecuteReaderAsync(CommandBehavior behavior, bool async, CancellationToken cancellationToken) =>
        await ExecuteReaderAsync(PlanForExecution(cancellationToken), behavior, async, cancellationToken).ConfigureAwait(false);

    private List<PlannedStatement> PlanForExecution(CancellationToken cancellationToken)
    {
        CheckCanExecute(cancellationToken);
        return StatementPlanner.ForCommand(_commandText, Parameters);
    }

    /// <summary>Runs the first statement of <paramref name="plan"/> and returns the reader over its results.</summary>
    internal async ValueTask<TaosDataReader> ExecuteReaderAsync(List<PlannedStatement> plan, CommandBehavior behavior, bool async, CancellationToken cancellationToken)
    {
        CheckCanExecute(cancellationToken);
        var cursor = new StatementCursor(plan);
        var result = cursor.HasNext ? await RunStatementAsync(cursor, async, cancellationToken).ConfigureAwait(false) : EmptyResult.Instance;
        try
        {
            var reader = await TaosDataReader.CreateAsync(this, result, behavior, async, cancellationToken, cursor).ConfigureAwait(false);
            _reader = reader;
            _connection!.ActiveReader = reader;
            return reader;
        }
        catch
        {
            await result.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs every statement of <paramref name="plan"/>, dropping their answers; the sum of affected rows, null when none reports any.</summary>
    internal ValueTask<long?> ExecuteNonQueryAsync(List<PlannedStatement> plan, bool async, CancellationToken cancellationToken)
    {
        CheckCanExecute(cancellationToken);
        return RunRestAsync(new StatementCursor(plan), async, cancellationToken);
    }

    /// <summary>Runs the statements <paramref name="cursor"/> has left, dropping their answers; the sum of affected rows, null when none reports any.</summary>
    internal async ValueTask<long?> RunRestAsync(StatementCursor cursor, bool async, CancellationToken cancellationToken)
    {
        long? affected = null;
        while (cursor.HasNext)
        {
            await using var result = await RunStatementAsync(cursor, async, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _active, null);
            if (result.AffectedRows is long n) affected = (affected ?? 0) + n;
        }
        return affected;
    }

    /// <summary>
    /// Runs the cursor's next statement. When it fails in an execution of several statements, the cursor is abandoned
    /// and the <see cref="TaosException"/> names the statement's position and text.
    /// </summary>
    internal async ValueTask<ITaosResult> RunStatementAsync(StatementCursor cursor, bool async, CancellationToken cancellationToken)
    {
        var statement = cursor.Next();
        Volatile.Write(ref _cursor, cursor);
        try
        {
            var result = await ExecuteCoreAsync(statement, async, cancellationToken).ConfigureAwait(false);
            statement.Owner?.AddRecordsAffected(result.AffectedRows);
            return result;
        }
        catch (TaosException e) when (statement.Count > 1)
        {
            cursor.Abandon();
            throw new TaosException(TaosStrings.StatementFailed(statement.Index, statement.Count, statement.Sql, e.Message),
                e.ErrorCode, e.Description, e.Sql, e.RequestId, e);
        }
        catch
        {
            cursor.Abandon();
            throw;
        }
    }

    internal static int ToRecordsAffected(long? affected) => affected is long n ? (int)Math.Min(n, int.MaxValue) : -1;

    internal void ReaderClosed(TaosDataReader reader)
    {
        Volatile.Write(ref _active, null);
        if (_reader == reader) _reader = null;
        if (_connection?.ActiveReader == reader) _connection.ActiveReader = null;
        if (reader.Behavior.HasFlag(CommandBehavior.CloseConnection))
        {
            _connection?.Close();
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) Unprepare();
        if (disposing && OwnsConnection)
        {
            // A command made by TaosDataSource.CreateCommand owns its (configuration-only) connection.
            _connection?.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>Checks that the command can start: not cancelled, an open connection without an open reader.</summary>
    private void CheckCanExecute(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = _connection ?? throw new InvalidOperationException(TaosStrings.NoConnection);
        connection.CheckOpen();
        if (connection.ActiveReader is not null) throw new InvalidOperationException(TaosStrings.ReaderOpen);
    }

    private async ValueTask<ITaosResult> ExecuteCoreAsync(PlannedStatement statement, bool async, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = _connection ?? throw new InvalidOperationException(TaosStrings.NoConnection);
        connection.CheckOpen();
        var dataSource = connection.GetDataSource();
        dataSource.ThrowIfDisposed();
        var session = await connection.GetSessionAsync(async, cancellationToken).ConfigureAwait(false);
        var request = new TaosRequest(statement.Sql, statement.Parameters, RequestId ?? RequestIds.Next(), ToTimeout(CommandTimeout));
        using var activity = TaosActivitySource.StartCommand(dataSource, session.Database, statement.Sql, request.RequestId);
        var waiting = new CancellationTokenSource();
        Volatile.Write(ref _waiting, waiting);
        var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, waiting.Token) : null;
        try
        {
            var result = await _preparation.ExecuteAsync(session, statement, request, async, linked?.Token ?? waiting.Token).ConfigureAwait(false);
            Volatile.Write(ref _active, result);
            return result;
        }
        catch (Exception e)
        {
            TaosActivitySource.Fail(activity, e);
            throw;
        }
        finally
        {
            Interlocked.CompareExchange(ref _waiting, null, waiting);
            linked?.Dispose();
            waiting.Dispose();
        }
    }

    private void ThrowIfReaderOpen()
    {
        if (_reader is not null) throw new InvalidOperationException(TaosStrings.ReaderOpen);
    }

    /// <summary>
    /// Seconds to a timeout; 0, and anything beyond what a timer can wait (about 49 days; <c>int.MaxValue</c> is
    /// a common way to say "forever"), mean no limit.
    /// </summary>
    internal static TimeSpan ToTimeout(int seconds) =>
        seconds <= 0 || seconds > (uint.MaxValue - 1) / 1000 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
}
