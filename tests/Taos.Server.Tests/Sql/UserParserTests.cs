using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>CREATE, ALTER and DROP USER (<c>Parser.Users.cs</c>).</summary>
public class UserParserTests
{
    [Fact]
    public void Users()
    {
        var c = Parse<CreateUserStatement>("create user u1 pass 'Secret' sysinfo 0");
        Assert.Equal(("u1", "Secret", 0), (c.Name, c.Password, c.SysInfo));
        Assert.Equal(1, Parse<CreateUserStatement>("create user u2 pass 'x'").SysInfo);
        var a = Parse<AlterUserStatement>("alter user u1 pass 'new'");
        Assert.Equal(("u1", "pass", "new"), (a.Name, a.Option, a.Value));
        Assert.Equal(("enable", "0"), (Parse<AlterUserStatement>("alter user u1 enable 0").Option, "0"));
        Assert.Equal("u1", Parse<DropUserStatement>("drop user u1").Name);
    }

    [Fact]
    public void Grant_and_revoke()
    {
        var g = Parse<GrantStatement>("grant read on db1.* to u1");
        Assert.Equal((false, "db1", (string?)null, "u1"), (g.Revoke, g.Database, g.Table, g.User));
        Assert.Equal(["read"], g.Privileges);
        Assert.Equal(["read", "write"], Parse<GrantStatement>("grant all on *.* to u1").Privileges);
        Assert.Equal(["write", "read"], Parse<GrantStatement>("grant write, read on db1.t to u1").Privileges);
        var r = Parse<GrantStatement>("revoke write on db1.t from `U1`");
        Assert.Equal((true, "db1", "t", "U1"), (r.Revoke, r.Database, r.Table, r.User));
        Assert.Equal(9728, Assert.Throws<TaosServerException>(() => SqlParser.Parse("grant read on db1.* from u1")).Code);
        Assert.Equal(9728, Assert.Throws<TaosServerException>(() => SqlParser.Parse("grant select on db1.* to u1")).Code);
    }

    [Fact]
    public void Grant_forms_of_tdengine_3_3_0_1()
    {
        var sub = Parse<GrantStatement>("grant subscribe on tp1 to u1");
        Assert.Equal(["subscribe"], sub.Privileges);
        Assert.Equal(("tp1", (string?)null), (sub.Database, sub.Table));
        Assert.Equal(["alter", "read"], Parse<GrantStatement>("grant alter, read on db1.st to u1").Privileges);
        Assert.Equal(["read", "write", "alter"], Parse<GrantStatement>("grant all on db1.st to u1").Privileges);
        Assert.Equal(["read", "write"], Parse<GrantStatement>("revoke all on db1 from u1").Privileges);
        var cond = Parse<GrantStatement>("grant read on db1.st with t1 = 1 and t2 = 'a' to u1");
        Assert.Equal("t1 = 1 and t2 = 'a'", cond.Condition!.Text);
        Assert.Null(Parse<GrantStatement>("grant read on db1.st to u1").Condition);
        Assert.Equal(9728, Assert.Throws<TaosServerException>(() => SqlParser.Parse("grant subscribe, read on tp1 to u1")).Code);
        Assert.Equal(9728, Assert.Throws<TaosServerException>(() => SqlParser.Parse("grant read, subscribe on tp1 to u1")).Code);
        Assert.Equal(9728, Assert.Throws<TaosServerException>(() => SqlParser.Parse("grant all, read on db1.* to u1")).Code);
        Assert.Equal(9728, Assert.Throws<TaosServerException>(() => SqlParser.Parse("grant read on db1.st with to u1")).Code);
        // 3.3.0.1's grammar has no ALTER USER … CREATEDB (it came later).
        Assert.Equal(9728, Assert.Throws<TaosServerException>(() => SqlParser.Parse("alter user u1 createdb 1")).Code);
    }

    [Fact]
    public void User_names_and_passwords_have_tdengines_limits()
    {
        Assert.Equal(new string('n', 23), Parse<CreateUserStatement>("create user " + new string('n', 23) + " pass 'x'").Name);
        Assert.Equal(9744, Assert.Throws<TaosServerException>(() => SqlParser.Parse("drop user " + new string('n', 24))).Code);
        Assert.Equal(9744, Assert.Throws<TaosServerException>(() => SqlParser.Parse("alter user u pass '" + new string('p', 32) + "'")).Code);
        Assert.Equal(9745, Assert.Throws<TaosServerException>(() => SqlParser.Parse("alter user u pass ''")).Code);
        Assert.Equal("BR", Parse<DropUserStatement>("drop user `BR`").Name);
    }
}
