using System.Collections.Concurrent;
using System.Data.Common;
using Taos.Pooling;
using Taos.Transport;

namespace Taos;

/// <summary>
/// The shared, thread-safe entry point to one TDengine server: configuration, one transport (the connection
/// string's <c>Protocol</c>; REST holds one <see cref="HttpClient"/>, whose handler pools the HTTP connections) and
/// the pool of its sessions (<c>Pooling</c>, <c>MinPoolSize</c>, <c>MaxPoolSize</c>, <c>ConnectionIdleLifetime</c>,
/// <c>ConnectionLifetime</c>): an open connection takes a session from it and gives it back on close. Create one per
/// application and server, make connections and commands from it, dispose it at shutdown.
/// </summary>
public sealed class TaosDataSource : DbDataSource
{
    private static readonly ConcurrentDictionary<string, TaosDataSource> Shared = new(StringComparer.Ordinal);

    private readonly string _redacted;
    private volatile bool _disposed;

    internal TaosDataSource(TaosConnectionStringBuilder settings, HttpMessageHandler? handler, bool disposeHandler)
    {
        Settings = new TaosConnectionStringBuilder(settings.ConnectionString);
        Endpoint = Settings.GetBaseUri();
        TimeZone = string.IsNullOrEmpty(Settings.Timezone) ? null : TimeZoneInfo.FindSystemTimeZoneById(Settings.Timezone!);
        _redacted = Settings.ToRedactedString();
        var pooling = SessionPoolOptions.From(Settings);
        Transport = TaosTransports.Create(Settings, TimeZone, handler, disposeHandler);
        Sessions = pooling.Pooling
            ? new SessionPool(Transport, pooling, TimeProvider.System)
            : new UnpooledSessionSource(Transport, TimeProvider.System);
    }

    /// <summary>Creates a data source from a connection string (see <see cref="TaosConnectionStringBuilder"/>).</summary>
    /// <exception cref="ArgumentException">The connection string is invalid.</exception>
    public static TaosDataSource Create(string connectionString) =>
        new(new TaosConnectionStringBuilder(connectionString), null, false);

    /// <summary>The connection string, with the password and token masked.</summary>
    public override string ConnectionString => _redacted;

    /// <summary>The server's endpoint, e.g. <c>http://localhost:6041/</c>.</summary>
    public Uri Endpoint { get; }

    internal TaosConnectionStringBuilder Settings { get; }

    internal TimeZoneInfo? TimeZone { get; }

    internal ITaosTransport Transport { get; }

    /// <summary>Where the connections get their sessions: the pool, or with <c>Pooling=false</c> a new session per open.</summary>
    internal ISessionSource Sessions { get; }

    /// <summary>Creates a closed connection that uses this data source.</summary>
    public new TaosConnection CreateConnection() => new(this);

    /// <summary>Creates and opens a connection.</summary>
    public new TaosConnection OpenConnection()
    {
        var connection = CreateConnection();
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Creates and opens a connection.</summary>
    public new async ValueTask<TaosConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Creates a command that runs on this data source without an explicit connection: it takes a session from the
    /// pool when it first runs and gives it back when disposed, so dispose it.
    /// </summary>
    public new TaosCommand CreateCommand(string? commandText = null) => (TaosCommand)CreateDbCommand(commandText);

    /// <inheritdoc/>
    protected override DbConnection CreateDbConnection() => CreateConnection();

    /// <inheritdoc/>
    protected override DbCommand CreateDbCommand(string? commandText = null)
    {
        var connection = CreateConnection();
        connection.OpenWithoutCheck();
        return new TaosCommand(commandText, connection) { OwnsConnection = true };
    }

    /// <summary>
    /// Closes the pool's idle sessions; the sessions of open connections are closed when those connections close
    /// (like <see cref="TaosConnection.ClearPool"/>). Use it when the server restarted or failed over.
    /// </summary>
    public void Clear() => Sessions.Clear();

    /// <summary>Closes the idle sessions and releases the transport; later opens throw <see cref="ObjectDisposedException"/>.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed = true;
            Sessions.Dispose();
            Transport.Dispose();
        }
        base.Dispose(disposing);
    }

    // Without this a disposed HttpClient surfaces as a transient network failure, inviting endless retries.
    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>The data source shared by every connection made from the same connection string alone.</summary>
    internal static TaosDataSource GetShared(string connectionString) =>
        Shared.GetOrAdd(connectionString, static cs => Create(cs));
}
