namespace Taos.Transport;

/// <summary>
/// One way of reaching TDengine, made once per data source (connection string): it holds what the sessions share
/// (HTTP client, credentials, time zone) and creates a session per open connection. The REST implementation is
/// <see cref="Rest.RestTransport"/>; the connection string's <c>Protocol</c> picks one (<see cref="TaosTransports"/>).
/// </summary>
internal interface ITaosTransport : IDisposable
{
    /// <summary>The server address, for messages and tracing.</summary>
    Uri Endpoint { get; }

    /// <summary>Creates a session, not yet opened, whose default database is <paramref name="database"/> (null for none).</summary>
    ITaosSession CreateSession(string? database);
}
