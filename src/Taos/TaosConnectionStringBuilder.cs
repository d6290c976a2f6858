using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Taos;

/// <summary>
/// Builds and parses Taos connection strings:
/// <c>Url=http://host:6041;Username=root;Password=taosdata;Database=power;Timezone=Asia/Shanghai;Timeout=30</c>,
/// <c>Url=https://….cloud.tdengine.com;Token=…</c> for TDengine Cloud, or <c>Host=…;Port=6041;UseSsl=false</c>
/// instead of <c>Url</c>; <c>Protocol=Rest</c> (the default) picks the transport. Keywords are case-insensitive; an
/// unknown keyword is an error.
/// </summary>
public sealed class TaosConnectionStringBuilder : DbConnectionStringBuilder
{
    private static readonly string[] Canonical =
        ["Url", "Host", "Port", "UseSsl", "Username", "Password", "Token", "Database", "Timezone", "Timeout", "Protocol",
            "Pooling", "MinPoolSize", "MaxPoolSize", "ConnectionIdleLifetime", "ConnectionLifetime",
            "EnableCompression", "ConnectTimeout", "ReadTimeout", "AutoReconnect", "ReconnectRetryCount", "ReconnectIntervalMs"];

    private static readonly Dictionary<string, string> Synonyms = BuildSynonyms();

    /// <summary>Creates an empty builder.</summary>
    public TaosConnectionStringBuilder()
    {
    }

    /// <summary>Creates a builder holding <paramref name="connectionString"/>.</summary>
    /// <exception cref="ArgumentException">The string has an unknown keyword or a bad value.</exception>
    public TaosConnectionStringBuilder(string? connectionString)
    {
        ConnectionString = connectionString ?? "";
    }

    /// <summary>
    /// The endpoint, e.g. <c>http://localhost:6041</c> (taosAdapter's REST interface) or a TDengine Cloud URL; a
    /// <c>ws://</c> or <c>wss://</c> URL selects the WebSocket transport (<see cref="TaosProtocol.WebSocket"/>), and
    /// for it several comma-separated endpoints (<c>ws://a:6041,ws://b:6041</c>) are tried in order. Takes precedence
    /// over <see cref="Host"/>/<see cref="Port"/>/<see cref="UseSsl"/>.
    /// </summary>
    public string? Url
    {
        get => GetString("Url");
        set => this["Url"] = value;
    }

    /// <summary>The server's host name when no <see cref="Url"/> is given (default <c>localhost</c>).</summary>
    public string? Host
    {
        get => GetString("Host");
        set => this["Host"] = value;
    }

    /// <summary>The port when no <see cref="Url"/> is given (default 6041).</summary>
    public int Port
    {
        get => TryGetValue("Port", out var v) ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 6041;
        set => this["Port"] = value;
    }

    /// <summary>Use https when no <see cref="Url"/> is given (default false).</summary>
    public bool UseSsl
    {
        get => TryGetValue("UseSsl", out var v) && Convert.ToBoolean(v, CultureInfo.InvariantCulture);
        set => this["UseSsl"] = value;
    }

    /// <summary>The user name for Basic authentication (default <c>root</c>). Synonyms: <c>User</c>, <c>User ID</c>.</summary>
    public string Username
    {
        get => GetString("Username") ?? "root";
        set => this["Username"] = value;
    }

    /// <summary>The password for Basic authentication (default <c>taosdata</c>).</summary>
    public string Password
    {
        get => GetString("Password") ?? "taosdata";
        set => this["Password"] = value;
    }

    /// <summary>
    /// A token (TDengine Cloud, or one from <c>/rest/login</c>): when set it replaces user and password; it is sent as
    /// the <c>token</c> URL parameter and as <c>Authorization: Taosd &lt;token&gt;</c>.
    /// </summary>
    public string? Token
    {
        get => GetString("Token");
        set => this["Token"] = value;
    }

    /// <summary>The default database: statements go to <c>/rest/sql/{Database}</c>.</summary>
    public string? Database
    {
        get => GetString("Database");
        set => this["Database"] = value;
    }

