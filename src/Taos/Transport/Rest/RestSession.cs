using Taos.Protocol;

namespace Taos.Transport.Rest;

/// <summary>
/// A connection's session over REST. The server keeps nothing between requests, so the session is the client's
/// part of it: the default database, sent as <c>/rest/sql/{db}</c>, and the binding of parameters into the statement
/// text (<see cref="SqlParameterBinder"/>; TDengine's REST interface has no binding). Opening with verification asks
/// <c>SELECT SERVER_VERSION()</c> once per transport.
/// </summary>
internal sealed class RestSession : ITaosSession
{
    private readonly RestTransport _transport;
    private bool _disposed;

    public RestSession(RestTransport transport, string? database)
    {
        _transport = transport;
        Database = string.IsNullOrEmpty(database) ? null : database;
    }

    public string? Database { get; private set; }

    public string? ServerVersion => _transport.ServerVersion;

    /// <summary>Always false: REST keeps no connection of its own (each request takes one from the HTTP client's pool).</summary>
    public bool IsBroken => false;

    public async ValueTask OpenAsync(bool verify, TimeSpan timeout, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!verify || _transport.ServerVersion is not null)
        {
            return;
        }
        var request = new RestRequest("select server_version()", null, RequestIds.Next(), timeout);
        await using var result = await _transport.SendAsync(request, async, cancellationToken).ConfigureAwait(false);
        var row = new TaosValue[result.Columns.Count];
        string? version = null;
        if (row.Length == 1 && await result.ReadRowAsync(row, async, cancellationToken).ConfigureAwait(false))
        {
            version = row[0].Ref as string;
        }
        _transport.ServerVersion = version ?? RestProtocol.ServerVersion;
    }

    public async ValueTask<ITaosResult> ExecuteAsync(TaosRequest request, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        string sql = SqlParameterBinder.Bind(request.Sql, request.Parameters, _transport.TimeZone);
        var rest = new RestRequest(sql, Database, request.RequestId, request.Timeout);
        return await _transport.SendAsync(rest, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Remembers <paramref name="database"/> for the following statements; nothing is sent (REST has no USE).</summary>
    public ValueTask ChangeDatabaseAsync(string database, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        Database = database;
        return default;
    }

    /// <summary>Posts the data to taosAdapter's schemaless HTTP endpoint of its protocol (<see cref="RestSchemalessSender"/>).</summary>
    public ValueTask<long?> InsertSchemalessAsync(SchemalessRequest request, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new RestSchemalessSender(_transport).SendAsync(request, Database!, async, cancellationToken);
    }

    public void Dispose() => _disposed = true;
}
