namespace Taos.Server.Tests.Engine.Ddl;

/// <summary>SHOW CREATE TABLE/STABLE in TDengine 3.3.0.1's form (rest-breadth.jsonl scripts <c>alt</c> and <c>cat</c>).</summary>
public sealed class ShowCreateTableCommandTests : EngineTestBase
{
    private string Create(string sql) => (string)Assert.Single(Rows(sql))[1]!;

    [Fact]
    public void Each_kind_of_table_shows_the_statement_that_recreates_it()
    {
        Exec("create stable sa (ts timestamp, a int, b varchar(8)) tags (t1 int, t2 varchar(6), t3 double, t4 bool)");
        Exec("create table sa1 using sa tags (1, 'x', 2.5, true)");
        Exec("create table sa2 using sa tags (null, null, null, null)");
        Assert.Equal("CREATE STABLE `sa` (`ts` TIMESTAMP ENCODE 'delta-i' COMPRESS 'lz4' LEVEL 'medium', `a` INT ENCODE 'simple8b' COMPRESS 'lz4' LEVEL 'medium', "
            + "`b` VARCHAR(8) ENCODE 'disabled' COMPRESS 'lz4' LEVEL 'medium') TAGS (`t1` INT, `t2` VARCHAR(6), `t3` DOUBLE, `t4` BOOL)", Create("show create stable sa"));
        Assert.Equal("CREATE TABLE `sa1` USING `sa` (`t1`, `t2`, `t3`, `t4`) TAGS (1, \"x\", 2.500000e+00, true)", Create("show create table sa1"));
        Assert.Equal("CREATE TABLE `sa2` USING `sa` (`t1`, `t2`, `t3`, `t4`) TAGS (NULL, NULL, NULL, NULL)", Create("show create table sa2"));
        Exec("create table nt (ts timestamp, v double)");
        Exec("alter table nt comment 'cmt'");
        Exec("alter table nt ttl 10");
        Assert.Equal("CREATE TABLE `nt` (`ts` TIMESTAMP ENCODE 'delta-i' COMPRESS 'lz4' LEVEL 'medium', `v` DOUBLE ENCODE 'delta-d' COMPRESS 'lz4' LEVEL 'medium') COMMENT 'cmt' TTL 10",
            Create("show create table nt"));
        Fails("show create stable sa1", 559, "Table is not a super table");
        Fails("show create table nosuch", 9731, "Table does not exist");
    }

    [Fact]
    public void Comment_and_ttl_given_at_creation_are_kept()
    {
        Exec("create table nt (ts timestamp, v int) ttl 5 comment 'made here'");
        Exec("create stable st (ts timestamp, v int) tags (t int) comment 'super'");
        Assert.EndsWith(") COMMENT 'made here' TTL 5", Create("show create table nt"));
        Assert.EndsWith("TAGS (`t` INT) COMMENT 'super'", Create("show create stable st"));
        Assert.Equal([5, "made here"], Assert.Single(Rows("select `ttl`, table_comment from information_schema.ins_tables where table_name = 'nt'")));
        Reopen();
        Assert.EndsWith(") COMMENT 'made here' TTL 5", Create("show create table nt"));
    }
}
