using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Topics;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Users;

/// <summary>
/// GRANT and REVOKE as TDengine 3.3.0.1 answers them. The translator first (translateGrantTagCond, GRANT only): a
/// WITH condition needs a table (9728), the table must exist (904/9731) and be a super or normal table (9728), the
/// condition's names must be its columns or tags (9730). Then the mnode (mndProcessAlterUserPrivilegesReq): the user
/// must exist (849); READ/WRITE on a database need the database (904), on <c>*.*</c> they cover every database that
/// exists now; ALTER on a database changes nothing; table privileges (READ, WRITE, ALTER; ALL is all three) are kept
/// per table with their condition (a second conditional grant of one is 865); SUBSCRIBE needs the topic (993).
/// </summary>
internal sealed class GrantCommand(IStore store)
{
    /// <summary>0x0359 TSDB_CODE_MND_PRIVILEDGE_EXIST.</summary>
    private const int PrivilegeExistsCode = 857;

    /// <summary>Applies <paramref name="s"/> to its user's grants and returns the user with them (not saved yet).</summary>
    public UserAccount Apply(GrantStatement s)
    {
        string condition = s.Revoke ? "" : TranslateTarget(s);
        var account = store.FindUser(s.User) ?? throw UserErrors.InvalidUser();
        var grants = account.Grants.ToList();
        foreach (string privilege in s.Privileges)
        {
            if (privilege == "subscribe")
            {
                Subscribe(s, grants);
            }
            else if (s.Table is not null)
            {
                TablePrivilege(s, privilege, condition, grants);
            }
            else if (privilege != "alter")
            {
                DatabasePrivilege(s, privilege, grants);
            }
        }
        return account with { Grants = grants, Version = account.Version + 1 };
    }

    /// <summary>The translator's checks of a GRANT's table and condition; the condition's text ("" for none).</summary>
    private string TranslateTarget(GrantStatement s)
    {
        if (s.Table is null)
        {
            return s.Condition is null ? "" : throw new TaosServerException(ServerErrorCode.SyntaxError,
                "The With clause can only be used for table level privilege");
        }
        if (store.FindDatabase(s.Database) is null)
        {
            throw CatalogResolver.DatabaseNotExist();
        }
        var table = store.FindTable(s.Database, s.Table);
        if (table is null && store.Views().Any(v => v.Database == s.Database && v.Name == s.Table))
        {
            // A grant on a view (enterprise edition): the translator skips the tag condition (parTranslater.c translateGrant, isView).
            return "";
        }
        if (table is null)
        {
            throw CatalogResolver.TableNotExist();
        }
        if (table.Kind == TableKind.Child)
        {
            throw new TaosServerException(ServerErrorCode.SyntaxError, "Only supertable and normal table can be granted");
        }
        return s.Condition is null ? "" : GrantCondition.Render(s.Condition, table);
    }

    private void DatabasePrivilege(GrantStatement s, string privilege, List<UserGrant> grants)
    {
        if (s.Database == "*")
        {
            if (s.Revoke)
            {
                grants.RemoveAll(g => g.Privilege == privilege && g.Table.Length == 0);
                return;
            }
            grants.AddRange(store.Databases().Select(d => new UserGrant(privilege, d.Name, "")).Where(g => !grants.Contains(g)).ToList());
            return;
        }
        if (store.FindDatabase(s.Database) is null)
        {
            throw CatalogResolver.DatabaseNotExist();
        }
        Toggle(grants, new UserGrant(privilege, s.Database, ""), s.Revoke);
    }

    private static void TablePrivilege(GrantStatement s, string privilege, string condition, List<UserGrant> grants)
    {
        int existing = grants.FindIndex(g => g.Privilege == privilege && g.Database == s.Database && g.Table == s.Table);
        if (s.Revoke)
        {
            if (existing >= 0) grants.RemoveAt(existing);
            return;
        }
        if (existing >= 0 && condition.Length > 0)
        {
            throw new TaosServerException(PrivilegeExistsCode, "User already have this priviledge");
        }
        var grant = new UserGrant(privilege, s.Database, s.Table!, condition);
        if (existing >= 0) grants[existing] = grant;
        else grants.Add(grant);
    }

    private void Subscribe(GrantStatement s, List<UserGrant> grants)
    {
        if (!store.Topics().Any(t => t.Name == s.Database))
        {
            throw TopicErrors.NotExist();
        }
        Toggle(grants, new UserGrant("subscribe", s.Database, ""), s.Revoke);
    }

    /// <summary>Adds <paramref name="grant"/> unless held (keeping its place), or removes it when <paramref name="revoke"/>.</summary>
    private static void Toggle(List<UserGrant> grants, UserGrant grant, bool revoke)
    {
        if (revoke)
        {
            grants.Remove(grant);
        }
        else if (!grants.Contains(grant))
        {
            grants.Add(grant);
        }
    }
}
