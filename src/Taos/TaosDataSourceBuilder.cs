namespace Taos;

/// <summary>Builds a <see cref="TaosDataSource"/> with options that a connection string cannot carry.</summary>
public sealed class TaosDataSourceBuilder
{
    private HttpMessageHandler? _handler;
    private bool _disposeHandler;

    /// <summary>Creates a builder, optionally starting from a connection string.</summary>
    public TaosDataSourceBuilder(string? connectionString = null)
    {
        ConnectionStringBuilder = new TaosConnectionStringBuilder(connectionString);
    }

    /// <summary>The settings; change them before <see cref="Build"/>.</summary>
    public TaosConnectionStringBuilder ConnectionStringBuilder { get; }

    /// <summary>
    /// Sends requests through <paramref name="handler"/> instead of a default <see cref="SocketsHttpHandler"/>
    /// (proxies, TLS certificate validation, test doubles, logging handlers).
    /// </summary>
    /// <param name="handler">The handler.</param>
    /// <param name="disposeHandler">Whether disposing the data source disposes the handler.</param>
    public TaosDataSourceBuilder UseHttpMessageHandler(HttpMessageHandler handler, bool disposeHandler = true)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handler = handler;
        _disposeHandler = disposeHandler;
        return this;
    }

    /// <summary>Creates the data source.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public TaosDataSource Build() => new(ConnectionStringBuilder, _handler, _disposeHandler);
}
