namespace Taos.Server.Engine.Users;

/// <summary>
/// A user as the catalog keeps it: the name (case kept), the salted password hash, whether it is the super user
/// (created with the data directory, like TDengine's root), the <c>enable</c> and <c>sysinfo</c> values as given
/// (0 disables; TDengine stores any TINYINT), the creation time in ms, a version that grows with every change
/// (cached logins are valid only for the version they were checked against) and the privileges granted.
/// </summary>
internal sealed record UserAccount(
    string Name,
    PasswordHash Password,
    bool Super,
    sbyte Enable,
    sbyte SysInfo,
    long CreateTime,
    long Version,
    IReadOnlyList<UserGrant> Grants)
{
    /// <summary>Whether the user may use tables at all (TDengine denies every table to a user whose enable is 0).</summary>
    public bool Enabled => Enable != 0;

    /// <summary>Whether the user may see system information (SHOW USERS, ins_users, …).</summary>
    public bool SeesSystemInfo => SysInfo != 0;

    /// <summary>The IP white list (CREATE USER … HOST, ALTER USER … ADD/DROP HOST); <see cref="IpRange.Defaults"/> unless set.</summary>
    public IReadOnlyList<IpRange> Hosts { get; init; } = IpRange.Defaults;

    /// <summary>
    /// Whether a client at <paramref name="client"/> may log in as this user: always from 127.0.0.1 (TDengine's
    /// transport lets that address through for everyone) and for the super user (so a lockout can always be
    /// repaired); otherwise when an entry of <see cref="Hosts"/> contains the address. A null address is an
    /// in-process caller, never refused.
    /// </summary>
    public bool Admits(System.Net.IPAddress? client) =>
        client is null || Super || IpRange.Loopback.Contains(client) || Hosts.Any(h => h.Contains(client));
}

/// <summary>
/// One privilege: <see cref="Privilege"/> is <c>read</c>, <c>write</c>, <c>alter</c> (tables only) or
/// <c>subscribe</c> (then <see cref="Database"/> is the topic's name); <see cref="Database"/> a database name;
/// <see cref="Table"/> a table name, or "" for the whole database; <see cref="Condition"/> a table grant's tag
/// condition as ins_user_privileges shows it ("" for none).
/// </summary>
internal sealed record UserGrant(string Privilege, string Database, string Table, string Condition = "");
