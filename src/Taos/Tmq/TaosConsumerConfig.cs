using System.Globalization;

namespace Taos.Tmq;

/// <summary>
/// The settings of a <see cref="TaosConsumer"/>: typed properties, or TDengine's consumer keys through
/// <see cref="Set"/> and the key/value constructor (<c>group.id</c>, <c>client.id</c>, <c>auto.offset.reset</c>,
/// <c>enable.auto.commit</c>, <c>auto.commit.interval.ms</c>, <c>msg.with.table.name</c>,
/// <c>experimental.snapshot.enable</c>, <c>td.connect.type</c>, <c>td.connect.ip</c>, <c>td.connect.port</c>,
/// <c>td.connect.user</c>, <c>td.connect.pass</c>, <c>td.connect.websocket.scheme</c>, <c>useSSL</c>, <c>token</c>,
/// <c>ws.url</c>, <c>ws.message.timeout</c>, <c>ws.message.enableCompression</c>, <c>ws.autoReconnect</c>,
/// <c>ws.reconnect.retry.count</c>, <c>ws.reconnect.interval.ms</c>).
/// </summary>
public sealed class TaosConsumerConfig
{
    /// <summary>An empty configuration: set at least <see cref="GroupId"/>.</summary>
    public TaosConsumerConfig()
    {
    }

    /// <summary>A configuration from TDengine's consumer keys (see the class remarks).</summary>
    /// <exception cref="ArgumentException">A key is unknown or its value is not valid for it.</exception>
    public TaosConsumerConfig(IEnumerable<KeyValuePair<string, string>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        foreach (var (key, value) in properties)
        {
            Set(key, value);
        }
    }

    /// <summary><c>group.id</c>: the consumer group; offsets are committed per group. Required.</summary>
    public string? GroupId { get; set; }

    /// <summary><c>client.id</c>: the consumer's name within its group.</summary>
    public string? ClientId { get; set; }

    /// <summary><c>auto.offset.reset</c>: where a group without a committed offset starts.</summary>
    public TaosOffsetReset AutoOffsetReset { get; set; } = TaosOffsetReset.Latest;

    /// <summary><c>enable.auto.commit</c>: commit what was consumed every <see cref="AutoCommitInterval"/> (when polling) and on close.</summary>
    public bool EnableAutoCommit { get; set; } = true;

    /// <summary><c>auto.commit.interval.ms</c>: how often auto-commit commits.</summary>
    public TimeSpan AutoCommitInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>msg.with.table.name</c>: messages name the child table of each block.</summary>
    public bool WithTableName { get; set; } = true;

    /// <summary><c>experimental.snapshot.enable</c>: read the data files rather than the write-ahead log (null: the server's default).</summary>
    public bool? EnableSnapshot { get; set; }

    /// <summary><c>ws.url</c>: taosAdapter's address(es), e.g. <c>ws://host:6041</c>, several separated by commas (tried in order); when set, host, port and scheme are not used.</summary>
    public string? Url { get; set; }

    /// <summary><c>td.connect.ip</c>: the server's host name.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary><c>td.connect.port</c>: taosAdapter's port.</summary>
    public int Port { get; set; } = 6041;

    /// <summary><c>td.connect.user</c>.</summary>
    public string Username { get; set; } = "root";

    /// <summary><c>td.connect.pass</c>.</summary>
    public string Password { get; set; } = "taosdata";

    /// <summary><c>useSSL</c> (or <c>td.connect.websocket.scheme</c> <c>wss</c>): connect with TLS.</summary>
    public bool UseSsl { get; set; }

    /// <summary><c>token</c>: a TDengine Cloud token, sent on the WebSocket upgrade.</summary>
    public string? Token { get; set; }

    /// <summary><c>ws.message.enableCompression</c>: negotiate permessage-deflate.</summary>
    public bool EnableCompression { get; set; }

    /// <summary><c>ws.message.timeout</c> (ms): the time allowed for each answer, on top of a poll's blocking time.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary><c>ws.autoReconnect</c>: after a dropped connection, reconnect and subscribe again within the failing call.</summary>
    public bool AutoReconnect { get; set; }

    /// <summary><c>ws.reconnect.retry.count</c>: reconnect attempts (rounds over the endpoints) per failing call.</summary>
    public int ReconnectRetryCount { get; set; } = 3;

