using System.Globalization;

namespace Taos.Transport.WebSocket;

/// <summary>The WebSocket transport's exception messages.</summary>
internal static class WsStrings
{
    public static string Broken(Uri endpoint, string reason) => $"The WebSocket connection to {endpoint} is broken: {reason}";

    public static string MayHaveRun(Uri endpoint, string reason) =>
        $"The WebSocket connection to {endpoint} broke after the statement was sent, so it may have run on the server; " +
        $"it was not retried. Cause: {reason}";

    public static string NotSent(Uri endpoint, string reason) =>
        $"The statement was not sent: the WebSocket connection to {endpoint} is broken ({reason}).";

    public static string CannotConnect(string endpoints, string reason) => $"Could not open a WebSocket to TDengine at {endpoints}: {reason}";

    public static string Closed(Uri endpoint) => $"The server at {endpoint} closed the WebSocket.";

    public static string Timeout(TimeSpan timeout) => string.Create(CultureInfo.InvariantCulture,
        $"The server did not answer within the timeout of {timeout.TotalSeconds:0.###} s.");

    public static string SendTimeout(TimeSpan timeout) => string.Create(CultureInfo.InvariantCulture,
        $"sending the request did not complete within the timeout of {timeout.TotalSeconds:0.###} s");

    public static string MalformedReply(string detail) => $"The server's answer is not a valid taosAdapter WebSocket message: {detail}";

    public static string WrongBlock(ulong expected, int columns, int actual) => string.Create(CultureInfo.InvariantCulture,
        $"The server's block for result {expected} has {actual} columns where the result has {columns}.");
}
