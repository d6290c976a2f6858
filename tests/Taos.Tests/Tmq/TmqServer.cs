using Taos.Server;
using Taos.Tmq;

namespace Taos.Tests.Tmq;

/// <summary>
/// An embedded server of its own for TMQ tests, on a free loopback port with a temporary data directory; it can be
/// restarted on the same port and data, and every test gets names of its own (<see cref="Unique"/>).
/// </summary>
public sealed class TmqServer : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-tmq-tests-" + Guid.NewGuid().ToString("N"));
    private TaosServer? _server;
    private int _port;
    private int _names;

    public Uri Url => _server!.Url;

    /// <summary>The server's <c>ws://</c> address.</summary>
    public string WsUrl => "ws://" + Url.Authority;

    public async Task InitializeAsync()
    {
        _server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = _dir });
        _port = _server.Url.Port;
    }

    /// <summary>Stops the server (every socket drops) and starts it again on the same port and data directory.</summary>
    public async Task RestartAsync()
    {
        await _server!.DisposeAsync();
        _server = await TaosServer.StartAsync(new TaosServerOptions { Port = _port, DataDirectory = _dir });
    }

    /// <summary>A name no other test of this server uses.</summary>
    public string Unique(string prefix) => $"{prefix}_{Interlocked.Increment(ref _names)}";

    /// <summary>Runs statements over REST.</summary>
    public void Run(params string[] statements)
    {
        using var connection = new TaosConnection($"Url=http://{Url.Authority};Username=root;Password=taosdata");
        connection.Open();
        using var command = connection.CreateCommand();
        foreach (string sql in statements)
        {
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>A database <paramref name="db"/> with super table <c>meters</c> and a topic per kind: <c>{db}_rows</c> (AS SELECT) and <c>{db}_stb</c> (AS STABLE).</summary>
    public void CreateMeters(string db) => Run(
        $"create database {db} precision 'ms'",
        $"create stable {db}.meters (ts timestamp, current float, voltage int) tags (groupid int, location varchar(16))",
        $"create topic {db}_rows as select ts, current, voltage from {db}.meters",
        $"create topic {db}_stb as stable {db}.meters");

    /// <summary>Inserts <paramref name="count"/> rows into child table <paramref name="table"/>, timestamps from <paramref name="first"/> ms on.</summary>
    public void Insert(string db, string table, int first, int count)
    {
        var values = string.Join(' ', Enumerable.Range(first, count).Select(i => $"({1704067200000L + i}, {i}.5, {i})"));
        Run($"insert into {db}.{table} using {db}.meters tags (1, 'north') values {values}");
    }

    /// <summary>A consumer configuration for this server: group <paramref name="group"/>, earliest, no auto-commit.</summary>
    public TaosConsumerConfig Config(string group, string? url = null) => new()
    {
        Url = url ?? WsUrl,
        GroupId = group,
        ClientId = group + "_c",
        AutoOffsetReset = TaosOffsetReset.Earliest,
        EnableAutoCommit = false,
        Timeout = TimeSpan.FromSeconds(20),
        ReconnectInterval = TimeSpan.FromMilliseconds(100),
    };

    public async Task DisposeAsync()
    {
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
