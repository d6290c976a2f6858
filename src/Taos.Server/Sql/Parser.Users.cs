using Taos.Server.Engine.Users;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>CREATE, ALTER and DROP USER; GRANT and REVOKE.</summary>
internal sealed partial class Parser
{
    /// <summary>TSDB_USER_LEN: a user name token (backquotes included) must be shorter.</summary>
    private const int UserNameTokenLimit = 24;

    /// <summary>TSDB_USET_PASSWORD_LEN + 2: a password token (quotes included) must be shorter.</summary>
    private const int PasswordTokenLimit = 34;

    /// <summary>After <c>CREATE USER</c>: <c>name PASS 'p' [SYSINFO n] [HOST 'ip[/mask]'[, …]]</c>.</summary>
    private Statement ParseCreateUser()
    {
        string name = ParseUserName();
        ExpectKw("pass");
        string password = ParsePassword();
        int sysInfo = 1;
        if (TryKw("sysinfo"))
        {
            sysInfo = (int)Math.Min(ParseInteger(), int.MaxValue);
        }
        return new CreateUserStatement(name, password, sysInfo) { Hosts = TryKw("host") ? ParseHostList() : [] };
    }

    /// <summary>After <c>ALTER USER</c>: <c>name PASS 'p' | ENABLE n | SYSINFO n | ADD HOST … | DROP HOST …</c>.</summary>
    private Statement ParseAlterUser()
    {
        string user = ParseUserName();
        if (TryKw("pass"))
        {
            return new AlterUserStatement(user, "pass", ParsePassword());
        }
        if (TryKw("enable"))
        {
            return new AlterUserStatement(user, "enable", ParseTokenText(TokenKind.Integer));
        }
        if (TryKw("sysinfo"))
        {
            return new AlterUserStatement(user, "sysinfo", ParseTokenText(TokenKind.Integer));
        }
        foreach (string change in (string[])["add", "drop"])
        {
            if (TryKw(change))
            {
                ExpectKw("host");
                return new AlterUserStatement(user, change + " host", "") { Hosts = ParseHostList() };
            }
        }
        throw Fail(_cur);
    }

    /// <summary>After <c>HOST</c>: string items separated by commas, each an IPv4 address or range (9835 otherwise).</summary>
    private List<IpRange> ParseHostList()
    {
        var hosts = new List<IpRange>();
        do
        {
            if (_cur.Kind != TokenKind.String)
            {
                throw Fail(_cur);
            }
            hosts.Add(IpRange.Parse(ParseStringContent()));
        }
        while (TryTake(TokenKind.Comma));
        return hosts;
    }

    /// <summary>After <c>DROP USER</c>: the name.</summary>
    private Statement ParseDropUser() => new DropUserStatement(ParseUserName());

    /// <summary>
    /// <c>GRANT privileges ON level [WITH condition] TO user</c> or <c>REVOKE … FROM user</c>: privileges are
    /// <c>ALL</c>, <c>SUBSCRIBE</c> or a list of <c>READ</c>, <c>WRITE</c>, <c>ALTER</c> (sql.y of 3.3.0.1). ALL is READ
    /// and WRITE on a database, READ, WRITE and ALTER on a table (the mnode's reading of PRIVILEGE_TYPE_ALL).
    /// </summary>
    private Statement ParseGrant(bool revoke)
    {
        Advance();
        var privileges = new List<string>();
        bool all = TryKw("all");
        if (!all && TryKw("subscribe"))
        {
            privileges.Add("subscribe");
        }
        else if (!all)
        {
            do
            {
                if (TryKw("read")) privileges.Add("read");
                else if (TryKw("write")) privileges.Add("write");
                else if (TryKw("alter")) privileges.Add("alter");
                else throw Fail(_cur);
            }
            while (TryTake(TokenKind.Comma));
        }
        ExpectKw("on");
        var (database, table) = ParsePrivilegeLevel();
        Expr? condition = TryKw("with") ? ParseCondition() : null;
        ExpectKw(revoke ? "from" : "to");
        if (all)
        {
            privileges.AddRange(table is null ? ["read", "write"] : ["read", "write", "alter"]);
        }
        return new GrantStatement(revoke, privileges.Distinct().ToList(), database, table, ParseUserName()) { Condition = condition };
    }

    /// <summary><c>*.*</c>, <c>db.*</c>, <c>db.table</c>, or a bare name (a topic; as a database for READ/WRITE/ALTER).</summary>
    private (string Database, string? Table) ParsePrivilegeLevel()
    {
        if (TryTake(TokenKind.Star))
        {
            Expect(TokenKind.Dot);
            Expect(TokenKind.Star);
            return ("*", null);
        }
        string database = ParseName(MaxDatabaseNameBytes);
        if (!TryTake(TokenKind.Dot) || TryTake(TokenKind.Star))
        {
            return (database, null);
        }
        return (database, ParseName(MaxTableNameBytes));
    }

    /// <summary>A user name: TDengine refuses a token of 24 bytes or more (backquotes counted) with 9744.</summary>
    private string ParseUserName()
    {
        var t = _cur;
        if (!IsIdentifier(t))
        {
            throw Fail(t);
        }
        if (Utf8Text.ByteCount(TextOf(t)) >= UserNameTokenLimit)
        {
            throw UserErrors.NameOrPasswordTooLong();
        }
        Advance();
        return t.Word!;
    }

    /// <summary>A password string: 9744 when its token (quotes counted) is 34 bytes or more, 9745 when it is blank; trimmed of spaces.</summary>
    private string ParsePassword()
    {
        var t = _cur;
        if (t.Kind == TokenKind.String && Utf8Text.ByteCount(TextOf(t)) >= PasswordTokenLimit)
        {
            throw UserErrors.NameOrPasswordTooLong();
        }
        string password = ParseStringContent().Trim(' ');
        if (password.Length == 0)
        {
            throw UserErrors.PasswordEmpty();
        }
        return password;
    }
}