    /// <summary><c>ws.reconnect.interval.ms</c>: the pause between two reconnect attempts.</summary>
    public TimeSpan ReconnectInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The blocking time of each poll of <see cref="TaosConsumer.ConsumeAsync(CancellationToken)"/>'s stream.</summary>
    public TimeSpan ConsumeBlockingTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Sets one setting by TDengine's key (see the class remarks).</summary>
    /// <exception cref="ArgumentException">The key is unknown or the value is not valid for it.</exception>
    public void Set(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        switch (key)
        {
            case "group.id": GroupId = value; break;
            case "client.id": ClientId = value; break;
            case "auto.offset.reset": AutoOffsetReset = ParseReset(value); break;
            case "enable.auto.commit": EnableAutoCommit = ParseBool(key, value); break;
            case "auto.commit.interval.ms": AutoCommitInterval = ParseMilliseconds(key, value); break;
            case "msg.with.table.name": WithTableName = ParseBool(key, value); break;
            case "experimental.snapshot.enable": EnableSnapshot = ParseBool(key, value); break;
            case "td.connect.type": CheckType(value); break;
            case "td.connect.ip": Host = value; break;
            case "td.connect.port": Port = ParsePort(value); break;
            case "td.connect.user": Username = value; break;
            case "td.connect.pass": Password = value; break;
            case "td.connect.websocket.scheme": UseSsl = ParseScheme(value); break;
            case "useSSL": UseSsl = ParseBool(key, value); break;
            case "token": Token = value; break;
            case "ws.url": Url = value; break;
            case "ws.message.timeout": Timeout = ParseMilliseconds(key, value); break;
            case "ws.message.enableCompression": EnableCompression = ParseBool(key, value); break;
            case "ws.autoReconnect": AutoReconnect = ParseBool(key, value); break;
            case "ws.reconnect.retry.count": ReconnectRetryCount = ParseCount(key, value); break;
            case "ws.reconnect.interval.ms": ReconnectInterval = ParseMilliseconds(key, value); break;
            default: throw new ArgumentException(TmqStrings.UnknownKey(key), nameof(key));
        }
    }

    /// <summary>A copy: a consumer keeps its own, so later changes to this one do not reach it.</summary>
    internal TaosConsumerConfig Copy() => (TaosConsumerConfig)MemberwiseClone();

    /// <summary>The WebSocket endpoints, tried in order.</summary>
    internal IReadOnlyList<Uri> Endpoints()
    {
        if (string.IsNullOrWhiteSpace(Url)) return [new UriBuilder(UseSsl ? "wss" : "ws", Host, Port).Uri];
        var uris = new List<Uri>();
        foreach (string one in Url.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(one, UriKind.Absolute, out var uri)) throw new ArgumentException(TmqStrings.BadValue("ws.url", one));
            var builder = new UriBuilder(uri);
            builder.Scheme = builder.Scheme is "https" or "wss" ? "wss" : "ws";
            uris.Add(builder.Uri);
        }
        return uris;
    }

    /// <summary>Checks the settings a consumer cannot do without.</summary>
    /// <exception cref="ArgumentException"><see cref="GroupId"/> is missing, or a duration or count is out of range.</exception>
    internal void Validate()
    {
        if (string.IsNullOrEmpty(GroupId)) throw new ArgumentException(TmqStrings.NoGroup);
        if (Timeout <= TimeSpan.Zero) throw new ArgumentException(TmqStrings.BadValue("ws.message.timeout", Timeout.ToString()));
        if (ConsumeBlockingTime < TimeSpan.Zero) throw new ArgumentException(TmqStrings.BadValue(nameof(ConsumeBlockingTime), ConsumeBlockingTime.ToString()));
        if (ReconnectRetryCount < 0) throw new ArgumentException(TmqStrings.BadValue("ws.reconnect.retry.count", ReconnectRetryCount.ToString(CultureInfo.InvariantCulture)));
        Endpoints();
    }

    private static TaosOffsetReset ParseReset(string value) => value switch
    {
        "earliest" => TaosOffsetReset.Earliest,
        "latest" => TaosOffsetReset.Latest,
        "none" => TaosOffsetReset.None,
        _ => throw new ArgumentException(TmqStrings.BadValue("auto.offset.reset", value)),
    };

    private static bool ParseBool(string key, string value) => value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new ArgumentException(TmqStrings.BadValue(key, value)),
    };

    private static TimeSpan ParseMilliseconds(string key, string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long ms) && ms <= int.MaxValue
            ? TimeSpan.FromMilliseconds(ms)
            : throw new ArgumentException(TmqStrings.BadValue(key, value));

    private static int ParseCount(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int count) ? count : throw new ArgumentException(TmqStrings.BadValue(key, value));

    private static int ParsePort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and <= 65535
            ? port
            : throw new ArgumentException(TmqStrings.BadValue("td.connect.port", value));

    private static bool ParseScheme(string value) => value.ToLowerInvariant() switch
    {
        "ws" => false,
        "wss" => true,
        _ => throw new ArgumentException(TmqStrings.BadValue("td.connect.websocket.scheme", value)),
    };

    // The connector subscribes over taosAdapter's WebSocket only (no native client library).
    private static void CheckType(string value)
    {
        if (!value.Equals("websocket", StringComparison.OrdinalIgnoreCase) && !value.Equals("ws", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(TmqStrings.BadValue("td.connect.type", value) + " Only WebSocket is supported.");
        }
    }
}
