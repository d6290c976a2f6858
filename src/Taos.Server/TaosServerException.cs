namespace Taos.Server;

/// <summary>
/// A TDengine error raised while handling a request: the code and the <c>desc</c> text that the REST
/// answer (and later the WebSocket answer) carries, exactly as real TDengine words them.
/// </summary>
internal sealed class TaosServerException : Exception
{
    public TaosServerException(int code, string message) : base(message) => Code = code;

    /// <summary>TDengine's error code (see <see cref="TaosErrorCode"/>).</summary>
    public int Code { get; }
}
