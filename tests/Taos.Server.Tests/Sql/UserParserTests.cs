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
}
