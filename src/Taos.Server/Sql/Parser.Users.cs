using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>CREATE, ALTER and DROP USER.</summary>
internal sealed partial class Parser
{
    /// <summary>After <c>CREATE USER</c>: <c>name PASS 'p' [SYSINFO n]</c>.</summary>
    private Statement ParseCreateUser()
    {
        string name = ParseName(MaxColumnNameBytes);
        ExpectKw("pass");
        string password = ParseStringContent();
        int sysInfo = 1;
        if (TryKw("sysinfo"))
        {
            sysInfo = (int)Math.Min(ParseInteger(), int.MaxValue);
        }
        return new CreateUserStatement(name, password, sysInfo);
    }

    /// <summary>After <c>ALTER USER</c>: <c>name PASS 'p' | ENABLE n | SYSINFO n</c>.</summary>
    private Statement ParseAlterUser()
    {
        string user = ParseName(MaxColumnNameBytes);
        if (TryKw("pass"))
        {
            return new AlterUserStatement(user, "pass", ParseStringContent());
        }
        if (TryKw("enable"))
        {
            return new AlterUserStatement(user, "enable", ParseTokenText(TokenKind.Integer));
        }
        if (TryKw("sysinfo"))
        {
            return new AlterUserStatement(user, "sysinfo", ParseTokenText(TokenKind.Integer));
        }
        throw Fail(_cur);
    }

    /// <summary>After <c>DROP USER</c>: the name.</summary>
    private Statement ParseDropUser() => new DropUserStatement(ParseName(MaxColumnNameBytes));
}
