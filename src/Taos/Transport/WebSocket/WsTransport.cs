using System.Net.WebSockets;
using Taos.Protocol;

namespace Taos.Transport.WebSocket;

/// <summary>
/// taosAdapter's WebSocket interface (<c>/ws</c>): what the sessions of a data source share — the endpoints in the
/// order they are tried, credentials, options and time zone. Each session (open connection) owns one
/// <see cref="WsSocket"/>, logged in with <c>conn</c>.
/// </summary>
internal sealed class WsTransport : ITaosTransport
{
    private readonly string _user;
    private readonly string _password;
    private readonly string? _token;
    private readonly bool _compression;
    private readonly TimeSpan _connectTimeout;

    /// <summary>Creates the transport from the connection string's settings.</summary>
    public WsTransport(TaosConnectionStringBuilder settings, TimeZoneInfo? timeZone)
    {
        Endpoints = settings.GetWebSocketUris();
        Endpoint = Endpoints[0];
        TimeZone = timeZone;
        _user = settings.Username;
        _password = settings.Password;
        _token = settings.Token;
        _compression = settings.EnableCompression;
        _connectTimeout = settings.ConnectTimeout > 0 ? TimeSpan.FromSeconds(settings.ConnectTimeout) : Timeout.InfiniteTimeSpan;
        ReadTimeout = settings.ReadTimeout > 0 ? TimeSpan.FromSeconds(settings.ReadTimeout) : null;
        AutoReconnect = settings.AutoReconnect;
        ReconnectRetryCount = settings.ReconnectRetryCount;
        ReconnectInterval = TimeSpan.FromMilliseconds(settings.ReconnectIntervalMs);
    }

    public Uri Endpoint { get; }

    /// <summary>Every endpoint of the connection string, tried in order.</summary>
    public IReadOnlyList<Uri> Endpoints { get; }

    /// <summary>The connection string's time zone (parameters, and the offset of timestamps read), or null for UTC.</summary>
    public TimeZoneInfo? TimeZone { get; }

    /// <summary>The time allowed for each answer while a result is read, or null for the command's timeout.</summary>
    public TimeSpan? ReadTimeout { get; }

    /// <summary>Whether a session replaces a broken socket by a new one.</summary>
    public bool AutoReconnect { get; }

    /// <summary>Rounds over the endpoints a reconnect tries.</summary>
    public int ReconnectRetryCount { get; }

    /// <summary>The pause between two reconnect rounds.</summary>
    public TimeSpan ReconnectInterval { get; }

    public ITaosSession CreateSession(string? database) => new WsSession(this, database);

    /// <summary>
    /// Opens a logged-in socket: tries the endpoints in order, starting at <paramref name="first"/>, for
    /// <paramref name="rounds"/> rounds with <see cref="ReconnectInterval"/> between them; <c>conn</c> makes
    /// <paramref name="database"/> the default database. Returns the socket and the server's version.
    /// </summary>
    /// <exception cref="TaosException">No endpoint could be reached, or the server refused the login (its code).</exception>
    public async ValueTask<(WsSocket Socket, string? Version)> OpenSocketAsync(int first, int rounds, string? database, TimeSpan timeout,
        bool async, CancellationToken cancellationToken)
    {
        if (_connectTimeout != Timeout.InfiniteTimeSpan) timeout = _connectTimeout;
        Exception? last = null;
        for (int round = 0; round < rounds; round++)
        {
            if (round > 0)
            {
                if (async) await Task.Delay(ReconnectInterval, cancellationToken).ConfigureAwait(false);
                else cancellationToken.WaitHandle.WaitOne(ReconnectInterval);
                cancellationToken.ThrowIfCancellationRequested();
            }
            for (int i = 0; i < Endpoints.Count; i++)
            {
                var endpoint = Endpoints[(first + i) % Endpoints.Count];
                try
                {
                    return await LoginAsync(endpoint, database, timeout, async, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (IsUnreachable(e, cancellationToken))
                {
                    last = e;
                }
            }
        }
        string endpoints = string.Join(", ", Endpoints);
        throw new TaosException(WsStrings.CannotConnect(endpoints, last?.Message ?? ""), innerException: last as IOException ?? new IOException(last?.Message, last));
    }

    private static bool IsUnreachable(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && (e is WebSocketException or IOException or HttpRequestException or OperationCanceledException
            || (e is TaosException t && t.ErrorCode == TaosException.ClientErrorCode));

    private async ValueTask<(WsSocket, string?)> LoginAsync(Uri endpoint, string? database, TimeSpan timeout, bool async, CancellationToken cancellationToken)
    {
        using var timeoutCts = new CancellationTokenSource();
        if (timeout != Timeout.InfiniteTimeSpan) timeoutCts.CancelAfter(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        var socket = await WsSocket.ConnectAsync(endpoint, _token, _compression, async, linked.Token).ConfigureAwait(false);
        try
        {
            var version = await socket.RequestAsync(0, 0, WsRequests.Version(0), timeout, async, cancellationToken).ConfigureAwait(false);
            ulong id = socket.NextRequestId();
            var conn = await socket.RequestAsync(id, 0, WsRequests.Connect(id, _user, _password, database), timeout, async, cancellationToken).ConfigureAwait(false);
            ThrowOnError(conn.Reply, null, null);
            return (socket, version.Reply?.Version ?? RestProtocol.ServerVersion);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Throws the <see cref="TaosException"/> of an error reply (or of a binary frame where text was due).</summary>
    public static WsReply ThrowOnError(WsReply? reply, string? sql, long? requestId)
    {
        if (reply is null)
        {
            throw new TaosException(WsStrings.MalformedReply("a binary frame where a text reply was due"), sql: sql, requestId: requestId);
        }
        if (reply.Code != 0)
        {
            throw new TaosException(TaosStrings.ServerError(reply.Code, reply.Message), reply.Code, reply.Message, sql, requestId);
        }
        return reply;
    }

    /// <summary>Nothing to release: the sockets belong to the sessions.</summary>
    public void Dispose()
    {
    }
}
