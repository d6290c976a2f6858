using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Taos.Pooling;
using Taos.Protocol;
using Taos.Schemaless;
using Taos.Transport;

namespace Taos;

/// <summary>
/// A connection to TDengine: configuration (server, credentials, default database, time zone) plus, while open, a
/// session on the transport of its <see cref="TaosDataSource"/> (the connection string's <c>Protocol</c>). Opening
/// takes a session from the data source's pool, or opens one (over REST this checks the server and credentials once
/// per data source, <c>SELECT SERVER_VERSION()</c>); closing gives it back to the pool (with <c>Pooling=false</c>,
/// ends it). A connection made from a connection string alone uses a data source, and so a pool, shared per
/// connection string.
/// </summary>
public sealed class TaosConnection : DbConnection
{
    private TaosDataSource? _dataSource;
    private string _connectionString = "";
    private string? _database;
    private PooledSession? _session;
    // Opened by OpenWithoutCheck: the session is taken from the pool when the first statement runs.
    private bool _sessionOnDemand;
    private ConnectionState _state = ConnectionState.Closed;

    /// <summary>Creates a connection without a connection string.</summary>
    public TaosConnection()
    {
    }

    /// <summary>Creates a connection from a connection string (see <see cref="TaosConnectionStringBuilder"/>).</summary>
    public TaosConnection(string? connectionString)
    {
        ConnectionString = connectionString;
    }

    internal TaosConnection(TaosDataSource dataSource)
    {
        _dataSource = dataSource;
        _connectionString = dataSource.ConnectionString;
        _database = dataSource.Settings.Database;
    }

    /// <summary>The connection string. Setting it is only allowed while the connection is closed.</summary>
    /// <exception cref="ArgumentException">The connection string is invalid.</exception>
    [AllowNull]
    public override string ConnectionString
    {
        get => _connectionString;
        set
        {
            if (_state != ConnectionState.Closed)
            {
                throw new InvalidOperationException(TaosStrings.ConnectionAlreadyOpen);
            }
            value ??= "";
            var settings = new TaosConnectionStringBuilder(value); // validates eagerly
            _ = SessionPoolOptions.From(settings); // checks MinPoolSize ≤ MaxPoolSize
            _connectionString = value;
            _dataSource = null;
            _database = settings.Database;
        }
    }

    /// <summary>The current default database (from the connection string or <see cref="ChangeDatabase"/>); empty when none.</summary>
    public override string Database => (_session is null ? _database : _session.Session.Database) ?? "";

    /// <summary>The server's endpoint; empty without a connection string.</summary>
    public override string DataSource => _dataSource?.Endpoint.ToString() ?? SafeEndpoint();

    /// <summary>The version the server reports, e.g. <c>3.3.0.1</c>; available once open.</summary>
    public override string ServerVersion => _state == ConnectionState.Open
        ? Session.ServerVersion ?? RestProtocol.ServerVersion
        : throw new InvalidOperationException(TaosStrings.ConnectionNotOpen);

    /// <inheritdoc/>
    public override ConnectionState State => _state;

    /// <summary>
    /// The default command timeout in seconds, from the connection string's <c>Timeout</c>; also how long
    /// <see cref="Open"/> waits for a session when the pool has <c>MaxPoolSize</c> in use (30 when 0).
    /// </summary>
    public override int ConnectionTimeout => GetSettings().Timeout;

    /// <summary>The connection string's time zone (<c>Timezone</c>), or null for UTC.</summary>
    public TimeZoneInfo? TimeZone => GetDataSource().TimeZone;

    /// <inheritdoc/>
    protected override DbProviderFactory DbProviderFactory => TaosFactory.Instance;

    /// <summary>
    /// Sets the default database for the following statements: on an open connection through its session (REST sends
    /// it as <c>/rest/sql/{database}</c>; a database that does not exist fails the next statement with TDengine's
    /// error), on a closed one for the session the next <see cref="Open"/> starts.
    /// </summary>
    public override void ChangeDatabase(string databaseName)
    {
        if (_session is null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
            _database = databaseName;
            return;
        }
        _session.Session.ChangeDatabaseAsync(databaseName, false, CancellationToken.None).GetAwaiter().GetResult();
        _database = _session.Session.Database;
    }

