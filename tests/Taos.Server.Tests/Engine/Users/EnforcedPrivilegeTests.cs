using Taos.Server.Engine;
using Taos.Server.Engine.Users;
using Taos.Server.Storage.Sqlite;

namespace Taos.Server.Tests.Engine.Users;

/// <summary>With <see cref="UserSettings.EnforcePrivileges"/>: READ/WRITE grants decide, with TDengine's own refusals.</summary>
public sealed class EnforcedPrivilegeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-enforced-" + Guid.NewGuid().ToString("N"));
    private readonly SqlEngine _engine;

    public EnforcedPrivilegeTests()
    {
        _engine = new SqlEngine(new SqliteStore(_dir), TimeZoneInfo.Utc, UserSettings.Default with { EnforcePrivileges = true });
        foreach (string sql in new[]
        {
            "create database d", "create table d.t (ts timestamp, v int)", "create table d.t2 (ts timestamp, v int)",
            "create stable d.st (ts timestamp, v int) tags (g int)", "create table d.c1 using d.st tags (1)",
            "create user u1 pass 'a1'",
        })
        {
            _engine.Execute(sql, new SqlSession());
        }
    }

    private static SqlSession U1 { get; } = new() { User = "u1", Database = "d" };

    private void Denied(string sql, int code = 9796)
    {
        var e = Assert.Throws<TaosServerException>(() => _engine.Execute(sql, U1));
        Assert.Equal(code, e.Code);
    }

    private void Allowed(string sql) => Assert.NotNull(_engine.Execute(sql, U1));

    [Fact]
    public void Without_grants_nothing_is_readable_or_writable()
    {
        Denied("select * from t");
        Denied("insert into t values (1704067200000, 1)");
        Denied("show tables");
        Denied("create table t3 (ts timestamp, v int)");
        Allowed("select 1");
    }

    [Fact]
    public void Read_and_write_grants_on_the_database_tables_and_super_tables_are_effective()
    {
        _engine.Execute("grant read on d.* to u1", new SqlSession());
        Allowed("select * from t");
        Allowed("show tables");
        Denied("insert into t values (1704067200000, 1)");

        _engine.Execute("grant write on d.t to u1", new SqlSession());
        Allowed("insert into t values (1704067200000, 1)");
        Denied("insert into t2 values (1704067200000, 1)");
        Denied("create table t3 (ts timestamp, v int)");

        _engine.Execute("grant write on d.st to u1", new SqlSession());
        Allowed("insert into c1 values (1704067200000, 1)");
        Allowed("delete from c1");

        _engine.Execute("revoke read on d.* from u1", new SqlSession());
        Denied("select * from t");
    }

    [Fact]
    public void User_administration_is_the_super_users()
    {
        Denied("create user u2 pass 'x'", 771);
        Denied("grant read on d.* to u1", 771);
        Denied("alter user u1 sysinfo 0", 771);
        Allowed("alter user u1 pass 'mine'");
        Assert.Equal(LoginResult.Ok, _engine.Users.Authenticate("u1", "mine", null));
    }

    [Fact]
    public void A_user_needs_sysinfo_to_create_a_database_and_then_owns_it()
    {
        Allowed("create database mine");
        Allowed("create table mine.t (ts timestamp, v int)");
        Allowed("insert into mine.t values (1704067200000, 1)");
        Allowed("drop database mine");
        Denied("drop database d", 771);
        _engine.Execute("alter user u1 sysinfo 0", new SqlSession());
        Denied("create database other", 771);
    }

    [Fact]
    public void Sma_indexes_and_tsmas_need_write_on_their_database()
    {
        Denied("create sma index s1 on st function(max(v)) interval(1m)", 771);
        Denied("create tsma t1 on st function(max(v)) interval(1m)", 771);
        _engine.Execute("create tsma t1 on d.st function(max(v)) interval(1m)", new SqlSession());
        Denied("drop tsma t1", 771);
        _engine.Execute("grant write on d.* to u1", new SqlSession());
        Allowed("create sma index s1 on st function(max(v)) interval(1m)");
        Allowed("drop tsma t1");
    }

    public void Dispose()
    {
        _engine.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
