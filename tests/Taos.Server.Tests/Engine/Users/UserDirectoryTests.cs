using Taos.Server.Engine;
using Taos.Server.Engine.Users;
using Taos.Server.Storage.Sqlite;

namespace Taos.Server.Tests.Engine.Users;

public class UserDirectoryTests : EngineTestBase
{
    [Fact]
    public void Logins_are_checked_against_the_stored_users()
    {
        Exec("create user u1 pass 'Abc_123'");
        Assert.Equal(LoginResult.Ok, Engine.Users.Authenticate("u1", "Abc_123", null));
        Assert.Equal(LoginResult.WrongPassword, Engine.Users.Authenticate("u1", "abc_123", null));
        Assert.Equal(LoginResult.UnknownUser, Engine.Users.Authenticate("U1", "Abc_123", null));
        Assert.Equal(LoginResult.Ok, Engine.Users.Authenticate("root", "taosdata", null));
        Assert.Equal((849, "Invalid user"), Error(LoginResult.UnknownUser));
        Assert.Equal((855, "Authentication failure"), Error(LoginResult.WrongPassword));
    }

    [Fact]
    public void A_remembered_login_ends_with_a_password_change_or_a_drop()
    {
        Exec("create user u1 pass 'old'");
        Assert.Equal(LoginResult.Ok, Engine.Users.Authenticate("u1", "old", null));
        Assert.Equal(LoginResult.Ok, Engine.Users.Authenticate("u1", "old", null));
        Exec("alter user u1 pass 'new'");
        Assert.Equal(LoginResult.WrongPassword, Engine.Users.Authenticate("u1", "old", null));
        Assert.Equal(LoginResult.Ok, Engine.Users.Authenticate("u1", "new", null));
        Exec("drop user u1");
        Assert.Equal(LoginResult.UnknownUser, Engine.Users.Authenticate("u1", "new", null));
        Exec("create user u1 pass 'again'");
        Assert.Equal(LoginResult.WrongPassword, Engine.Users.Authenticate("u1", "new", null));
    }

    [Fact]
    public void A_new_store_starts_with_the_configured_super_user_and_an_existing_one_keeps_its_own()
    {
        string dir = Path.Combine(Path.GetTempPath(), "taos-users-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var engine = new SqlEngine(new SqliteStore(dir), TimeZoneInfo.Utc, new UserSettings("admin", "s3cret", false)))
            {
                Assert.Equal(LoginResult.Ok, engine.Users.Authenticate("admin", "s3cret", null));
                Assert.Equal(LoginResult.UnknownUser, engine.Users.Authenticate("root", "taosdata", null));
                Assert.True(engine.Users.Find("admin")!.Super);
                engine.Execute("alter user admin pass 'changed'", new SqlSession { User = "admin" });
            }
            using (var engine = new SqlEngine(new SqliteStore(dir), TimeZoneInfo.Utc, new UserSettings("admin", "s3cret", false)))
            {
                Assert.Equal(LoginResult.WrongPassword, engine.Users.Authenticate("admin", "s3cret", null));
                Assert.Equal(LoginResult.Ok, engine.Users.Authenticate("admin", "changed", null));
                Assert.Single(engine.Catalog.Users());
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (int, string) Error(LoginResult result)
    {
        var e = UserDirectory.Failure(result);
        return (e.Code, e.Message);
    }
}
