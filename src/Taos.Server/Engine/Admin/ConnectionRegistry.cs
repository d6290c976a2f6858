namespace Taos.Server.Engine.Admin;

/// <summary>A connection an endpoint serves, as perf_connections shows it; <see cref="Close"/> ends it (KILL CONNECTION).</summary>
internal sealed record LiveConnection(int Id, string User, string App, int Pid, string Endpoint, long LoginTime, Action Close);

/// <summary>A statement a connection runs, as perf_queries shows it; KILL QUERY cancels <see cref="Cancellation"/>.</summary>
internal sealed record LiveQuery(long Id, int ConnectionId, string Sql, long CreateTime, CancellationTokenSource Cancellation)
{
    /// <summary>perf_queries' kill_id: <c>conn_id:query_id</c> in hexadecimal, the form KILL QUERY takes.</summary>
    public string KillId => $"{ConnectionId:x}:{Id:x}";
}

/// <summary>
/// The connections the endpoints serve and the statements they run (perf_connections, perf_queries, SHOW
/// CONNECTIONS, SHOW QUERIES), for KILL CONNECTION and KILL QUERY. An endpoint registers a connection when it opens
/// and removes it when it closes, and registers each statement while it runs. Thread-safe.
/// </summary>
internal sealed class ConnectionRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, LiveConnection> _connections = [];
    private readonly Dictionary<long, LiveQuery> _queries = [];
    private int _nextConnection;
    private long _nextQuery;

    /// <summary>The open connections, by id.</summary>
    public IReadOnlyList<LiveConnection> Connections()
    {
        lock (_lock) return _connections.Values.OrderBy(c => c.Id).ToList();
    }

    /// <summary>The running statements, by id.</summary>
    public IReadOnlyList<LiveQuery> Queries()
    {
        lock (_lock) return _queries.Values.OrderBy(q => q.Id).ToList();
    }

    /// <summary>Registers a connection of <paramref name="user"/> from <paramref name="endpoint"/>; <paramref name="close"/> ends it.</summary>
    public LiveConnection Open(string user, string app, int pid, string endpoint, Action close)
    {
        lock (_lock)
        {
            var connection = new LiveConnection(++_nextConnection, user, app, pid, endpoint, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), close);
            _connections[connection.Id] = connection;
            return connection;
        }
    }

    /// <summary>Removes connection <paramref name="id"/> and its statements.</summary>
    public void Closed(int id)
    {
        lock (_lock)
        {
            _connections.Remove(id);
            foreach (var query in _queries.Values.Where(q => q.ConnectionId == id).ToList()) _queries.Remove(query.Id);
        }
    }

    /// <summary>Registers a statement connection <paramref name="connectionId"/> starts running.</summary>
    public LiveQuery Start(int connectionId, string sql)
    {
        lock (_lock)
        {
            var query = new LiveQuery(++_nextQuery, connectionId, sql, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), new CancellationTokenSource());
            _queries[query.Id] = query;
            return query;
        }
    }

    /// <summary>Removes statement <paramref name="query"/>, which has ended.</summary>
    public void Finished(LiveQuery query)
    {
        lock (_lock) _queries.Remove(query.Id);
        query.Cancellation.Dispose();
    }

    /// <summary>KILL CONNECTION: closes connection <paramref name="id"/>; false when there is none.</summary>
    public bool Kill(long id)
    {
        LiveConnection? connection;
        lock (_lock)
        {
            if (id is <= 0 or > int.MaxValue || !_connections.TryGetValue((int)id, out connection)) return false;
        }
        connection.Close();
        return true;
    }

    /// <summary>
    /// KILL QUERY: cancels statement <paramref name="queryId"/> of connection <paramref name="connectionId"/> when it
    /// still runs; false when there is no such connection (a finished statement is no error, as in TDengine).
    /// </summary>
    public bool KillQuery(long connectionId, long queryId)
    {
        LiveQuery? query;
        lock (_lock)
        {
            if (connectionId is <= 0 or > int.MaxValue || !_connections.ContainsKey((int)connectionId)) return false;
            _queries.TryGetValue(queryId, out query);
        }
        if (query is not null && query.ConnectionId == connectionId)
        {
            try
            {
                query.Cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It ended meanwhile.
            }
        }
        return true;
    }
}
