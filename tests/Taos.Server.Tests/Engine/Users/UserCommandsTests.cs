using Taos.Server.Engine;
using Taos.Server.Engine.Users;

namespace Taos.Server.Tests.Engine.Users;

public class UserCommandsTests : EngineTestBase
{
    private const string UsersQuery = "select name, super, `enable`, `sysinfo` from information_schema.ins_users order by name";
    private const string PrivilegesQuery = "select user_name, privilege, db_name, table_name from information_schema.ins_user_privileges";

    [Fact]
    public void Create_alter_and_drop_show_in_ins_users_and_show_users()
    {
        Assert.Equal(0, Affected("create user u1 pass 'a1'"));
        Assert.Equal(0, Affected("create user `U2` pass 'a2' sysinfo 0"));
        Exec("alter user u1 enable 0");
        Exec("alter user `U2` sysinfo 2");
        Assert.Equal(
            [["U2", (sbyte)0, (sbyte)1, (sbyte)2], ["root", (sbyte)1, (sbyte)1, (sbyte)1], ["u1", (sbyte)0, (sbyte)0, (sbyte)1]],
            Rows(UsersQuery));
        var show = Assert.IsType<RowSetResult>(Exec("show users"));
        Assert.Equal(["name", "super", "enable", "sysinfo", "createdb", "create_time", "allowed_host"], show.Columns.Select(c => c.Name));
        Assert.Equal(3, show.Rows.Count());
        Assert.Equal(0, Affected("drop user u1"));
        Assert.Equal(2, Rows(UsersQuery).Count);
    }

    [Fact]
    public void User_errors_are_tdengines()
    {
        Exec("create user u1 pass 'a1'");
        Fails("create user u1 pass 'x'", 848, "User already exists");
        Fails("create user root pass 'x'", 848, "User already exists");
        Fails("create user u2 pass ''", 9745, "Password can not be empty");
        Fails("create user u2 pass '   '", 9745, "Password can not be empty");
        Fails("create user u2 pass '" + new string('p', 32) + "'", 9744, "Name or password too long");
        Fails("create user " + new string('n', 24) + " pass 'x'", 9744, "Name or password too long");
        Fails("create user `" + new string('n', 22) + "` pass 'x'", 9744, "Name or password too long");
        Fails("alter user nobody pass 'x'", 849, "Invalid user");
        Fails("drop user nobody", 849, "Invalid user");
        Fails("drop user root", 9796, "Permission denied or target object not exist");
        Fails("grant read on d.* to nobody", 849, "Invalid user");
        Fails("grant read on nodb.* to u1", 904, "Database not exist");
        Exec("create user " + new string('n', 23) + " pass '" + new string('p', 31) + "'");
        Assert.Equal(LoginResult.Ok, Engine.Users.Authenticate(new string('n', 23), new string('p', 31), null));
    }

    [Fact]
    public void A_password_is_kept_without_its_surrounding_spaces()
    {
        Exec("create user u1 pass '  pw  '");
        Assert.Equal(LoginResult.Ok, Engine.Users.Authenticate("u1", "pw", null));
        Assert.Equal(LoginResult.WrongPassword, Engine.Users.Authenticate("u1", "  pw  ", null));
    }

    [Fact]
    public void Grants_and_revokes_list_in_the_mnodes_order()
    {
        Exec("create table t (ts timestamp, v int)");
        Exec("create user u1 pass 'a1'");
        Exec("grant write on d.t to u1");
        Exec("grant all on d.* to u1");
        Exec("create database d2");
        Exec("grant read on *.* to u1");
        Exec("grant read, write on d.* to u1");
        // READ on *.* is READ on every database that exists now (mndProcessAlterUserPrivilegesReq iterates SDB_DB).
        Assert.Equal(
            [
                ["root", "all", "all", ""], ["u1", "read", "d", ""], ["u1", "read", "d2", ""], ["u1", "write", "d", ""],
                ["u1", "write", "d", "t"],
            ],
            Rows(PrivilegesQuery));
        Exec("revoke all on d.* from u1");
        Exec("revoke read on *.* from u1");
        Assert.Equal([["root", "all", "all", ""], ["u1", "write", "d", "t"]], Rows(PrivilegesQuery));
    }

    [Fact]
    public void A_database_grants_its_creator_and_takes_its_grants_along_when_dropped()
    {
        Exec("create user u1 pass 'a1'");
        var u1 = new SqlSession { User = "u1" };
        Exec("create database d1", u1);
        Exec("create database if not exists d", u1);
        Assert.Equal([["root", "all", "all", ""], ["u1", "read", "d1", ""], ["u1", "write", "d1", ""]], Rows(PrivilegesQuery));
        Exec("grant read on d.* to u1");
        Exec("drop database d1");
        Assert.Equal([["root", "all", "all", ""], ["u1", "read", "d", ""]], Rows(PrivilegesQuery));
    }

    [Fact]
    public void Users_passwords_and_grants_survive_a_restart()
    {
        Exec("create user u1 pass 'a1' sysinfo 0");
        Exec("grant read on d.* to u1");
        Exec("alter user root pass 'NewRoot_1'");
        Reopen();
        Assert.Equal(LoginResult.Ok, Engine.Users.Authenticate("u1", "a1", null));
        Assert.Equal(LoginResult.Ok, Engine.Users.Authenticate("root", "NewRoot_1", null));
        Assert.Equal(LoginResult.WrongPassword, Engine.Users.Authenticate("root", "taosdata", null));
        Assert.Equal([["root", (sbyte)1, (sbyte)1, (sbyte)1], ["u1", (sbyte)0, (sbyte)1, (sbyte)0]], Rows(UsersQuery));
        Assert.Equal([["root", "all", "all", ""], ["u1", "read", "d", ""]], Rows(PrivilegesQuery));
    }

    [Fact]
    public void Enable_and_sysinfo_keep_the_low_byte_like_taosStr2Int8()
    {
        Exec("create user u1 pass 'a1' sysinfo 258");
        Exec("alter user u1 enable 300");
        Assert.Equal([[(sbyte)44, (sbyte)2]], Rows("select `enable`, `sysinfo` from information_schema.ins_users where name = 'u1'"));
        Exec("alter user u1 enable 99999999999999999999");
        Assert.Equal([[(sbyte)-1]], Rows("select `enable` from information_schema.ins_users where name = 'u1'"));
    }
}
