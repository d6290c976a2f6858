using Taos.Server.Engine;
using Taos.Server.Engine.Users;
using Taos.Server.Storage.Sqlite;

namespace Taos.Server.Tests.Engine.Admin;

/// <summary>
/// Who may run the administration statements: TDengine 3.3's community edition checks only SYSINFO for the SHOW forms
/// (parAuthenticator.c); with privileges enforced, the enterprise mnode's rule applies and only the super user
/// administers (771).
/// </summary>
public sealed class AdminPrivilegeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-admin-priv-" + Guid.NewGuid().ToString("N"));

    private SqlEngine Open(bool enforce)
    {
        var engine = new SqlEngine(new SqliteStore(_dir), TimeZoneInfo.Utc, UserSettings.Default with { EnforcePrivileges = enforce });
        foreach (string sql in new[] { "create database if not exists d", "create user u1 pass 'a1'", "create user u0 pass 'a0' sysinfo 0" })
        {
            try
            {
                engine.Execute(sql, new SqlSession());
            }
            catch (TaosServerException)
            {
                // The users exist after the first open.
            }
        }
        return engine;
    }

    private static int Code(SqlEngine engine, string sql, string user)
    {
        try
        {
            engine.Execute(sql, new SqlSession { User = user, Database = "d" });
            return 0;
        }
        catch (TaosServerException e)
        {
            return e.Code;
        }
    }

    [Theory]
    [InlineData("show cluster alive")]
    [InlineData("show d.alive")]
    [InlineData("show scores")]
    [InlineData("show arbgroups")]
    [InlineData("show grants full")]
    [InlineData("show grants logs")]
    [InlineData("select * from information_schema.ins_arbgroups")]
    [InlineData("show encryptions")]
    [InlineData("select * from information_schema.ins_encryptions")]
    [InlineData("show table distributed d.nosuch")]
    public void Shows_of_system_information_need_sysinfo(string sql)
    {
        using var engine = Open(enforce: false);
        Assert.Equal(9796, Code(engine, sql, "u0"));
        Assert.NotEqual(9796, Code(engine, sql, "u1"));
    }

    [Fact]
    public void The_community_edition_lets_any_user_administer_and_enforcement_keeps_it_to_root()
    {
        using (var engine = Open(enforce: false))
        {
            Assert.Equal(0, Code(engine, "create qnode on dnode 1", "u1"));
            Assert.Equal(0, Code(engine, "alter local 'debugFlag' '135'", "u0"));
            Assert.Equal(0, Code(engine, "show compacts", "u0"));
        }
        using (var engine = Open(enforce: true))
        {
            Assert.Equal(771, Code(engine, "drop qnode on dnode 1", "u1"));
            Assert.Equal(771, Code(engine, "compact database d", "u1"));
            Assert.Equal(771, Code(engine, "kill connection 1", "u1"));
            Assert.Equal(0, Code(engine, "show compact 1", "u1"));
            Assert.Equal(0, Code(engine, "create table if not exists d.t (ts timestamp, v int)", "root"));
            Assert.Equal(0, Code(engine, "show table distributed d.t", "u1"));
            Assert.Equal(0, Code(engine, "drop qnode on dnode 1", "root"));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
