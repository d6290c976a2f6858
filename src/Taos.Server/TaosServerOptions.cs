using Microsoft.Extensions.Logging;

namespace Taos.Server;

/// <summary>How an embedded TDengine-compatible server is started.</summary>
public sealed class TaosServerOptions
{
    /// <summary>The directory holding the SQLite files; created when missing.</summary>
    public string DataDirectory { get; set; } = "taos-data";

    /// <summary>The address to listen on (an IP address or host name); loopback by default.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (read it back from <see cref="TaosServer.Url"/>).</summary>
    public int Port { get; set; } = 6041;

    /// <summary>The user that Basic and token authentication accept.</summary>
    public string User { get; set; } = "root";

    /// <summary>That user's password.</summary>
    public string Password { get; set; } = "taosdata";

    /// <summary>
    /// The server's time zone: timestamp strings in SQL are read in it and results are rendered in it unless the
    /// request names another with <c>?tz=</c>. UTC by default, like the recordings in the conformance corpus.
    /// </summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>The least severe log messages written (to standard error); warnings by default.</summary>
    public LogLevel LogLevel { get; set; } = LogLevel.Warning;
}
