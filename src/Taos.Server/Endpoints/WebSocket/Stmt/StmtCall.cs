using System.Diagnostics;

namespace Taos.Server.Endpoints.WebSocket.Stmt;

/// <summary>
/// One stmt request being handled, from a JSON request or a binary message: the connection, the action name the
/// reply carries, the <c>req_id</c> it echoes and when handling began (for <c>timing</c>). Stmt replies carry
/// <c>stmt_id</c> right after <c>timing</c>, errors included.
/// </summary>
internal readonly struct StmtCall(WsConnection connection, string action, ulong requestId)
{
    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>The connection the request came on.</summary>
    public WsConnection Connection { get; } = connection;

    /// <summary>The action name the reply carries.</summary>
    public string Action { get; } = action;

    /// <summary>The <c>req_id</c> the reply echoes.</summary>
    public ulong RequestId { get; } = requestId;

    /// <summary>The call of a JSON request.</summary>
    public static StmtCall Of(WsCall call) => new(call.Connection, call.Request.Action, call.Request.RequestId);

    /// <summary>A success reply with the header and <c>stmt_id</c> written; add the action's fields.</summary>
    public WsReply Ok(ulong stmtId) => Start(0, "").Field("stmt_id").UInt64(stmtId);

    /// <summary>An error reply with <c>stmt_id</c> (<paramref name="code"/> masked with 0xFFFF like taosAdapter does).</summary>
    public WsAnswer Error(int code, string message, ulong stmtId) =>
        WsAnswer.Text(Start(code & 0xFFFF, message).Field("stmt_id").UInt64(stmtId));

    /// <summary>An error reply without <c>stmt_id</c> (a request that names none, or a raw-block write).</summary>
    public WsAnswer Error(int code, string message) => WsAnswer.Text(Start(code & 0xFFFF, message));

    /// <summary>A success reply without <c>stmt_id</c>.</summary>
    public WsAnswer Done() => WsAnswer.Text(Start(0, ""));

    /// <summary>A reply with only the header written (<paramref name="code"/> as given); add fields, then send it.</summary>
    public WsReply Start(int code, string message) =>
        WsReply.Start(code, message, Action, RequestId, (long)Stopwatch.GetElapsedTime(_started).TotalNanoseconds);
}
