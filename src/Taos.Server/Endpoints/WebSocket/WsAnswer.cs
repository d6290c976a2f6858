namespace Taos.Server.Endpoints.WebSocket;

/// <summary>One frame to send back: a JSON text reply or a binary one.</summary>
internal readonly record struct WsAnswer(ReadOnlyMemory<byte> Payload, bool Binary)
{
    /// <summary>A text frame holding <paramref name="reply"/> (closed here).</summary>
    public static WsAnswer Text(WsReply reply) => new(reply.End().Utf8, false);
}
