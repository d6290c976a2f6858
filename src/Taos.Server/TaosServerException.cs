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

    /// <summary>
    /// 256 for SQL that parses but that the embedded server does not execute yet: saying so beats a false syntax
    /// error or silently ignoring a clause.
    /// </summary>
    internal static TaosServerException NotSupported(string feature) =>
        new(ServerErrorCode.OperationNotSupported, $"Operation not supported: {feature} is not implemented by the embedded server");
}
