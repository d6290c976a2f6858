using Taos.Transport.Rest;
using Taos.Transport.WebSocket;

namespace Taos.Transport;

/// <summary>Picks the transport that the connection string's <c>Protocol</c> names.</summary>
internal static class TaosTransports
{
    /// <summary>
    /// Creates the transport for <paramref name="settings"/>. <paramref name="handler"/> (when not null) carries the
    /// HTTP requests of transports that use HTTP.
    /// </summary>
    public static ITaosTransport Create(TaosConnectionStringBuilder settings, TimeZoneInfo? timeZone, HttpMessageHandler? handler, bool disposeHandler) =>
        settings.Protocol switch
        {
            TaosProtocol.Rest => new RestTransport(settings, timeZone, handler, disposeHandler),
            TaosProtocol.WebSocket => new WsTransport(settings, timeZone),
            var other => throw new ArgumentOutOfRangeException(nameof(settings), other, null),
        };
}
