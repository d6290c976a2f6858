using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Ddl;

/// <summary>ALTER TABLE/STABLE against the engine: codes as rest-breadth.jsonl script <c>alt</c> records them, data kept.</summary>
public sealed class AlterTableCommandsTests : EngineTestBase
{
    private const string Modify = "Only varbinary/binary/nchar/geometry column length could be modified, and the length can only be increased, not decreased";

    private List<string> Fields(string table) => Rows("describe " + table).Select(r => (string)r[0]!).ToList();

    [Fact]
    public void Super_table_columns_and_tags_change_and_old_rows_read_under_the_new_schema()
    {
        Exec("create stable sa (ts timestamp, a int, b varchar(8), c nchar(4)) tags (t1 int, t2 varchar(6))");
        Exec("insert into sa1 using sa tags (1, 'x') values (1704067200000, 1, 'abc', 'ab')");
        Exec("alter stable sa add column d double");
        Exec("alter stable sa drop column a");
        Exec("alter stable sa modify column b varchar(16)");
        Exec("alter stable sa add tag t3 double");
        Exec("alter stable sa rename tag t2 tt2");
        Assert.Equal(["ts", "b", "c", "d", "t1", "tt2", "t3"], Fields("sa"));
        Assert.Equal([1704067200000L, "abc", "ab", null, 1, "x", null], Assert.Single(Rows("select * from sa")));
        Exec("insert into sa1 values (1704067201000, '0123456789abcdef', 'xy', 2.5)");
        Assert.Equal(["0123456789abcdef", 2.5], Rows("select b, d from sa1")[1]);

        Reopen();
        Assert.Equal(["ts", "b", "c", "d", "t1", "tt2", "t3"], Fields("sa1"));
        Assert.Equal([1704067200000L, "abc", "ab", null, 1, "x", null], Rows("select * from sa")[0]);
    }

    [Fact]
    public void Super_table_changes_are_refused_with_the_mnode_codes()
    {
        Exec("create stable sa (ts timestamp, a int, b varchar(8)) tags (t1 int, t2 varchar(6))");
        Exec("create table sa1 using sa tags (1, 'x')");
        Fails("alter stable sa add column a int", 875, "Column already exists");
        Fails("alter stable sa add column t1 int", 873, "Tag already exists");
        Fails("alter stable sa add tag a int", 875, "Column already exists");
        Fails("alter stable sa drop column ts", 962, "Invalid stable alter options");
        Fails("alter stable sa drop column zz", 876, "Column does not exist");
        Fails("alter stable sa modify column b varchar(8)", 9803, Modify);
        Fails("alter stable sa modify column a bigint", 9803, Modify);
        Fails("alter stable sa rename tag t9 t10", 874, "Tag does not exist");
        Fails("alter stable sa rename column b bb", 9801, "Rename column only available for normal table");
        Fails("alter stable sa1 add column x int", 866, "STable not exist");
        Fails("alter table sa1 add column z int", 1316, "Invalid table action");
        Exec("alter stable sa drop tag t1");
        Fails("alter stable sa drop tag t2", 9801, "the only tag cannot be dropped");
        Exec("alter stable sa drop column a");
        Fails("alter stable sa drop column b", 962, "Invalid stable alter options");
        Assert.Equal(["ts", "b", "t2"], Fields("sa"));
    }

    [Fact]
    public void Set_tag_changes_one_child_and_checks_the_value()
    {
        Exec("create stable sa (ts timestamp, a int) tags (t1 int, t2 varchar(6))");
        Exec("create table sa1 using sa tags (1, 'x')");
        Exec("create table sa2 using sa tags (2, 'y')");
        Exec("insert into sa1 values (1704067200000, 1) sa2 values (1704067200000, 2)");
        Exec("alter table sa1 set tag t2 = 'newval'");
        Fails("alter table sa1 set tag t2 = 'way too long'", 9811, "Value too long for column/tag: t2");
        Exec("alter stable sa add tag t3 double");
        Exec("alter table sa2 set tag t3 = 2.5");
        var rows = Rows("select tbname, t1, t2, t3 from sa order by tbname");
        Assert.Equal(["sa1", 1, "newval", null], rows[0]);
        Assert.Equal(["sa2", 2, "y", 2.5], rows[1]);
        Exec("alter stable sa drop tag t1");
        Reopen();
        rows = Rows("select tbname, t2, t3 from sa order by tbname");
        Assert.Equal(["sa1", "newval", null], rows[0]);
        Assert.Equal(["sa2", "y", 2.5], rows[1]);
    }

    [Fact]
    public void Normal_table_columns_change_with_the_parser_codes()
    {
        Exec("create table nt (ts timestamp, a int, b varchar(4))");
        Exec("insert into nt values (1704067200000, 1, 'ab')");
        Exec("alter table nt add column c double");
        Fails("alter table nt add column c int", 9788, "Duplicated column names");
        Exec("alter table nt drop column a");
        Fails("alter table nt drop column ts", 9802, "Primary timestamp column cannot be dropped");
        Fails("alter table nt drop column zz", 9730, "Invalid column name: zz");
        Exec("alter table nt modify column b varchar(10)");
        Exec("alter table nt rename column b bb");
        Exec("alter table nt rename column ts tss");
        Fails("alter table nt add tag t int", 1316, "Invalid table action");
        Exec("insert into nt values (1704067201000, 'abcdefghij', 2.5)");
        Assert.Equal(["tss", "bb", "c"], Fields("nt"));
        var rows = Rows("select * from nt order by tss");
        Assert.Equal([1704067200000L, "ab", null], rows[0]);
        Assert.Equal([1704067201000L, "abcdefghij", 2.5], rows[1]);
        Exec("alter table nt drop column c");
        Fails("alter table nt drop column bb", 0x2651, "No columns can be dropped");
    }

    [Fact]
    public void Comment_and_ttl_show_in_ins_tables_and_survive_a_restart()
    {
        Exec("create table nt (ts timestamp, a int)");
        Exec("alter table nt comment 'cmt'");
        Exec("alter table nt ttl 10");
        const string Query = "select `ttl`, table_comment from information_schema.ins_tables where table_name = 'nt'";
        Assert.Equal([10, "cmt"], Assert.Single(Rows(Query)));
        Reopen();
        Assert.Equal([10, "cmt"], Assert.Single(Rows(Query)));
        Exec("alter table nt add column b int");
        Assert.Equal([10, "cmt"], Assert.Single(Rows(Query)));
    }

    [Fact]
    public void A_failed_alter_changes_nothing()
    {
        Exec("create stable sa (ts timestamp, a int) tags (t1 int)");
        Exec("insert into sa1 using sa tags (1) values (1704067200000, 1)");
        Fails("alter stable sa add column a int", 875, "Column already exists");
        Fails("alter table nosuch add column a int", 9731, "Table does not exist");
        Assert.Equal([1704067200000L, 1, 1], Assert.Single(Rows("select * from sa")));
        Assert.IsType<AffectedRowsResult>(Exec("insert into sa1 values (1704067201000, 2)"));
    }
}
