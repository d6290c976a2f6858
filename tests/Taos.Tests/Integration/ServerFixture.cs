using Taos.Server;

namespace Taos.Tests.Integration;

/// <summary>
/// One embedded server on a free loopback port with a temporary data directory; its connection strings use REST
/// (<see cref="WsServerFixture"/>: WebSocket).
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-tests-" + Guid.NewGuid().ToString("N"));
    private TaosServer? _server;

    public Uri Url => _server!.Url;

    public string BaseUrl => Url.ToString().TrimEnd('/');

    /// <summary>The transport the connection strings of this fixture select.</summary>
    public virtual TaosProtocol Protocol => TaosProtocol.Rest;

    /// <summary>The URL connection strings name: http://… for REST, ws://… for WebSocket.</summary>
    public string ConnectionUrl => (Protocol == TaosProtocol.WebSocket ? "ws://" : "http://") + Url.Authority;

    public string ConnectionString(string? database = null, string? extra = null) =>
        $"Url={ConnectionUrl};Username=root;Password=taosdata" + (database is null ? "" : ";Database=" + database) + (extra is null ? "" : ";" + extra);

    public TaosDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = _dir, Edition = TaosServerEdition.Enterprise });
        DataSource = TaosDataSource.Create(ConnectionString());
    }

    /// <summary>Runs statements on a throwaway connection.</summary>
    public void Run(params string[] statements)
    {
        using var cmd = DataSource.CreateCommand();
        foreach (var sql in statements)
        {
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
    }

    public async Task DisposeAsync()
    {
        DataSource?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}

/// <summary>An embedded server whose connection strings select the WebSocket transport (<c>ws://</c>).</summary>
public sealed class WsServerFixture : ServerFixture
{
    public override TaosProtocol Protocol => TaosProtocol.WebSocket;
}

[CollectionDefinition(Name)]
public sealed class WsServerCollection : ICollectionFixture<WsServerFixture>
{
    public const string Name = "server-ws";
}
