using Taos.Server;

namespace Taos.Tests.Integration;

/// <summary>One embedded server on a free loopback port with a temporary data directory.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-tests-" + Guid.NewGuid().ToString("N"));
    private TaosServer? _server;

    public Uri Url => _server!.Url;

    public string BaseUrl => Url.ToString().TrimEnd('/');

    public string ConnectionString(string? database = null, string? extra = null) =>
        $"Url={BaseUrl};Username=root;Password=taosdata" + (database is null ? "" : ";Database=" + database) + (extra is null ? "" : ";" + extra);

    public TaosDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = _dir });
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
