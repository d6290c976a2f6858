using System.Globalization;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.SystemTables;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Users;

/// <summary>
/// CREATE/ALTER/DROP USER, GRANT/REVOKE and SHOW USERS, with TDengine 3.3's answers; and the privileges a database
/// brings along (a user who creates a database may read and write it; dropping it takes its grants away).
/// Who may run these is <see cref="PrivilegeGuard"/>'s concern.
/// </summary>
internal sealed class UserCommands(IStore store, UserDirectory users)
{
    public AffectedRowsResult Create(CreateUserStatement s)
    {
        if (store.FindUser(s.Name) is not null)
        {
            throw UserErrors.UserAlreadyExists();
        }
        var account = new UserAccount(s.Name, PasswordHash.Create(s.Password), Super: false, Enable: 1, SysInfo: unchecked((sbyte)s.SysInfo),
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Version: 1, []) { Hosts = WhiteList.ForNewUser(s.Hosts) };
        Save(account);
        return new AffectedRowsResult(0);
    }

    public AffectedRowsResult Alter(AlterUserStatement s)
    {
        var account = Require(s.Name);
        account = s.Option switch
        {
            "pass" => account with { Password = PasswordHash.Create(s.Value) },
            "enable" => account with { Enable = TinyInt(s.Value) },
            "add host" => account with { Hosts = WhiteList.Add(account.Hosts, s.Hosts) },
            "drop host" => account with { Hosts = WhiteList.Drop(account.Hosts, s.Hosts) },
            _ => account with { SysInfo = TinyInt(s.Value) },
        };
        Save(account with { Version = account.Version + 1 });
        return new AffectedRowsResult(0);
    }

    /// <summary>DROP USER: nobody drops the super user (9796, TDengine's parser says so even to root).</summary>
    public AffectedRowsResult Drop(DropUserStatement s)
    {
        if (Require(s.Name).Super)
        {
            throw UserErrors.PermissionDenied();
        }
        store.Write(w =>
        {
            w.DropUser(s.Name);
            return 0;
        });
        users.Forget(s.Name);
        return new AffectedRowsResult(0);
    }

    /// <summary>GRANT or REVOKE (see <see cref="GrantCommand"/>).</summary>
    public AffectedRowsResult Grant(GrantStatement s)
    {
        Save(new GrantCommand(store).Apply(s));
        return new AffectedRowsResult(0);
    }

    /// <summary>SHOW USERS: the rows of information_schema.ins_users.</summary>
    public RowSetResult Show() =>
        new(UserSystemTables.UserColumns, UserSystemTables.UserRows(store), TaosPrecision.Milliseconds);

    /// <summary>
    /// Runs CREATE DATABASE through <paramref name="create"/>; a user other than the super user who really created the
    /// database gets read and write on it, as TDengine's mnode grants its creator.
    /// </summary>
    public StatementResult CreateDatabase(CreateDatabaseStatement s, SqlSession session, Func<StatementResult> create)
    {
        bool existed = store.FindDatabase(s.Name) is not null;
        var result = create();
        if (!existed && store.FindUser(session.User) is { Super: false } account)
        {
            var grants = account.Grants.Where(g => g.Database != s.Name || g.Table.Length > 0)
                .Append(new UserGrant("read", s.Name, "")).Append(new UserGrant("write", s.Name, "")).ToList();
            Save(account with { Grants = grants, Version = account.Version + 1 });
        }
        return result;
    }

    /// <summary>Runs DROP DATABASE through <paramref name="drop"/>, then takes every grant on that database away.</summary>
    public StatementResult DropDatabase(DropDatabaseStatement s, Func<StatementResult> drop) =>
        DropGrants(drop, g => g.Database == s.Name && g.Privilege != "subscribe");

    /// <summary>Runs DROP TOPIC through <paramref name="drop"/>, then takes the SUBSCRIBE grants on it away (mndUserRemoveTopic).</summary>
    public StatementResult DropTopic(DropTopicStatement s, Func<StatementResult> drop) =>
        DropGrants(drop, g => g.Database == s.Name && g.Privilege == "subscribe");

    private StatementResult DropGrants(Func<StatementResult> drop, Func<UserGrant, bool> dropped)
    {
        var result = drop();
        foreach (var account in store.Users().Where(u => u.Grants.Any(dropped)))
        {
            Save(account with { Grants = account.Grants.Where(g => !dropped(g)).ToList(), Version = account.Version + 1 });
        }
        return result;
    }

    private UserAccount Require(string name) => store.FindUser(name) ?? throw UserErrors.InvalidUser();

    private void Save(UserAccount account)
    {
        store.Write(w =>
        {
            w.SaveUser(account);
            return 0;
        });
        users.Forget(account.Name);
    }

    /// <summary>
    /// TDengine reads ENABLE and SYSINFO values with taosStr2Int8 (strtol, then a cast to int8): the low byte is kept,
    /// and a number past the range of long saturates to LONG_MAX, whose low byte is -1.
    /// </summary>
    private static sbyte TinyInt(string digits) =>
        unchecked((sbyte)(long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long v) ? v : -1));
}