    /// <summary>
    /// An IANA time zone (e.g. <c>Asia/Shanghai</c>), sent as <c>?tz=</c>. Timestamps are then rendered in that zone by
    /// the server, and <see cref="TaosDataReader.GetDateTime(int)"/> returns that zone's wall-clock time
    /// (<see cref="DateTimeKind.Unspecified"/>); without it <see cref="TaosDataReader.GetDateTime(int)"/> returns UTC.
    /// </summary>
    public string? Timezone
    {
        get => GetString("Timezone");
        set => this["Timezone"] = value;
    }

    /// <summary>The default command timeout in seconds (default 30; 0 = none).</summary>
    public int Timeout
    {
        get => TryGetValue("Timeout", out var v) ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 30;
        set => this["Timeout"] = value;
    }

    /// <summary>
    /// Whether connections take their session from the data source's pool and give it back on close (default true);
    /// with false each open opens a session and each close disposes it.
    /// </summary>
    public bool Pooling
    {
        get => !TryGetValue("Pooling", out var v) || Convert.ToBoolean(v, CultureInfo.InvariantCulture);
        set => this["Pooling"] = value;
    }

    /// <summary>Sessions the pool keeps open even when idle (default 0). Synonyms: <c>Min Pool Size</c>, <c>Minimum Pool Size</c>.</summary>
    public int MinPoolSize
    {
        get => TryGetValue("MinPoolSize", out var v) ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 0;
        set => this["MinPoolSize"] = value;
    }

    /// <summary>
    /// Sessions the pool opens at most, idle and in use (default 100); an open beyond them waits up to
    /// <see cref="Timeout"/> for one to be returned. Synonyms: <c>Max Pool Size</c>, <c>Maximum Pool Size</c>.
    /// </summary>
    public int MaxPoolSize
    {
        get => TryGetValue("MaxPoolSize", out var v) ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 100;
        set => this["MaxPoolSize"] = value;
    }

    /// <summary>Seconds a pooled session stays idle before it is closed, as long as more than <see cref="MinPoolSize"/> are open (default 300; 0 = never).</summary>
    public int ConnectionIdleLifetime
    {
        get => TryGetValue("ConnectionIdleLifetime", out var v) ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 300;
        set => this["ConnectionIdleLifetime"] = value;
    }

    /// <summary>Seconds after its opening a session is closed instead of returned to the pool (default 0 = no limit).</summary>
    public int ConnectionLifetime
    {
        get => TryGetValue("ConnectionLifetime", out var v) ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 0;
        set => this["ConnectionLifetime"] = value;
    }

    /// <summary>
    /// The transport connections use: <see cref="TaosProtocol.Rest"/> (the default) or
    /// <see cref="TaosProtocol.WebSocket"/> (also the default when <see cref="Url"/> is a <c>ws://</c> or
    /// <c>wss://</c> URL); another value is an <see cref="ArgumentException"/> naming the valid ones.
    /// </summary>
    public TaosProtocol Protocol
    {
        get => TryGetValue("Protocol", out var v)
            ? Enum.Parse<TaosProtocol>(Convert.ToString(v, CultureInfo.InvariantCulture)!)
            : IsWebSocketUrl(Url) ? TaosProtocol.WebSocket : TaosProtocol.Rest;
        set => this["Protocol"] = value;
    }

    /// <summary>WebSocket only: offer permessage-deflate compression to the server (default false).</summary>
    public bool EnableCompression
    {
        get => TryGetValue("EnableCompression", out var v) && Convert.ToBoolean(v, CultureInfo.InvariantCulture);
        set => this["EnableCompression"] = value;
    }

    /// <summary>WebSocket only: seconds allowed to open the socket and log in (default 0 = the connection's <see cref="Timeout"/>).</summary>
    public int ConnectTimeout
    {
        get => TryGetValue("ConnectTimeout", out var v) ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 0;
        set => this["ConnectTimeout"] = value;
    }

    /// <summary>
    /// WebSocket only: seconds allowed for each answer of the server while a result is read (default 0 = the
    /// command's timeout).
    /// </summary>
    public int ReadTimeout
    {
        get => TryGetValue("ReadTimeout", out var v) ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 0;
        set => this["ReadTimeout"] = value;
    }

    /// <summary>
    /// WebSocket only: when the socket breaks, open a new one (the next endpoint of <see cref="Url"/> first) and
    /// resend a statement whose request never reached the server (default false).
    /// </summary>
    public bool AutoReconnect
    {
        get => TryGetValue("AutoReconnect", out var v) && Convert.ToBoolean(v, CultureInfo.InvariantCulture);
        set => this["AutoReconnect"] = value;
    }

