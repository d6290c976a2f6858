using Taos.Server.Engine;
using Taos.Server.Engine.Users;

namespace Taos.Server.Tests.Engine.Users;

/// <summary>TDengine 3.3 community edition's checks: grants are recorded, not enforced (rest-breadth users#19-#32).</summary>
public class PrivilegeGuardTests : EngineTestBase
{
    private const int Denied = 9796;
    private const string DeniedText = "Permission denied or target object not exist";

    public PrivilegeGuardTests()
    {
        Exec("create table t (ts timestamp, v int)");
        Exec("insert into t values (1704067200000, 1)");
        Exec("create user u1 pass 'a1'");
    }

    private static SqlSession As(string user) => new() { User = user, Database = "d" };

    [Fact]
    public void Without_any_grant_an_enabled_user_reads_and_writes()
    {
        Assert.Single(Rows("select * from t", As("u1")));
        Assert.IsType<AffectedRowsResult>(Exec("insert into t values (1704067201000, 2)", As("u1")));
        Assert.IsType<AffectedRowsResult>(Exec("create table t2 (ts timestamp, v int)", As("u1")));
        Assert.IsType<AffectedRowsResult>(Exec("create user u2 pass 'x'", As("u1")));
    }

    [Fact]
    public void A_disabled_user_may_use_no_table_but_may_still_compute()
    {
        Exec("alter user u1 enable 0");
        Fails("select * from t", Denied, DeniedText, As("u1"));
        Fails("select * from (select * from d.t)", Denied, DeniedText, As("u1"));
        Fails("insert into t values (1704067201000, 2)", Denied, DeniedText, As("u1"));
        Fails("delete from t", Denied, DeniedText, As("u1"));
        Fails("show tables", Denied, DeniedText, As("u1"));
        Fails("select * from information_schema.ins_databases", Denied, DeniedText, As("u1"));
        Assert.Single(Rows("select 1", As("u1")));
        Assert.Single(Rows("select * from t"));
        Exec("alter user u1 enable 1");
        Assert.Single(Rows("select * from t", As("u1")));
    }

    [Fact]
    public void Without_sysinfo_a_user_sees_no_system_information()
    {
        Exec("alter user u1 sysinfo 0");
        Fails("show users", Denied, DeniedText, As("u1"));
        Fails("select * from information_schema.ins_users", Denied, DeniedText, As("u1"));
        Fails("select * from information_schema.ins_user_privileges", Denied, DeniedText, As("u1"));
        Assert.NotEmpty(Rows("select name from information_schema.ins_databases", As("u1")));
        Assert.Single(Rows("select * from t", As("u1")));
    }

    [Fact]
    public void Only_the_super_user_drops_users()
    {
        Exec("create user u2 pass 'a2'");
        Fails("drop user u2", Denied, DeniedText, As("u1"));
        Fails("drop user u1", Denied, DeniedText, As("u1"));
        Exec("drop user u2");
        Fails("select 1", 849, "Invalid user", As("u2"));
    }
}
