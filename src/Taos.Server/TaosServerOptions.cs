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

    /// <summary>
    /// The super user (TDengine's <c>root</c>) a new data directory is created with. Users live in the data directory:
    /// once it exists, logins are checked against the users stored there and this option is not read again.
    /// </summary>
    public string User { get; set; } = "root";

    /// <summary>
    /// The super user's initial password, used only when the data directory is new; change it later with
    /// <c>ALTER USER root PASS '…'</c> (kept, like every user, as a salted PBKDF2 hash).
    /// </summary>
    public string Password { get; set; } = "taosdata";

    /// <summary>
    /// Whether READ/WRITE grants are enforced: off by default, like TDengine's community edition, which records
    /// GRANT/REVOKE but lets every enabled user read and write every database. When on, a user other than the super
    /// user needs a grant on the database (or the table) to read or write it, and only the super user administers
    /// users; refusals carry TDengine's own codes (9796, 771).
    /// </summary>
    public bool EnforcePrivileges { get; set; }

    /// <summary>
    /// The TDengine edition the server answers as where the two differ: <see cref="TaosServerEdition.Community"/> by
    /// default (views are refused as TDengine's community edition refuses them), <see cref="TaosServerEdition.Enterprise"/>
    /// for views as TDengine's enterprise edition and TDengine Cloud have them.
    /// </summary>
    public TaosServerEdition Edition { get; set; }

    /// <summary>
    /// taos.cfg's <c>smlChildTableName</c>: the tag whose value names the child table a schemaless point goes to
    /// (that tag is then not stored as a tag); null (the default) for TDengine's derived <c>t_…</c> names.
    /// </summary>
    public string? SmlChildTableName { get; set; }

    /// <summary>
    /// The server's time zone: timestamp strings in SQL are read in it and results are rendered in it unless the
    /// request names another with <c>?tz=</c>. UTC by default, like the recordings in the conformance corpus.
    /// </summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>The least severe log messages written (to standard error); warnings by default.</summary>
    public LogLevel LogLevel { get; set; } = LogLevel.Warning;
}
