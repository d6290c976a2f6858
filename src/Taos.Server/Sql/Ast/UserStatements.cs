using Taos.Server.Engine.Users;

namespace Taos.Server.Sql.Ast;

/// <summary><c>CREATE USER u PASS 'p' [SYSINFO 0|1] [HOST 'ip[/mask]'[, …]]</c> (SYSINFO defaults to 1).</summary>
internal sealed record CreateUserStatement(string Name, string Password, int SysInfo) : Statement
{
    /// <summary>The HOST items in the order given; empty without HOST.</summary>
    public IReadOnlyList<IpRange> Hosts { get; init; } = [];
}

/// <summary>
/// <c>ALTER USER u PASS 'p' | ENABLE n | SYSINFO n | ADD HOST … | DROP HOST …</c>: <see cref="Option"/> is
/// <c>pass</c>, <c>enable</c>, <c>sysinfo</c>, <c>add host</c> or <c>drop host</c> (then <see cref="Hosts"/> holds
/// the items and <see cref="Value"/> is empty).
/// </summary>
internal sealed record AlterUserStatement(string Name, string Option, string Value) : Statement
{
    /// <summary>The HOST items of ADD HOST or DROP HOST, in the order given.</summary>
    public IReadOnlyList<IpRange> Hosts { get; init; } = [];
}

/// <summary><c>DROP USER u</c>.</summary>
internal sealed record DropUserStatement(string Name) : Statement;

/// <summary>
/// <c>GRANT privileges ON db.*|db.t|*.*|topic [WITH condition] TO u</c> (or <c>REVOKE … FROM u</c> when
/// <see cref="Revoke"/>): <see cref="Privileges"/> are <c>read</c>, <c>write</c> and/or <c>alter</c> (<c>ALL</c> is
/// read and write on a database, all three on a table), or <c>subscribe</c> alone; <see cref="Database"/> is
/// <c>*</c> for every database, and the topic's name for <c>subscribe</c>; <see cref="Table"/> is null for the whole
/// database.
/// </summary>
internal sealed record GrantStatement(bool Revoke, IReadOnlyList<string> Privileges, string Database, string? Table, string User) : Statement
{
    /// <summary>The tag condition of a table-level grant (<c>WITH …</c>), or null.</summary>
    public Expr? Condition { get; init; }
}