    /// <summary>WebSocket only: rounds over the endpoints a reconnect tries before it gives up (default 3).</summary>
    public int ReconnectRetryCount
    {
        get => TryGetValue("ReconnectRetryCount", out var v) ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 3;
        set => this["ReconnectRetryCount"] = value;
    }

    /// <summary>WebSocket only: milliseconds between two reconnect rounds (default 2000).</summary>
    public int ReconnectIntervalMs
    {
        get => TryGetValue("ReconnectIntervalMs", out var v) ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 2000;
        set => this["ReconnectIntervalMs"] = value;
    }

    /// <summary>Gets or sets a value by keyword (case-insensitive, synonyms accepted).</summary>
    /// <exception cref="ArgumentException">The keyword is unknown or the value is invalid for it.</exception>
    [AllowNull]
    public override object this[string keyword]
    {
        get => base[Resolve(keyword)];
        set
        {
            string key = Resolve(keyword);
            if (value is null)
            {
                base.Remove(key);
                return;
            }
            base[key] = Validate(key, value);
        }
    }

    /// <inheritdoc/>
    public override bool ContainsKey(string keyword) =>
        Synonyms.TryGetValue(keyword, out var key) && base.ContainsKey(key);

    /// <inheritdoc/>
    public override bool Remove(string keyword) =>
        Synonyms.TryGetValue(keyword, out var key) && base.Remove(key);

    /// <inheritdoc/>
    public override bool TryGetValue(string keyword, [MaybeNullWhen(false)] out object value)
    {
        if (Synonyms.TryGetValue(keyword, out var key))
        {
            return base.TryGetValue(key, out value);
        }
        value = null;
        return false;
    }

    internal Uri GetBaseUri()
    {
        string? url = Url;
        if (!string.IsNullOrWhiteSpace(url))
        {
            return new Uri(SplitUrls(url)[0].TrimEnd('/'), UriKind.Absolute);
        }
        string host = string.IsNullOrWhiteSpace(Host) ? "localhost" : Host!;
        return new UriBuilder(UseSsl ? Uri.UriSchemeHttps : Uri.UriSchemeHttp, host, Port).Uri;
    }

    /// <summary>
    /// The WebSocket endpoints, in the order they are tried: every URL of <see cref="Url"/> (http/https are taken
    /// as ws/wss), else <c>ws[s]://Host:Port</c>.
    /// </summary>
    internal IReadOnlyList<Uri> GetWebSocketUris()
    {
        string? url = Url;
        if (string.IsNullOrWhiteSpace(url))
        {
            string host = string.IsNullOrWhiteSpace(Host) ? "localhost" : Host!;
            return [new UriBuilder(UseSsl ? "wss" : "ws", host, Port).Uri];
        }
        var uris = new List<Uri>();
        foreach (string one in SplitUrls(url))
        {
            var builder = new UriBuilder(new Uri(one.TrimEnd('/'), UriKind.Absolute));
            builder.Scheme = builder.Scheme is "https" or "wss" ? "wss" : "ws";
            uris.Add(builder.Uri);
        }
        return uris;
    }

    private static string[] SplitUrls(string url) => url.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsWebSocketUrl(string? url) =>
        url is not null && (url.TrimStart().StartsWith("ws://", StringComparison.OrdinalIgnoreCase)
            || url.TrimStart().StartsWith("wss://", StringComparison.OrdinalIgnoreCase));

    /// <summary>The connection string with the password and token replaced by <c>***</c>, for logs.</summary>
    internal string ToRedactedString()
    {
        var copy = new TaosConnectionStringBuilder(ConnectionString);
        if (copy.ContainsKey("Password")) copy.Password = "***";
        if (copy.ContainsKey("Token")) copy.Token = "***";
        return copy.ConnectionString;
    }

