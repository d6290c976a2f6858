namespace Taos.Transport.WebSocket;

/// <summary>One message from the server: a parsed text reply, or a binary frame (a <c>fetch_block</c> answer).</summary>
/// <param name="Reply">The text reply, or null for a binary frame.</param>
/// <param name="Binary">
/// The binary frame's buffer, or null for a text reply. It belongs to the receiver, who may give it back to the
/// socket (<see cref="WsSocket.Recycle"/>) once nothing points into it; it may be longer than the frame.
/// </param>
/// <param name="BinaryLength">The binary frame's length in bytes (0 for a text reply).</param>
internal readonly record struct WsFrame(WsReply? Reply, byte[]? Binary, int BinaryLength = 0);
