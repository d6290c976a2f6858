using System.Net;
using Taos.Server.Engine.Users;

namespace Taos.Server.Tests.Engine.Users;

/// <summary>CREATE USER … HOST, ALTER USER … ADD/DROP HOST and the white list at login (the mnode's rules of 3.3.0.1).</summary>
public class WhiteListTests : EngineTestBase
{
    private string AllowedHost(string user) =>
        (string)Rows($"select allowed_host from information_schema.ins_users where name = '{user}'").Single()[0]!;

    private int Code(string sql) => Assert.Throws<TaosServerException>(() => Exec(sql)).Code;

    [Fact]
    public void A_new_user_gets_loopback_and_host_adds_to_it()
    {
        Exec("create user u1 pass 'p'");
        Exec("create user u2 pass 'p' host '10.0.0.1', '192.168.0.0/16', '10.0.0.1'");
        Assert.Equal("127.0.0.1/32, ::1/128", AllowedHost("u1"));
        Assert.Equal("127.0.0.1/32, ::1/128, 10.0.0.1/32, 192.168.0.0/16", AllowedHost("u2"));
        Assert.Equal("127.0.0.1/32, ::1/128", AllowedHost("root"));
        Exec("create user u3 pass 'p' host '127.0.0.1'");
        Assert.Equal("127.0.0.1/32, ::1/128", AllowedHost("u3"));
    }

    [Fact]
    public void Add_and_drop_host_follow_the_mnode()
    {
        Exec("create user u1 pass 'p'");
        Exec("alter user u1 add host '10.0.0.1', '10.2.0.0/16'");
        Assert.Equal("127.0.0.1/32, ::1/128, 10.0.0.1/32, 10.2.0.0/16", AllowedHost("u1"));
        Assert.Equal(858, Code("alter user u1 add host '10.3.0.1', '10.0.0.1'"));
        Assert.Equal(858, Code("alter user u1 add host '127.0.0.1'"));
        Assert.Equal(859, Code("alter user u1 drop host '10.9.9.9'"));
        Assert.Equal(861, Code("alter user u1 drop host '10.0.0.1', '127.0.0.1'"));
        Assert.Equal(849, Code("alter user nobody add host '10.0.0.1'"));
        Assert.Equal("127.0.0.1/32, ::1/128, 10.0.0.1/32, 10.2.0.0/16", AllowedHost("u1"));
        Exec("alter user u1 drop host '10.0.0.1', '10.9.9.9'");
        Assert.Equal("127.0.0.1/32, ::1/128, 10.2.0.0/16", AllowedHost("u1"));
    }

    [Fact]
    public void A_list_holds_at_most_2048_entries()
    {
        string Hosts(int from, int count) => string.Join(", ", Enumerable.Range(from, count).Select(i => $"'10.0.{i / 256}.{i % 256}'"));
        Assert.Equal(860, Code($"create user u1 pass 'p' host {Hosts(0, 2047)}"));
        Exec($"create user u1 pass 'p' host {Hosts(0, 2046)}");
        Assert.Equal(860, Code($"alter user u1 add host {Hosts(3000, 1)}"));
        Exec($"alter user u1 drop host {Hosts(0, 1)}");
        Exec($"alter user u1 add host {Hosts(3000, 1)}");
    }

    [Fact]
    public void A_login_from_outside_the_list_is_refused_and_the_list_survives_a_restart()
    {
        Exec("create user u1 pass 'p' host '10.1.0.0/16'");
        Exec("alter user u1 add host '192.168.7.7'");
        // By default (TDengine's community edition) the list is kept, not checked.
        Assert.Equal(LoginResult.Ok, Engine.Users.Authenticate("u1", "p", IPAddress.Parse("192.168.7.8")));
        Reopen(UserSettings.Default with { EnforcePrivileges = true });
        Assert.Equal("127.0.0.1/32, ::1/128, 10.1.0.0/16, 192.168.7.7/32", AllowedHost("u1"));
        Assert.Equal(LoginResult.Ok, Engine.Users.Authenticate("u1", "p", IPAddress.Parse("10.1.2.3")));
        Assert.Equal(LoginResult.Ok, Engine.Users.Authenticate("u1", "p", IPAddress.Parse("192.168.7.7")));
        Assert.Equal(LoginResult.Ok, Engine.Users.Authenticate("u1", "p", IPAddress.Loopback));
        Assert.Equal(LoginResult.Ok, Engine.Users.Authenticate("u1", "p", IPAddress.IPv6Loopback));
        Assert.Equal(LoginResult.HostNotAllowed, Engine.Users.Authenticate("u1", "p", IPAddress.Parse("192.168.7.8")));
        Assert.Equal(LoginResult.WrongPassword, Engine.Users.Authenticate("u1", "x", IPAddress.Parse("192.168.7.8")));
        Assert.Equal(LoginResult.Ok, Engine.Users.Authenticate("root", "taosdata", IPAddress.Parse("192.168.7.8")));
        var failure = UserDirectory.Failure(LoginResult.HostNotAllowed);
        Assert.Equal((308, "Not allowed to connect"), (failure.Code, failure.Message));

        Exec("alter user u1 drop host '192.168.7.7'");
        Assert.Equal(LoginResult.HostNotAllowed, Engine.Users.Authenticate("u1", "p", IPAddress.Parse("192.168.7.7")));
    }
}
