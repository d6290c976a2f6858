namespace Taos.Transport.WebSocket;

/// <summary>One message from the server: a parsed text reply, or a binary frame (a <c>fetch_block</c> answer).</summary>
/// <param name="Reply">The text reply, or null for a binary frame.</param>
/// <param name="Binary">The binary frame, or null for a text reply. Its buffer belongs to the receiver.</param>
internal readonly record struct WsFrame(WsReply? Reply, byte[]? Binary);
