using Taos.Server.Engine.Admin;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.SystemTables;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Users;

/// <summary>
/// Decides whether the session's user may run a statement, before it runs, the way TDengine's parser authenticator
/// (parAuthenticator.c) and mnode do. The super user may do anything. Otherwise, as TDengine 3.3's community edition
/// does: only the super user drops users (and nobody drops it); a user without SYSINFO sees no system information
/// (SHOW USERS, ins_users, …); a disabled user (ENABLE 0) may use no table at all; grants are recorded but not
/// checked. With <see cref="UserSettings.EnforcePrivileges"/>, tables also need a READ or WRITE grant (on the
/// database, the table or a child's super table), and user administration and CREATE DATABASE need rights as in
/// TDengine's enterprise edition. Views count as tables of their database (reading one needs READ on it, dropping it
/// WRITE; creating one WRITE on the database and READ on what its query reads); EXPLAIN needs what its query needs.
/// Refusals are 9796 (parser) or 771 (mnode), TDengine's own codes.
/// </summary>
internal sealed class PrivilegeGuard(IStore store, UserDirectory users)
{
    /// <summary>The information_schema tables TDengine shows only to users with SYSINFO (systable.c infosMeta).</summary>
    private static readonly HashSet<string> SystemInfoTables = new(StringComparer.Ordinal)
    {
        "ins_dnodes", "ins_mnodes", "ins_qnodes", "ins_snodes", "ins_cluster", "ins_users", "ins_licences", "ins_vgroups",
        "ins_dnode_variables", "ins_vnodes", "ins_user_privileges", "ins_grants_full", "ins_grants_logs", "ins_machines",
        "ins_arbgroups", "ins_encryptions",
    };

    /// <summary>The SHOW statements TDengine refuses to users without SYSINFO.</summary>
    private static readonly HashSet<string> SystemInfoShows = new(StringComparer.Ordinal)
    {
        "dnodes", "mnodes", "modules", "qnodes", "snodes", "bnodes", "cluster", "licences", "grants", "vgroups", "users",
        "user privileges", "dnode variables", "vnodes", "scores", "cluster alive", "db alive", "cluster machines",
        // Administration (parAuthenticator.c): SHOW ARBGROUPS and SHOW GRANTS FULL / LOGS need SYSINFO too.
        "arbgroups", "grants full", "grants logs", "encryptions",
    };

    private enum Access { Read, Write, ReadOrWrite }

    /// <summary>Throws TDengine's refusal when the session's user may not run <paramref name="statement"/>.</summary>
    public void Authorize(Statement statement, SqlSession session)
    {
        var user = users.Find(session.User) ?? throw UserErrors.InvalidUser();
        if (user.Super)
        {
            return;
        }
        if (users.Settings.EnforcePrivileges)
        {
            AuthorizeAdministration(statement, user);
            AuthorizeSmaObjects(statement, user, session);
        }
        Visit(statement, user, session);
    }

    /// <summary>
    /// Schemaless ingest into <paramref name="database"/>: as an INSERT, the user must be enabled and, with
    /// privileges enforced, hold WRITE on the database (9796 otherwise).
    /// </summary>
    public void AuthorizeWrite(string userName, string database)
    {
        var user = users.Find(userName) ?? throw UserErrors.InvalidUser();
        if (user.Super) return;
        RequireEnabled(user);
        if (users.Settings.EnforcePrivileges && !Granted(user, database, null, Access.Write)) throw UserErrors.PermissionDenied();
    }

    /// <summary>
    /// A TMQ subscription to the named topics: with privileges enforced, the user must be enabled and hold SUBSCRIBE on
    /// each topic (<c>GRANT SUBSCRIBE ON topic TO user</c>; TDengine's mnode checks MND_OPER_SUBSCRIBE on the topic and
    /// answers 771 without it). Unknown topics are left to the subscription (993).
    /// </summary>
    public void AuthorizeSubscribe(string userName, IReadOnlyList<string> topics)
    {
        var user = users.Find(userName) ?? throw UserErrors.InvalidUser();
        if (user.Super || !users.Settings.EnforcePrivileges) return;
        var stored = store.Topics();
        foreach (string name in topics)
        {
            if (stored.Any(t => t.Name == name) && (!user.Enabled || !user.Grants.Contains(new UserGrant("subscribe", name, ""))))
                throw UserErrors.NoRights();
        }
    }

    private void Visit(Statement statement, UserAccount user, SqlSession session)
    {
        switch (statement)
        {
            case SelectStatement s: Select(s, user, session); break;
            case UnionStatement u: u.Queries.ToList().ForEach(q => Select(q, user, session)); break;
            case InsertStatement s: s.Clauses.ToList().ForEach(c => Table(c.Table, Access.Write, user, session)); break;
            case InsertSelectStatement s:
                Table(s.Table, Access.Write, user, session);
                Select(s.Query, user, session);
                break;
            case DeleteStatement s: Table(s.Table, Access.Write, user, session); break;
            case CreateStableStatement s: Database(s.Name.Database, Access.Write, user, session); break;
            case CreateNormalTableStatement s: Database(s.Name.Database, Access.Write, user, session); break;
            case CreateChildTablesStatement s: s.Tables.ToList().ForEach(c => Database(c.Name.Database, Access.Write, user, session)); break;
            case DropTableStatement s: s.Names.ToList().ForEach(n => Table(n, Access.Write, user, session)); break;
            case DropStableStatement s: Table(s.Name, Access.Write, user, session); break;
            case AlterTableStatement s: Table(s.Table, Access.Write, user, session); break;
            case ShowTablesStatement s: Database(s.Database, Access.ReadOrWrite, user, session); break;
            case ShowStablesStatement s: Database(s.Database, Access.ReadOrWrite, user, session); break;
            case ShowCreateTableStatement s: Table(s.Name, Access.Read, user, session); break;
            case ShowCreateDatabaseStatement: RequireSystemInfo(user); break;
            case ShowStatement s when SystemInfoShows.Contains(s.What): RequireSystemInfo(user); break;
            case CreateViewStatement s:
                Database(s.Name.Database, Access.Write, user, session);
                Visit(s.Query, user, session);
                break;
            case DropViewStatement s: Table(s.Name, Access.Write, user, session); break;
            case ExplainStatement s: Visit(s.Query, user, session); break;
            case ShowAliveStatement or ShowTableDistributedStatement: RequireSystemInfo(user); break;
            case DropUserStatement: throw UserErrors.PermissionDenied();
        }
    }

