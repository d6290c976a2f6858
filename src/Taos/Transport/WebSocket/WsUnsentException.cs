namespace Taos.Transport.WebSocket;

/// <summary>
/// A request that never reached the server: the socket was already broken, or sending it failed. Unlike a failure
/// after sending, the statement cannot have run, so a reconnecting session may send it again.
/// </summary>
internal sealed class WsUnsentException(string message, Exception? innerException) : IOException(message, innerException);
