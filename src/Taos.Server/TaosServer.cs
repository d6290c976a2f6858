using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Taos.Server.Endpoints.Tmq;
using Taos.Server.Endpoints.WebSocket;
using Taos.Server.Engine;
using Taos.Server.Engine.Users;
using Taos.Server.Http;
using Taos.Server.Storage.Sqlite;

namespace Taos.Server;

/// <summary>
/// An embedded TDengine-compatible server: taosAdapter's REST interface on Kestrel over one durable SQL engine
/// (data in SQLite files in <see cref="TaosServerOptions.DataDirectory"/>). Start it with <see cref="StartAsync"/>,
/// connect to <see cref="Url"/>, and dispose it to stop.
/// </summary>
/// <example>
/// <code>
/// await using var server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = dir });
/// Console.WriteLine(server.Url); // http://127.0.0.1:41234/
/// </code>
/// </example>
public sealed class TaosServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SqlEngine _engine;
    private int _stopped;

    private TaosServer(TaosServerOptions options, WebApplication app, SqlEngine engine, Uri url)
    {
        Options = options;
        _app = app;
        _engine = engine;
        Url = url;
    }

    /// <summary>The options the server was started with.</summary>
    public TaosServerOptions Options { get; }

    /// <summary>
    /// The address the server really listens on, with the port it bound (useful with <see cref="TaosServerOptions.Port"/> 0).
    /// A wildcard listen address is reported as loopback, which is where a local client reaches it.
    /// </summary>
    public Uri Url { get; }

    /// <summary>
    /// Creates the data directory if needed, opens the store in it and starts listening on
    /// <see cref="TaosServerOptions.ListenAddress"/>:<see cref="TaosServerOptions.Port"/>.
    /// </summary>
    /// <param name="options">Where to listen, where to keep data, whom to let in.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentException">The listen address is neither an IP address nor a resolvable host name.</exception>
    /// <exception cref="IOException">The port is taken or the data directory cannot be created.</exception>
    public static async Task<TaosServer> StartAsync(TaosServerOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        IPAddress address = await ResolveAsync(options.ListenAddress, ct).ConfigureAwait(false);
        string dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);

        var engine = new SqlEngine(new SqliteStore(dataDirectory), options.TimeZone, new UserSettings(options.User, options.Password, options.EnforcePrivileges))
        {
            SmlChildTableName = options.SmlChildTableName,
            Edition = options.Edition,
        };
        WebApplication? app = null;
        try
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = dataDirectory });
            builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
            builder.Logging.ClearProviders();
            // The level is the option's until ALTER DNODE changes the debug flag (RuntimeConfig.LogLevel).
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddFilter((_, _, level) => level >= (engine.Admin.Config.LogLevel ?? options.LogLevel));
            // Logs go to stderr: stdout is the CLI's, which prints exactly one line.
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                // Bodies are read with a bound of their own (RestBody); Kestrel's 30 MB limit would answer 413 instead.
                kestrel.Limits.MaxRequestBodySize = null;
                kestrel.Listen(address, options.Port);
            });
            app = builder.Build();
            var handler = new RestHandler(engine, options, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Taos.Server.Rest"));
            var webSocket = new WsEndpoint(engine, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Taos.Server.WebSocket"));
            app.UseWebSockets();
            app.Use(EndWebSocketsOnStop(app.Lifetime.ApplicationStopping));
            app.Use((context, next) => WsEndpoint.Accepts(context) ? webSocket.HandleAsync(context) : next(context));
            var schemaless = new SchemalessHttpEndpoint(engine);
            app.Use((context, next) => SchemalessHttpEndpoint.Accepts(context) ? schemaless.HandleAsync(context) : next(context));
            var tmq = new TmqEndpoint(engine, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Taos.Server.Tmq"));
            app.Use((context, next) => TmqEndpoint.Accepts(context) ? tmq.HandleAsync(context) : next(context));
            app.Run(handler.HandleAsync);
            await app.StartAsync(ct).ConfigureAwait(false);

            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            var bound = new Uri(addresses.First());
            var host = address.Equals(IPAddress.Any) ? IPAddress.Loopback
                : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
                : address;
            var url = new UriBuilder(Uri.UriSchemeHttp, host.ToString(), bound.Port).Uri;
            return new TaosServer(options, app, engine, url);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }
            engine.Dispose();
            throw;
        }
    }

    /// <summary>
    /// WebSocket sessions last until their client leaves; when the server stops they end at once (their handlers see
    /// the request aborted) instead of holding the graceful stop for its whole timeout.
    /// </summary>
    private static Func<HttpContext, RequestDelegate, Task> EndWebSocketsOnStop(CancellationToken stopping) => async (context, next) =>
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        context.RequestAborted = aborted.Token;
        await next(context).ConfigureAwait(false);
    };

    /// <summary>Stops listening, lets requests in flight finish (WebSocket sessions end at once), and closes the store.</summary>
    /// <param name="ct">Ends the graceful wait early.</param>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }
        try
        {
            await _app.StopAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _engine.Dispose();
        }
    }

    /// <summary>Stops the server (see <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static async Task<IPAddress> ResolveAsync(string listenAddress, CancellationToken ct)
    {
        if (IPAddress.TryParse(listenAddress, out var ip))
        {
            return ip;
        }
        if (string.Equals(listenAddress, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }
        try
        {
            var found = await Dns.GetHostAddressesAsync(listenAddress, ct).ConfigureAwait(false);
            return found.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? found.First();
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or InvalidOperationException)
        {
            throw new ArgumentException($"cannot listen on '{listenAddress}': not an IP address or known host name", nameof(listenAddress), ex);
        }
    }

    /// <summary>An embedded server leaves Ctrl-C and SIGTERM to its host program.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
