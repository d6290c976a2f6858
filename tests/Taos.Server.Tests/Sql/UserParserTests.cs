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
    public void Host_white_lists()
    {
        var c = Parse<CreateUserStatement>("create user u1 pass 'p' sysinfo 0 host '10.0.0.1', '192.168.0.0/16'");
        Assert.Equal(["10.0.0.1/32", "192.168.0.0/16"], c.Hosts.Select(h => h.ToString()));
        Assert.Empty(Parse<CreateUserStatement>("create user u1 pass 'p'").Hosts);
        Assert.Equal(["1.2.3.4/24"], Parse<CreateUserStatement>("create user u1 pass 'p' host '1.2.3.4/24'").Hosts.Select(h => h.ToString()));
        var add = Parse<AlterUserStatement>("alter user u1 add host '10.0.0.2', '10.0.0.3/8'");
        Assert.Equal(("u1", "add host"), (add.Name, add.Option));
        Assert.Equal(["10.0.0.2/32", "10.0.0.3/8"], add.Hosts.Select(h => h.ToString()));
        var drop = Parse<AlterUserStatement>("alter user u1 drop host '10.0.0.2'");
        Assert.Equal(("drop host", 1), (drop.Option, drop.Hosts.Count));
    }

    [Theory]
    [InlineData("create user u1 pass 'p' host '10.0.0.1/33'", 9835)]
    [InlineData("create user u1 pass 'p' host '10.0.0'", 9835)]
    [InlineData("create user u1 pass 'p' host '10.0.0.256'", 9835)]
    [InlineData("create user u1 pass 'p' host '010.0.0.1'", 9835)]
    [InlineData("create user u1 pass 'p' host 'localhost'", 9835)]
    [InlineData("create user u1 pass 'p' host '::1'", 9835)]
    [InlineData("alter user u1 add host '1.2.3.4/-1'", 9835)]
    [InlineData("alter user u1 drop host '1.2.3.4.5'", 9835)]
    [InlineData("create user u1 pass 'p' host 10", 9728)]
    [InlineData("create user u1 pass 'p' host", 9729)]
    [InlineData("alter user u1 add '1.2.3.4'", 9728)]
    [InlineData("alter user u1 drop host '1.2.3.4',", 9729)]
    public void Bad_host_items_are_refused(string sql, int code)
    {
        var e = Assert.Throws<TaosServerException>(() => SqlParser.Parse(sql));
        Assert.Equal(code, e.Code);
        if (code == 9835)
        {
            Assert.StartsWith("Invalid IP range ", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_prefix_is_read_with_atoi()
    {
        Assert.Equal("1.2.3.4/0", Parse<CreateUserStatement>("create user u1 pass 'p' host '1.2.3.4/x'").Hosts[0].ToString());
        Assert.Equal("1.2.3.4/8", Parse<CreateUserStatement>("create user u1 pass 'p' host '1.2.3.4/8abc'").Hosts[0].ToString());
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
