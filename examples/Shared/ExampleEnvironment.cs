using Taos.Server;

namespace Taos.Examples;

/// <summary>
/// Where the examples run: the TDengine named by <c>TDENGINE_URL</c> (with <c>TDENGINE_TOKEN</c> for TDengine Cloud),
/// or else an embedded Taos.Server on a free port with a temporary data directory.
/// </summary>
internal sealed class ExampleEnvironment : IAsyncDisposable
{
    private readonly TaosServer? _server;
    private readonly string? _dataDirectory;

    private ExampleEnvironment(string url, string? token, TaosServer? server, string? dataDirectory)
    {
        Url = url;
        Token = token;
        _server = server;
        _dataDirectory = dataDirectory;
    }

    /// <summary>The REST endpoint.</summary>
    public string Url { get; }

    /// <summary>The TDengine Cloud token, or null for user root / password taosdata.</summary>
    public string? Token { get; }

    /// <summary>A connection string for <see cref="Url"/> with the token or the default credentials.</summary>
    public string ConnectionString => ConnectionStringFor(Url, Token);

    /// <summary>A connection string for a server and token.</summary>
    public static string ConnectionStringFor(string url, string? token) =>
        token is null ? $"Url={url};Username=root;Password=taosdata" : $"Url={url};Token={token}";

    /// <summary>Uses <c>TDENGINE_URL</c> if set, else starts the embedded server.</summary>
    public static async Task<ExampleEnvironment> StartAsync()
    {
        string? url = Environment.GetEnvironmentVariable("TDENGINE_URL");
        if (!string.IsNullOrWhiteSpace(url))
        {
            string? token = Environment.GetEnvironmentVariable("TDENGINE_TOKEN");
            return new ExampleEnvironment(url.TrimEnd('/'), string.IsNullOrWhiteSpace(token) ? null : token, null, null);
        }
        string dir = Path.Combine(Path.GetTempPath(), "taos-example-" + Guid.NewGuid().ToString("N"));
        var server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = dir });
        return new ExampleEnvironment(server.Url.ToString().TrimEnd('/'), null, server, dir);
    }

    /// <summary>Stops the embedded server and deletes its data.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        if (_dataDirectory is not null)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
