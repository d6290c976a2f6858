using System.Diagnostics;
using Taos.Server.Endpoints.WebSocket;

namespace Taos.Server.Endpoints.Tmq;

/// <summary>One <c>/rest/tmq</c> request being handled: its connection, the request and when handling began.</summary>
internal sealed class TmqCall(TmqConnection connection, WsRequest request)
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public TmqConnection Connection { get; } = connection;

    public WsRequest Request { get; } = request;

    /// <summary>Nanoseconds since handling began.</summary>
    public long Timing => (long)Stopwatch.GetElapsedTime(_started).TotalNanoseconds;

    /// <summary>A success reply with the header written; add the action's fields.</summary>
    public WsReply Ok() => WsReply.Start(0, "", Request.Action, Request.RequestId, Timing);

    /// <summary>An error reply (code masked with 0xFFFF as taosAdapter does).</summary>
    public WsAnswer Error(int code, string message) => WsAnswer.Text(ErrorReply(code, message));

    /// <summary>An error reply to add fields to (fetch-type errors carry <c>message_id</c>).</summary>
    public WsReply ErrorReply(int code, string message) => WsReply.Start(code & 0xFFFF, message, Request.Action, Request.RequestId, Timing);
}
