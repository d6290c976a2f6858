using System.Diagnostics;

namespace Taos.Server.Endpoints.WebSocket;

/// <summary>One request being handled: the connection, the request and when handling began (for <c>timing</c>).</summary>
internal sealed class WsCall(WsConnection connection, WsRequest request)
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public WsConnection Connection { get; } = connection;

    public WsRequest Request { get; } = request;

    /// <summary>Nanoseconds since handling began.</summary>
    public long Timing => (long)Stopwatch.GetElapsedTime(_started).TotalNanoseconds;

    /// <summary>A success reply with the header written; add the action's fields.</summary>
    public WsReply Ok() => WsReply.Start(0, "", Request.Action, Request.RequestId, Timing);

    /// <summary>An error reply (<paramref name="code"/> masked with 0xFFFF like taosAdapter does).</summary>
    public WsAnswer Error(int code, string message) =>
        WsAnswer.Text(WsReply.Start(code & 0xFFFF, message, Request.Action, Request.RequestId, Timing));
}