    /// <summary>
    /// Opens the connection: takes an idle session from the data source's pool, or opens a new one (checking the server
    /// and credentials the first time for its data source); when <c>MaxPoolSize</c> sessions are in use, waits up to
    /// <see cref="ConnectionTimeout"/> for one to be returned.
    /// </summary>
    /// <exception cref="TaosException">The server cannot be reached or rejects the credentials (855), or the pool is
    /// exhausted (a <see cref="TimeoutException"/> inside; the message names MaxPoolSize).</exception>
    /// <exception cref="ObjectDisposedException">The connection's <see cref="TaosDataSource"/> is disposed.</exception>
    public override void Open() => OpenAsync(false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Open"/>
    public override Task OpenAsync(CancellationToken cancellationToken) => OpenAsync(true, cancellationToken).AsTask();

    private async ValueTask OpenAsync(bool async, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_state == ConnectionState.Open)
        {
            throw new InvalidOperationException(TaosStrings.ConnectionAlreadyOpen);
        }
        _state = ConnectionState.Connecting;
        try
        {
            await StartSessionAsync(verify: true, async, cancellationToken).ConfigureAwait(false);
            _state = ConnectionState.Open;
        }
        catch
        {
            _state = ConnectionState.Closed;
            throw;
        }
        OnStateChange(new StateChangeEventArgs(ConnectionState.Closed, ConnectionState.Open));
    }

    /// <summary>
    /// Opens without checking the server and without a session yet: for the connections a data source's commands and
    /// <see cref="RestClient"/> make. The first statement takes the session (<see cref="GetSessionAsync"/>), so a
    /// data source's own commands report its disposal when they run, not when they are made.
    /// </summary>
    internal void OpenWithoutCheck()
    {
        GetDataSource();
        _sessionOnDemand = true;
        _state = ConnectionState.Open;
    }

