namespace Taos.Server.Endpoints.WebSocket.Stmt;

/// <summary>The statements one connection holds, numbered 1, 2, 3 … in order of <c>init</c>; all released with the socket.</summary>
internal sealed class WsStmtRegistry : IDisposable
{
    /// <summary>Statements one connection may hold open at once.</summary>
    public const int MaxOpen = 1024;

    private readonly Dictionary<ulong, WsStmt> _stmts = [];
    private ulong _lastId;

    /// <summary>How many statements are open.</summary>
    public int Count => _stmts.Count;

    /// <summary>A new statement under the next id; null when <see cref="MaxOpen"/> are open.</summary>
    public WsStmt? Init()
    {
        if (_stmts.Count >= MaxOpen)
        {
            return null;
        }
        var stmt = new WsStmt(++_lastId);
        _stmts.Add(stmt.Id, stmt);
        return stmt;
    }

    /// <summary>The open statement with this id, or null.</summary>
    public WsStmt? Find(ulong id) => _stmts.GetValueOrDefault(id);

    /// <summary>Closes a statement; nothing when it is not open.</summary>
    public void Close(ulong id)
    {
        if (_stmts.Remove(id, out var stmt))
        {
            stmt.Dispose();
        }
    }

    /// <summary>Closes every statement.</summary>
    public void Dispose()
    {
        foreach (var stmt in _stmts.Values)
        {
            stmt.Dispose();
        }
        _stmts.Clear();
    }
}
