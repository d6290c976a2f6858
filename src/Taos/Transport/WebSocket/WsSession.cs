using System.Text.RegularExpressions;
using Taos.Transport.Rest;

namespace Taos.Transport.WebSocket;

/// <summary>
/// A connection's session over WebSocket: one socket logged in with <c>conn</c> (default database included); each
/// statement is a <c>query</c>, its rows come as raw blocks (<see cref="WsQueryResult"/>). Parameters are bound
/// into the statement text as over REST (<see cref="SqlParameterBinder"/>). With <c>AutoReconnect</c> a broken
/// socket is replaced (the next endpoint first) and a statement that never reached the server is sent again; one
/// that may have run is not (its <see cref="TaosException"/> says so).
/// </summary>
internal sealed partial class WsSession : ITaosSession
{
    private readonly WsTransport _transport;
    private WsSocket? _socket;
    private int _endpoint;
    private bool _disposed;

    public WsSession(WsTransport transport, string? database)
    {
        _transport = transport;
        Database = string.IsNullOrEmpty(database) ? null : database;
    }

    public string? Database { get; private set; }

    public string? ServerVersion { get; private set; }

    /// <summary>The transport's settings (time zone, timeouts) the session runs with.</summary>
    public WsTransport Transport => _transport;

    /// <summary>The server-side prepared statements (stmt) open on the session's socket.</summary>
    public Stmt.WsStatements Statements { get; } = new();

    /// <summary>True once the socket failed (and, with <c>AutoReconnect</c>, until a statement replaces it).</summary>
    public bool IsBroken => _socket is null || _socket.IsBroken;

    /// <summary>Opens the socket and logs in; a WebSocket session always needs this handshake, with or without <paramref name="verify"/>.</summary>
    public async ValueTask OpenAsync(bool verify, TimeSpan timeout, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await ConnectAsync(rounds: 1, timeout, async, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<WsSocket> ConnectAsync(int rounds, TimeSpan timeout, bool async, CancellationToken cancellationToken)
    {
        _socket?.Dispose();
        _socket = null;
        var (socket, version) = await _transport.OpenSocketAsync(_endpoint, rounds, Database, timeout, async, cancellationToken).ConfigureAwait(false);
        _endpoint = IndexOf(socket.Endpoint);
        (_socket, ServerVersion) = (socket, version);
        return socket;
    }

    private int IndexOf(Uri endpoint)
    {
        for (int i = 0; i < _transport.Endpoints.Count; i++)
        {
            if (_transport.Endpoints[i] == endpoint) return i;
        }
        return 0;
    }

    /// <summary>The socket to send on: the open one, or with AutoReconnect a new one (starting at the endpoint after the broken one).</summary>
    public async ValueTask<WsSocket> SocketAsync(TimeSpan timeout, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_socket is { IsBroken: false } socket) return socket;
        if (!_transport.AutoReconnect)
        {
            throw new TaosException(WsStrings.Broken(_socket?.Endpoint ?? _transport.Endpoint, "AutoReconnect is off"),
                innerException: new IOException("the WebSocket is broken"));
        }
        if (_socket is not null) _endpoint = (_endpoint + 1) % _transport.Endpoints.Count;
        return await ConnectAsync(Math.Max(1, _transport.ReconnectRetryCount), timeout, async, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<ITaosResult> ExecuteAsync(TaosRequest request, bool async, CancellationToken cancellationToken)
    {
        string sql = SqlParameterBinder.Bind(request.Sql, request.Parameters, _transport.TimeZone);
        var reply = await QueryAsync(sql, request, async, cancellationToken).ConfigureAwait(false);
        if (UseStatement().Match(sql) is { Success: true } use)
        {
            // The statement moved the server's session: follow it, so Database and a reconnect agree with it.
            Database = use.Groups[1].Value;
        }
        if (reply.IsUpdate || reply.FieldTypes.Length == 0)
        {
            return new WsUpdateResult(reply.AffectedRows);
        }
        var readTimeout = _transport.ReadTimeout ?? request.Timeout;
        return new WsQueryResult(_socket!, reply, _transport.TimeZone, readTimeout, sql, request.RequestId);
    }

    private ValueTask<WsReply> QueryAsync(string sql, TaosRequest request, bool async, CancellationToken cancellationToken) =>
        SendAsync(static (id, sql) => WsRequests.Query(id, sql), sql, null, sql, request.RequestId, request.Timeout, async, cancellationToken);

    /// <summary>
    /// Sends the schemaless <c>insert</c> (with the caller's <c>req_id</c> when it gave one); returns the rows written
    /// when the server reports them (taosAdapter 3.3.0.1 does not: null).
    /// </summary>
    public async ValueTask<long?> InsertSchemalessAsync(SchemalessRequest request, bool async, CancellationToken cancellationToken)
    {
        ulong? wireId = request.RequestId is { } id ? unchecked((ulong)id) : null;
        var reply = await SendAsync(static (id, r) => WsRequests.Insert(id, r), request, wireId, null, request.RequestId, request.Timeout,
            async, cancellationToken).ConfigureAwait(false);
        return reply.HasAffectedRows ? reply.AffectedRows : null;
    }

    // Sends the request built by frame (with requestId, or the socket's next id); resends it on a new socket
    // (AutoReconnect) when it did not reach the server. sql and taosRequestId go into the exceptions.
    private async ValueTask<WsReply> SendAsync<TState>(Func<ulong, TState, byte[]> frame, TState state, ulong? requestId, string? sql,
        long? taosRequestId, TimeSpan timeout, bool async, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            var socket = await SocketAsync(timeout, async, cancellationToken).ConfigureAwait(false);
            ulong id = requestId ?? socket.NextRequestId();
            long? reportedId = taosRequestId ?? unchecked((long)id);
            try
            {
                var answer = await socket.RequestAsync(id, 0, frame(id, state), timeout, async, cancellationToken).ConfigureAwait(false);
                return WsTransport.ThrowOnError(answer.Reply, sql, reportedId);
            }
            catch (WsUnsentException) when (_transport.AutoReconnect && attempt == 0)
            {
                // Never reached the server: the next round sends it on a new socket.
            }
            catch (WsUnsentException e)
            {
                throw new TaosException(WsStrings.NotSent(socket.Endpoint, e.Message), sql: sql, requestId: reportedId, innerException: e);
            }
            catch (TaosException e) when (e.ErrorCode == TaosException.ClientErrorCode && socket.IsBroken)
            {
                throw new TaosException(WsStrings.MayHaveRun(socket.Endpoint, e.Message), sql: sql, requestId: reportedId, innerException: e.InnerException);
            }
            catch (TaosException e) when (e.ErrorCode == TaosException.ClientErrorCode && e.Sql is null)
            {
                throw new TaosException(e.Message, sql: sql, requestId: reportedId, innerException: e.InnerException);
            }
        }
    }

    /// <summary>Runs <c>USE</c> on the server, so that a database that does not exist fails now (TDengine's error).</summary>
    public async ValueTask ChangeDatabaseAsync(string database, bool async, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        var request = new TaosRequest("use `" + database.Replace("`", "``", StringComparison.Ordinal) + "`", [], RequestIds.Next(), Timeout.InfiniteTimeSpan);
        await QueryAsync(request.Sql, request, async, cancellationToken).ConfigureAwait(false);
        Database = database;
    }

    [GeneratedRegex(@"^\s*use\s+`?(\w+)`?\s*;?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UseStatement();

    public void Dispose()
    {
        _disposed = true;
        _socket?.Dispose();
        _socket = null;
    }
}