    private async ValueTask StartSessionAsync(bool verify, bool async, CancellationToken cancellationToken)
    {
        var dataSource = GetDataSource();
        var timeout = TaosCommand.ToTimeout(ConnectionTimeout == 0 ? 30 : ConnectionTimeout);
        _session = await dataSource.Sessions.RentAsync(_database, verify, timeout, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes the connection and gives its session back to the pool, which resets it to the connection string's
    /// database (with <c>Pooling=false</c>, or a broken session, it is ended); the current database is kept for the
    /// next <see cref="Open"/>. An open reader is closed first, which drops its result and runs its command's
    /// statements not yet reached; the connection closes even when one of them fails (its <see cref="TaosException"/>
    /// is thrown after).
    /// </summary>
    public override void Close() => CloseAsync(false).GetAwaiter().GetResult();

    /// <inheritdoc cref="Close"/>
    public override Task CloseAsync() => CloseAsync(true).AsTask();

    private async ValueTask CloseAsync(bool async)
    {
        if (_state == ConnectionState.Closed) return;
        try
        {
            if (ActiveReader is { } reader)
            {
                if (async) await reader.CloseAsync().ConfigureAwait(false);
                else reader.Close();
            }
        }
        finally
        {
            await EndSessionAsync(async).ConfigureAwait(false);
        }
    }

    private async ValueTask EndSessionAsync(bool async)
    {
        // A reader of CommandBehavior.CloseConnection has closed the connection already.
        if (_state == ConnectionState.Closed) return;
        var session = _session;
        _session = null;
        _sessionOnDemand = false;
        _state = ConnectionState.Closed;
        if (session is not null)
        {
            _database = session.Session.Database;
            // Prepared statements (stmt) end with the connection: a pooled session carries none to its next one.
            if (session.Session is Transport.WebSocket.WsSession ws) await ws.Statements.CloseAllAsync(async).ConfigureAwait(false);
            await _dataSource!.Sessions.ReturnAsync(session, async).ConfigureAwait(false);
        }
        OnStateChange(new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
    }

    /// <summary>Closes the connection, so that a disposed connection reports <see cref="ConnectionState.Closed"/> and cannot run commands.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }

    /// <inheritdoc cref="Dispose(bool)"/>
    public override async ValueTask DisposeAsync()
    {
        await CloseAsync(true).ConfigureAwait(false);
        Dispose();
    }

    /// <summary>
    /// Closes the idle sessions of the pool <paramref name="connection"/> uses (its data source's, or the one shared
    /// by its connection string); the sessions in use are closed when their connections close, not pooled.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connection has no connection string.</exception>
    public static void ClearPool(TaosConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.GetDataSource().Clear();
    }

    /// <summary>
    /// Closes the idle sessions of every pool (of every data source not disposed, and of the data sources shared per
    /// connection string); the sessions in use are closed when their connections close, not pooled.
    /// </summary>
    public static void ClearAllPools() => SessionPool.ClearAll();

    /// <summary>Creates a command on this connection.</summary>
    public new TaosCommand CreateCommand() => new(null, this);

    /// <inheritdoc/>
    protected override DbCommand CreateDbCommand() => CreateCommand();

    /// <summary>True: <see cref="CreateBatch"/> makes a <see cref="TaosBatch"/>.</summary>
    public override bool CanCreateBatch => true;

    /// <summary>Creates a batch on this connection.</summary>
    public new TaosBatch CreateBatch() => new(this);

    /// <inheritdoc/>
    protected override DbBatch CreateDbBatch() => CreateBatch();

    // RS0026 guards against overloads told apart only by their optional parameters; these differ in the first one
    // (lines or one text), which callers always pass.
#pragma warning disable RS0026
    /// <summary>
    /// Writes schemaless data — InfluxDB line protocol, OpenTSDB telnet or JSON — into the connection's
    /// <see cref="Database"/>: super tables and child tables are created, and new columns and tags added, as TDengine
    /// does for schemaless data. One call is one request: all of it is written, or nothing of it. Over WebSocket this is
    /// taosAdapter's <c>insert</c> action; over REST its HTTP endpoints (<c>/influxdb/v1/write</c>,
    /// <c>/opentsdb/v1/put/telnet|json/{db}</c>, which take no precision for OpenTSDB).
    /// </summary>
    /// <param name="lines">The lines (joined by <c>\n</c>); for JSON, one or more JSON texts.</param>
    /// <param name="protocol">The format of the lines.</param>
    /// <param name="precision">The unit of the timestamps in the lines.</param>
    /// <param name="ttl">Days to live of the child tables the write creates; null or 0 for none.</param>
    /// <param name="reqId">The request id (<c>req_id</c>) to send, e.g. for tracing; null to let the connector choose.</param>
    /// <returns>The rows written when the server reports them; null otherwise (taosAdapter 3.3.0.1 never does).</returns>
    /// <exception cref="TaosException">TDengine refused the data (its error code, e.g. 543 for a key without value; nothing
    /// was written), the connection has no database (9750), or the network failed.</exception>
    /// <exception cref="InvalidOperationException">The connection is not open.</exception>
    /// <exception cref="ArgumentException">Over REST, an OpenTSDB protocol with a precision other than
    /// <see cref="TaosSchemalessPrecision.NotConfigured"/>.</exception>
    public long? SchemalessInsert(string[] lines, TaosSchemalessProtocol protocol, TaosSchemalessPrecision precision, int? ttl = null,
        long? reqId = null) =>
        SchemalessInsertAsync(CopyLines(lines), protocol, precision, ttl, reqId, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Writes schemaless data given as one text (lines separated by <c>\n</c>); see <see cref="SchemalessInsert(string[], TaosSchemalessProtocol, TaosSchemalessPrecision, int?, long?)"/>.</summary>
    public long? SchemalessInsert(string text, TaosSchemalessProtocol protocol, TaosSchemalessPrecision precision, int? ttl = null,
        long? reqId = null) =>
        SchemalessInsertAsync(text, protocol, precision, ttl, reqId, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="SchemalessInsert(string[], TaosSchemalessProtocol, TaosSchemalessPrecision, int?, long?)"/>
    public Task<long?> SchemalessInsertAsync(string[] lines, TaosSchemalessProtocol protocol, TaosSchemalessPrecision precision,
        int? ttl = null, long? reqId = null, CancellationToken cancellationToken = default) =>
        SchemalessInsertAsync(CopyLines(lines), protocol, precision, ttl, reqId, true, cancellationToken).AsTask();

    /// <inheritdoc cref="SchemalessInsert(string, TaosSchemalessProtocol, TaosSchemalessPrecision, int?, long?)"/>
    public Task<long?> SchemalessInsertAsync(string text, TaosSchemalessProtocol protocol, TaosSchemalessPrecision precision,
        int? ttl = null, long? reqId = null, CancellationToken cancellationToken = default) =>
        SchemalessInsertAsync(text, protocol, precision, ttl, reqId, true, cancellationToken).AsTask();
#pragma warning restore RS0026

    // The lines as the caller gave them at the call (a copy of the array, not of the text): transports write them out without joining.
    private static string?[] CopyLines(string[] lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Length == 0 ? [""] : (string?[])lines.Clone();
    }

    private ValueTask<long?> SchemalessInsertAsync(string text, TaosSchemalessProtocol protocol, TaosSchemalessPrecision precision,
        int? ttl, long? reqId, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SchemalessInsertAsync([text], protocol, precision, ttl, reqId, async, cancellationToken);
    }

    private async ValueTask<long?> SchemalessInsertAsync(string?[] lines, TaosSchemalessProtocol protocol, TaosSchemalessPrecision precision,
        int? ttl, long? reqId, bool async, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(protocol)) throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null);
        if (!Enum.IsDefined(precision)) throw new ArgumentOutOfRangeException(nameof(precision), precision, null);
        if (ttl < 0) throw new ArgumentOutOfRangeException(nameof(ttl), ttl, null);
        CheckOpen();
        var session = await GetSessionAsync(async, cancellationToken).ConfigureAwait(false);
        if (session.Database is null)
        {
            throw new TaosException(SchemalessStrings.NoDatabase, TaosErrorCode.DatabaseNotSpecified);
        }
        var request = new SchemalessRequest(lines, protocol, precision, ttl ?? 0, reqId, TaosCommand.ToTimeout(GetSettings().Timeout));
        return await session.InsertSchemalessAsync(request, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Not supported: TDengine has no transactions.</summary>
    /// <exception cref="InvalidOperationException">The connection is not open.</exception>
    /// <exception cref="NotSupportedException">Always, on an open connection.</exception>
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        CheckOpen();
        throw new NotSupportedException(TaosStrings.TransactionsNotSupported);
    }

    /// <summary>Lists the supported schema collections.</summary>
    public override DataTable GetSchema() => GetSchema("MetaDataCollections");

    /// <summary>Returns a schema collection: <c>MetaDataCollections</c>, <c>Databases</c>, <c>Tables</c> or <c>Columns</c>.</summary>
    public override DataTable GetSchema(string collectionName) => GetSchema(collectionName, []);

    /// <summary>
    /// Returns a schema collection. Restrictions: <c>Tables</c> — [database]; <c>Columns</c> — [database, table].
    /// The database defaults to <see cref="Database"/>.
    /// </summary>
    public override DataTable GetSchema(string collectionName, string?[] restrictionValues) =>
        TaosSchemaProvider.GetSchema(this, collectionName, restrictionValues);

    internal TaosDataSource GetDataSource()
    {
        if (_dataSource is null)
        {
            if (string.IsNullOrWhiteSpace(_connectionString))
            {
                throw new InvalidOperationException(TaosStrings.NoUrl);
            }
            _dataSource = TaosDataSource.GetShared(_connectionString);
        }
        return _dataSource;
    }

    internal TaosConnectionStringBuilder GetSettings() => _dataSource?.Settings ?? new TaosConnectionStringBuilder(_connectionString);

    internal void CheckOpen()
    {
        if (_state != ConnectionState.Open)
        {
            throw new InvalidOperationException(TaosStrings.ConnectionNotOpen);
        }
    }

    /// <summary>The reader open on this connection, if any: one command runs at a time, and closing the connection closes it.</summary>
    internal TaosDataReader? ActiveReader { get; set; }

    /// <summary>The open connection's session; on a connection opened without a session yet, taken from the pool now.</summary>
    internal ITaosSession Session => _session?.Session ?? (_sessionOnDemand
        ? GetSessionAsync(false, CancellationToken.None).GetAwaiter().GetResult()
        : throw new InvalidOperationException(TaosStrings.ConnectionNotOpen));

    /// <summary>The open connection's session, taken from the pool first on a connection opened without one (<see cref="OpenWithoutCheck"/>).</summary>
    internal async ValueTask<ITaosSession> GetSessionAsync(bool async, CancellationToken cancellationToken)
    {
        if (_session is null && _sessionOnDemand)
        {
            await StartSessionAsync(verify: false, async, cancellationToken).ConfigureAwait(false);
        }
        return _session?.Session ?? throw new InvalidOperationException(TaosStrings.ConnectionNotOpen);
    }

    private string SafeEndpoint()
    {
        if (string.IsNullOrWhiteSpace(_connectionString)) return "";
        try
        {
            return new TaosConnectionStringBuilder(_connectionString).GetBaseUri().ToString();
        }
        catch (ArgumentException)
        {
            return "";
        }
        catch (UriFormatException)
        {
            return "";
        }
    }
}