    /// <summary>The mnode's checks, made only when privileges are enforced.</summary>
    private void AuthorizeAdministration(Statement statement, UserAccount user)
    {
        switch (statement)
        {
            case CreateUserStatement or GrantStatement or CreateFunctionStatement or DropFunctionStatement:
            case AlterUserStatement a when a.Name != user.Name || a.Option != "pass":
            case CreateDatabaseStatement when !user.SeesSystemInfo || !user.Enabled:
                throw UserErrors.NoRights();
            case DropDatabaseStatement d when !Granted(user, d.Name, null, Access.Write):
                throw UserErrors.NoRights();
            // Administration: the enterprise mnode's mndCheckOperPrivilege lets only the super user manage nodes,
            // configuration, vgroups, compactions and kills; the SHOW forms stay with the SYSINFO rule above.
            case not (ShowAliveStatement or ShowCompactStatement or ShowStatement or ShowTableDistributedStatement) when AdministrationCommands.Handles(statement):
                throw UserErrors.NoRights();
        }
    }

    /// <summary>
    /// SMA indexes and TSMAs, made only when privileges are enforced: the mnode's MND_OPER_WRITE_DB check on their
    /// database (771 without WRITE on it).
    /// </summary>
    private void AuthorizeSmaObjects(Statement statement, UserAccount user, SqlSession session)
    {
        string? explicitDb = statement switch
        {
            CreateSmaIndexStatement s => s.Table.Database,
            CreateTsmaStatement s => s.Table.Database,
            DropTsmaStatement s => s.Name.Database,
            _ => null,
        };
        string? db = statement is CreateSmaIndexStatement or CreateTsmaStatement or DropTsmaStatement ? explicitDb ?? session.Database : null;
        if (db is not null && !Granted(user, db, null, Access.Write))
        {
            throw UserErrors.NoRights();
        }
    }

    private void Select(SelectStatement select, UserAccount user, SqlSession session) => From(select.From, user, session);

    private void From(FromSource? source, UserAccount user, SqlSession session)
    {
        switch (source)
        {
            case TableSource t: Table(t.Name, Access.Read, user, session); break;
            case SubquerySource q: Select(q.Query, user, session); break;
            case JoinSource j:
                From(j.Left, user, session);
                From(j.Right, user, session);
                break;
        }
    }

    private void Table(TableName name, Access access, UserAccount user, SqlSession session)
    {
        string? db = name.Database ?? session.Database;
        if (db is null)
        {
            return;
        }
        if (SystemSchemas.IsSystemDatabase(db))
        {
            if (!user.SeesSystemInfo && SystemInfoTables.Contains(name.Name))
            {
                throw UserErrors.PermissionDenied();
            }
            RequireEnabled(user);
            return;
        }
        RequireEnabled(user);
        if (users.Settings.EnforcePrivileges && !Granted(user, db, name.Name, access))
        {
            throw UserErrors.PermissionDenied();
        }
    }

    private void Database(string? explicitDb, Access access, UserAccount user, SqlSession session)
    {
        string? db = explicitDb ?? session.Database;
        if (db is null || SystemSchemas.IsSystemDatabase(db))
        {
            return;
        }
        RequireEnabled(user);
        if (users.Settings.EnforcePrivileges && !Granted(user, db, null, access))
        {
            throw UserErrors.PermissionDenied();
        }
    }

    /// <summary>
    /// Whether a grant covers <paramref name="access"/> to <paramref name="table"/> (null: the database itself) of
    /// <paramref name="db"/>: a database grant (or one on <c>*</c>), or a grant on the table or on a child's super table.
    /// READ_OR_WRITE (SHOW TABLES) is satisfied by any grant in the database.
    /// </summary>
    private bool Granted(UserAccount user, string db, string? table, Access access)
    {
        var inDb = user.Grants.Where(g => g.Privilege != "subscribe" && (g.Database == db || g.Database == "*")).ToList();
        if (access == Access.ReadOrWrite)
        {
            return inDb.Count > 0;
        }
        string privilege = access == Access.Read ? "read" : "write";
        string? super = table is null ? null : store.FindTable(db, table)?.SuperTable;
        return inDb.Any(g => g.Privilege == privilege && (g.Table.Length == 0 || (table is not null && (g.Table == table || g.Table == super))));
    }

    private static void RequireEnabled(UserAccount user)
    {
        if (!user.Enabled)
        {
            throw UserErrors.PermissionDenied();
        }
    }

    private static void RequireSystemInfo(UserAccount user)
    {
        if (!user.SeesSystemInfo)
        {
            throw UserErrors.PermissionDenied();
        }
    }
}
