using Taos.Server.Endpoints.WebSocket.Stmt;
using Taos.Server.Engine;

namespace Taos.Server.Endpoints.WebSocket;

/// <summary>
/// The state of one WebSocket connection: whether <c>conn</c> succeeded, its SQL session (user, current
/// database), its open results, numbered 1, 2, 3 … in order of result-producing queries (and stmt <c>use_result</c>),
/// and its prepared statements.
/// </summary>
internal sealed class WsConnection : IDisposable
{
    private readonly Dictionary<ulong, WsResult> _results = [];
    private ulong _lastResultId;

    public WsConnection(bool legacy) => Legacy = legacy;

    /// <summary>The client's <c>ip:port</c>, for perf_connections.</summary>
    public string Peer { get; init; } = "";

    /// <summary>The client's address, which the user's IP white list must admit at <c>conn</c> (null: unknown).</summary>
    public System.Net.IPAddress? Address { get; init; }

    /// <summary>Ends the connection (KILL CONNECTION): drops the socket.</summary>
    public Action Abort { get; init; } = () => { };

    /// <summary>The connection as the registry knows it once <c>conn</c> succeeded (perf_connections, KILL CONNECTION).</summary>
    public Engine.Admin.LiveConnection? Live { get; set; }

    /// <summary>True on <c>/rest/ws</c>, the legacy query endpoint.</summary>
    public bool Legacy { get; }

    /// <summary>The session of a successful <c>conn</c>, or null before it.</summary>
    public SqlSession? Session { get; set; }

    /// <summary>The statements of <c>init</c>, released with the connection.</summary>
    public WsStmtRegistry Stmts { get; } = new();

    /// <summary>How many results are open.</summary>
    public int OpenResults => _results.Count;

    /// <summary>Registers a result set under the next id; <paramref name="freed"/> runs when it is freed.</summary>
    public WsResult Open(RowSetResult rowSet, Action? freed = null)
    {
        var result = new WsResult(++_lastResultId, rowSet) { Freed = freed };
        _results.Add(result.Id, result);
        return result;
    }

    /// <summary>The open result with this id, or null.</summary>
    public WsResult? Find(ulong id) => _results.GetValueOrDefault(id);

    /// <summary>Frees a result; nothing when it is not open.</summary>
    public void Free(ulong id)
    {
        if (_results.Remove(id, out var result))
        {
            result.Dispose();
        }
    }

    /// <summary>Frees every open result and statement.</summary>
    public void Dispose()
    {
        foreach (var result in _results.Values)
        {
            result.Dispose();
        }
        _results.Clear();
        Stmts.Dispose();
    }
}