    private string? GetString(string key) => TryGetValue(key, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    private static string Resolve(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        return Synonyms.TryGetValue(keyword.Trim(), out var key)
            ? key
            : throw new ArgumentException(TaosStrings.UnknownKeyword(keyword, Canonical), nameof(keyword));
    }

    private static object Validate(string key, object value)
    {
        string text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        switch (key)
        {
            case "Port":
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int port) || port is < 0 or > 65535)
                    throw new ArgumentException(TaosStrings.BadKeywordValue(key, value, "a port number 0-65535"));
                return port;
            case "Timeout":
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int timeout) || timeout < 0)
                    throw new ArgumentException(TaosStrings.BadKeywordValue(key, value, "a number of seconds ≥ 0"));
                return timeout;
            case "UseSsl":
                if (!bool.TryParse(text, out bool ssl))
                    throw new ArgumentException(TaosStrings.BadKeywordValue(key, value, "true or false"));
                return ssl;
            case "Url":
                ValidateUrls(key, value, text);
                return text;
            case "ConnectTimeout" or "ReadTimeout" or "ReconnectRetryCount" or "ReconnectIntervalMs":
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int count) || count < 0)
                    throw new ArgumentException(TaosStrings.BadKeywordValue(key, value, "a whole number ≥ 0"));
                return count;
            case "EnableCompression" or "AutoReconnect":
                if (!bool.TryParse(text, out bool flag))
                    throw new ArgumentException(TaosStrings.BadKeywordValue(key, value, "true or false"));
                return flag;
            case "Protocol":
                return ParseProtocol(key, value, text);
            case "Pooling":
                if (!bool.TryParse(text, out bool pooling))
                    throw new ArgumentException(TaosStrings.BadKeywordValue(key, value, "true or false"));
                return pooling;
            case "MinPoolSize" or "MaxPoolSize" or "ConnectionIdleLifetime" or "ConnectionLifetime":
                return ParsePoolNumber(key, value, text);
            case "Timezone":
                if (text.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(text, out _))
                    throw new ArgumentException(TaosStrings.BadKeywordValue(key, value, "an IANA time zone name such as Asia/Shanghai"));
                return text;
            default:
                return text;
        }
    }

    /// <summary>
    /// One absolute http://, https://, ws:// or wss:// URL; several (comma-separated) only when all are ws:// or wss://.
    /// </summary>
    private static void ValidateUrls(string key, object value, string text)
    {
        if (text.Length == 0) return;
        string[] urls = SplitUrls(text);
        bool webSocket = IsWebSocketUrl(text);
        foreach (string one in urls)
        {
            bool ok = Uri.TryCreate(one, UriKind.Absolute, out var uri) && (webSocket
                ? uri.Scheme is "ws" or "wss"
                : urls.Length == 1 && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
            if (!ok)
                throw new ArgumentException(TaosStrings.BadKeywordValue(key, value,
                    "an absolute http://, https://, ws:// or wss:// URL, or several comma-separated ws:// or wss:// URLs"));
        }
    }

    /// <summary>A <see cref="TaosProtocol"/> name, case-insensitive (numbers are not names), stored as the enum spells it.</summary>
    private static string ParseProtocol(string key, object value, string text)
    {
        foreach (var name in Enum.GetNames<TaosProtocol>())
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }
        throw new ArgumentException(TaosStrings.BadKeywordValue(key, value, "one of " + string.Join(", ", Enum.GetNames<TaosProtocol>())));
    }

    /// <summary>A pool size (<c>MaxPoolSize</c> ≥ 1, <c>MinPoolSize</c> ≥ 0) or a number of seconds ≥ 0.</summary>
    private static int ParsePoolNumber(string key, object value, string text)
    {
        int min = key == "MaxPoolSize" ? 1 : 0;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number) || number < min)
        {
            throw new ArgumentException(TaosStrings.BadKeywordValue(key, value,
                min == 1 ? "a number of sessions ≥ 1" : key == "MinPoolSize" ? "a number of sessions ≥ 0" : "a number of seconds ≥ 0"));
        }
        return number;
    }

    private static Dictionary<string, string> BuildSynonyms()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in Canonical)
        {
            map[key] = key;
        }
        map["User"] = "Username";
        map["User ID"] = "Username";
        map["UserId"] = "Username";
        map["Server"] = "Host";
        map["tz"] = "Timezone";
        map["Min Pool Size"] = map["Minimum Pool Size"] = "MinPoolSize";
        map["Max Pool Size"] = map["Maximum Pool Size"] = "MaxPoolSize";
        map["Connection Idle Lifetime"] = "ConnectionIdleLifetime";
        map["Connection Lifetime"] = "ConnectionLifetime";
        return map;
    }
}
