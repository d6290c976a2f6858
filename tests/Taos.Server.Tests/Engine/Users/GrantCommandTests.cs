using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Users;

/// <summary>
/// GRANT/REVOKE of SUBSCRIBE, ALTER and table privileges WITH a tag condition, as TDengine 3.3.0.1 answers them
/// (parTranslater.c translateGrant/translateGrantTagCond, mndUser.c mndProcessAlterUserPrivilegesReq and
/// mndRetrievePrivileges).
/// </summary>
public sealed class GrantCommandTests : EngineTestBase
{
    private const string PrivilegesQuery = "select user_name, privilege, db_name, table_name, `condition`, notes from information_schema.ins_user_privileges where user_name = 'u1'";

    public GrantCommandTests()
    {
        Meters();
        Exec("create table c1 using meters tags (1, 'sf')");
        Exec("create table nt (ts timestamp, v int)");
        Exec("create topic tp as select ts, current from meters");
        Exec("create user u1 pass 'a1'");
    }

    [Fact]
    public void Subscribe_on_a_topic_is_listed_after_the_table_privileges()
    {
        Exec("grant subscribe on tp to u1");
        Exec("grant all on d.nt to u1");
        Exec("grant read on d to u1");
        Assert.Equal(
        [
            ["u1", "read", "d", "", "", ""], ["u1", "read", "d", "nt", "", ""], ["u1", "write", "d", "nt", "", ""],
            ["u1", "alter", "d", "nt", "", ""], ["u1", "subscribe", "tp", "", "", ""],
        ], Rows(PrivilegesQuery));
        Exec("revoke subscribe on tp from u1");
        Exec("revoke all on d.nt from u1");
        Assert.Equal([["u1", "read", "d", "", "", ""]], Rows(PrivilegesQuery));
    }

    [Fact]
    public void Subscribe_needs_an_existing_topic_and_dropping_the_topic_takes_the_grant_along()
    {
        Fails("grant subscribe on nope to u1", 993, "Topic not exist");
        Fails("grant subscribe on d.* to u1", 993, "Topic not exist");
        Fails("revoke subscribe on nope from u1", 993, "Topic not exist");
        Exec("grant subscribe on tp to u1");
        Exec("drop topic tp");
        Assert.Empty(Rows(PrivilegesQuery));
    }

    [Fact]
    public void Alter_on_a_database_is_accepted_and_changes_nothing()
    {
        Assert.Equal(0, Affected("grant alter on d.* to u1"));
        Assert.Equal(0, Affected("grant alter on nodb.* to u1"));
        Assert.Empty(Rows(PrivilegesQuery));
        Fails("grant alter on d.* to nobody", 849, "Invalid user");
    }

    [Fact]
    public void A_table_grant_with_a_condition_shows_it_as_the_mnode_writes_it()
    {
        Exec("grant read on d.meters with groupid = 1 and location = 'sf' to u1");
        Exec("grant write on d.meters with (groupid > 2 or groupid < 0) and location like 's%' to u1");
        Assert.Equal(
        [
            ["u1", "read", "d", "meters", "((`d`.`meters`.`groupid` = 1) AND (`d`.`meters`.`location` = 'sf'))", ""],
            ["u1", "write", "d", "meters", "(((`d`.`meters`.`groupid` > 2) OR (`d`.`meters`.`groupid` < 0)) AND (`d`.`meters`.`location` LIKE 's%'))", ""],
        ], Rows(PrivilegesQuery));
        Fails("grant read on d.meters with groupid = 2 to u1", 857, "User already have this priviledge");
        Exec("grant read on d.meters to u1");
        Assert.Equal("", Rows(PrivilegesQuery)[0][4]);
    }

    [Fact]
    public void The_translator_checks_the_target_of_a_table_grant()
    {
        Fails("grant read on d.* with groupid = 1 to u1", 9728, "The With clause can only be used for table level privilege");
        Fails("grant read on d with groupid = 1 to u1", 9728, "The With clause can only be used for table level privilege");
        Fails("grant read on meters with groupid = 1 to u1", 9728, "The With clause can only be used for table level privilege");
        Fails("grant read on d.c1 to u1", 9728, "Only supertable and normal table can be granted");
        Fails("grant read on d.nope to u1", 9731, "Table does not exist");
        Fails("grant read on nodb.t to u1", 904, "Database not exist");
        Fails("grant read on d.meters with nope = 1 to u1", 9730, "Invalid column name: nope");
        Fails("grant read on d.nope to nobody", 9731, "Table does not exist");
        Fails("grant read on d.meters to nobody", 849, "Invalid user");
        Assert.Equal(0, Affected("revoke read on d.* with groupid = 1 from u1"));
        Assert.Equal(0, Affected("revoke read on d.nope from u1"));
    }

    [Fact]
    public void Grants_of_every_form_survive_a_restart()
    {
        Exec("grant subscribe on tp to u1");
        Exec("grant alter on d.nt to u1");
        Exec("grant read on d.meters with groupid = 1 to u1");
        var before = Rows(PrivilegesQuery);
        Reopen();
        Assert.Equal(before, Rows(PrivilegesQuery));
        Assert.Equal(3, before.Count);
    }
}
