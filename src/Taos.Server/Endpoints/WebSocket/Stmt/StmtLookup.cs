using System.Diagnostics.CodeAnalysis;

namespace Taos.Server.Endpoints.WebSocket.Stmt;

/// <summary>Finds the statement a request names, answering as taosAdapter does when it cannot.</summary>
internal static class StmtLookup
{
    /// <summary>The text of TDengine's 554 for a stmt call out of order.</summary>
    public const string UsageError = "Stmt API usage error";

    /// <summary>
    /// The statement of <c>args.stmt_id</c>; else the answer: a malformed id is <c>unmarshal {action} request
    /// error</c>, an unknown or closed one <c>stmt is nil</c>.
    /// </summary>
    public static bool TryFind(WsCall call, out StmtCall stmtCall, [NotNullWhen(true)] out WsStmt? stmt, out WsAnswer error)
    {
        stmtCall = StmtCall.Of(call);
        stmt = null;
        error = default;
        if (!call.Request.TryGetUInt64("stmt_id", out ulong id))
        {
            error = stmtCall.Error(ServerErrorCode.AdapterError, $"unmarshal {call.Request.Action} request error", 0);
            return false;
        }
        return TryFind(stmtCall, id, out stmt, out error);
    }

    /// <summary>The statement <paramref name="id"/> (a binary message's header id); else <c>stmt is nil</c>.</summary>
    public static bool TryFind(StmtCall call, ulong id, [NotNullWhen(true)] out WsStmt? stmt, out WsAnswer error)
    {
        error = default;
        stmt = call.Connection.Stmts.Find(id);
        if (stmt is null)
        {
            error = call.Error(ServerErrorCode.AdapterError, "stmt is nil", id);
            return false;
        }
        return true;
    }
}
