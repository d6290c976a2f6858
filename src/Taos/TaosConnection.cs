using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Taos.Protocol;
using Taos.Rest;

namespace Taos;

/// <summary>
/// A connection to TDengine over its REST interface. REST is stateless, so a connection is configuration (server,
/// credentials, default database, time zone) over the shared HTTP client of a <see cref="TaosDataSource"/>;
/// opening it checks the server and credentials once per data source (<c>SELECT SERVER_VERSION()</c>).
/// A connection made from a connection string alone uses a data source cached per connection string.
/// </summary>
public sealed class TaosConnection : DbConnection
{
    private TaosDataSource? _dataSource;
    private string _connectionString = "";
    private string? _database;
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
            _connectionString = value;
            _dataSource = null;
            _database = settings.Database;
        }
    }

    /// <summary>The current default database (from the connection string or <see cref="ChangeDatabase"/>); empty when none.</summary>
    public override string Database => _database ?? "";

    /// <summary>The server's REST endpoint.</summary>
    public override string DataSource => _dataSource?.Endpoint.ToString() ?? SafeEndpoint();

    /// <summary>The version the server reports, e.g. <c>3.3.0.1</c>; available once open.</summary>
    public override string ServerVersion => _state == ConnectionState.Open
        ? GetDataSource().ServerVersion ?? RestProtocol.ServerVersion
        : throw new InvalidOperationException(TaosStrings.ConnectionNotOpen);

    /// <inheritdoc/>
    public override ConnectionState State => _state;

    /// <summary>The default command timeout in seconds, from the connection string's <c>Timeout</c>.</summary>
    public override int ConnectionTimeout => GetSettings().Timeout;

    /// <summary>The connection string's time zone (<c>Timezone</c>), or null for UTC.</summary>
    public TimeZoneInfo? TimeZone => GetDataSource().TimeZone;

    /// <inheritdoc/>
    protected override DbProviderFactory DbProviderFactory => TaosFactory.Instance;

    /// <summary>Sets the default database for the following statements (sent as <c>/rest/sql/{database}</c>).</summary>
    public override void ChangeDatabase(string databaseName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        _database = databaseName;
    }

    /// <summary>Opens the connection, checking the server and credentials the first time for its data source.</summary>
    /// <exception cref="TaosException">The server cannot be reached or rejects the credentials (855).</exception>
    public override void Open() => OpenAsync(false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Open"/>
    public override Task OpenAsync(CancellationToken cancellationToken) => OpenAsync(true, cancellationToken).AsTask();

    private async ValueTask OpenAsync(bool async, CancellationToken cancellationToken)
    {
        if (_state == ConnectionState.Open)
        {
            throw new InvalidOperationException(TaosStrings.ConnectionAlreadyOpen);
        }
        var dataSource = GetDataSource();
        dataSource.ThrowIfDisposed();
        _state = ConnectionState.Connecting;
        try
        {
            if (dataSource.ServerVersion is null)
            {
                var request = new TaosRequest("select server_version()", null, TaosCommand.NewRequestId(), TaosCommand.ToTimeout(ConnectionTimeout == 0 ? 30 : ConnectionTimeout));
                await using var result = await dataSource.Transport.ExecuteAsync(request, async, cancellationToken).ConfigureAwait(false);
                var row = new TaosValue[result.Columns.Count];
                string? version = null;
                if (row.Length == 1 && await result.ReadRowAsync(row, async, cancellationToken).ConfigureAwait(false))
                {
                    version = row[0].Ref as string;
                }
                dataSource.ServerVersion = version ?? RestProtocol.ServerVersion;
            }
            _state = ConnectionState.Open;
        }
        catch
        {
            _state = ConnectionState.Closed;
            throw;
        }
        OnStateChange(new StateChangeEventArgs(ConnectionState.Closed, ConnectionState.Open));
    }

    internal void OpenWithoutCheck()
    {
        GetDataSource();
        _state = ConnectionState.Open;
    }

    /// <summary>Closes the connection (no network traffic: REST keeps no session).</summary>
    public override void Close()
    {
        if (_state == ConnectionState.Closed) return;
        _state = ConnectionState.Closed;
        OnStateChange(new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
    }

    /// <summary>Closes the connection, so that a disposed connection reports <see cref="ConnectionState.Closed"/> and cannot run commands.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }

    /// <summary>Creates a command on this connection.</summary>
    public new TaosCommand CreateCommand() => new(null, this);

    /// <inheritdoc/>
    protected override DbCommand CreateDbCommand() => CreateCommand();

    /// <summary>Not supported: TDengine has no transactions.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
        throw new NotSupportedException(TaosStrings.TransactionsNotSupported);

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

    private string SafeEndpoint()
    {
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
