namespace Taos.Server.Tests.Engine.Ddl;

/// <summary>SHOW CREATE as TDengine 3.3.0.1 writes it (rest-breadth.jsonl cat#9-#13).</summary>
public class ShowCreateCommandsTests : EngineTestBase
{
    public ShowCreateCommandsTests()
    {
        Exec("create stable meters (ts timestamp, cur float, vol int, ph varchar(10)) tags (gid int, loc nchar(16))");
        Exec("create table d1 using meters tags (1, 'north')");
        Exec("create table d2 using meters (gid) tags (2)");
        Exec("create table plain (ts timestamp, a int, b binary(8), c bool encode 'disabled' compress 'zstd' level 'high')");
    }

    [Fact]
    public void Tables_super_tables_and_child_tables()
    {
        Assert.Equal(
            "CREATE STABLE `meters` (`ts` TIMESTAMP ENCODE 'delta-i' COMPRESS 'lz4' LEVEL 'medium', `cur` FLOAT ENCODE 'delta-d' COMPRESS 'lz4' LEVEL 'medium', "
            + "`vol` INT ENCODE 'simple8b' COMPRESS 'lz4' LEVEL 'medium', `ph` VARCHAR(10) ENCODE 'disabled' COMPRESS 'lz4' LEVEL 'medium') TAGS (`gid` INT, `loc` NCHAR(16))",
            Rows("show create stable meters")[0][1]);
        Assert.Equal("CREATE TABLE `d1` USING `meters` (`gid`, `loc`) TAGS (1, \"north\")", Rows("show create table d1")[0][1]);
        Assert.Equal("CREATE TABLE `d2` USING `meters` (`gid`, `loc`) TAGS (2, NULL)", Rows("show create table d.d2")[0][1]);
        Assert.Equal(
            "CREATE TABLE `plain` (`ts` TIMESTAMP ENCODE 'delta-i' COMPRESS 'lz4' LEVEL 'medium', `a` INT ENCODE 'simple8b' COMPRESS 'lz4' LEVEL 'medium', "
            + "`b` VARCHAR(8) ENCODE 'disabled' COMPRESS 'lz4' LEVEL 'medium', `c` BOOL ENCODE 'disabled' COMPRESS 'zstd' LEVEL 'high')",
            Rows("show create table plain")[0][1]);
        Fails("show create stable d1", 559, "Table is not a super table");
        Fails("show create table nosuch", 9731, "Table does not exist");
    }

    [Fact]
    public void Databases()
    {
        Exec("create database c precision 'us' keep 36500 cachemodel 'both' vgroups 4");
        string text = (string)Rows("show create database c")[0][1]!;
        Assert.StartsWith("CREATE DATABASE `c` BUFFER 256 CACHESIZE 1 CACHEMODEL 'both' COMP 2 DURATION 14400m ", text);
        Assert.Contains(" KEEP 52560000m,52560000m,52560000m PAGES 256 PAGESIZE 4 PRECISION 'us' REPLICA 1 WAL_LEVEL 1 VGROUPS 4 ", text);
        Fails("show create database nosuch", 904, "Database not exist");
    }

    // Cases from the ALTER work (rest-breadth scripts alt and cat).
    private string CreateText(string sql) => (string)Assert.Single(Rows(sql))[1]!;

    [Fact]
    public void Each_kind_of_table_shows_the_statement_that_recreates_it()
    {
        Exec("create stable sa (ts timestamp, a int, b varchar(8)) tags (t1 int, t2 varchar(6), t3 double, t4 bool)");
        Exec("create table sa1 using sa tags (1, 'x', 2.5, true)");
        Exec("create table sa2 using sa tags (null, null, null, null)");
        Assert.Equal("CREATE STABLE `sa` (`ts` TIMESTAMP ENCODE 'delta-i' COMPRESS 'lz4' LEVEL 'medium', `a` INT ENCODE 'simple8b' COMPRESS 'lz4' LEVEL 'medium', "
            + "`b` VARCHAR(8) ENCODE 'disabled' COMPRESS 'lz4' LEVEL 'medium') TAGS (`t1` INT, `t2` VARCHAR(6), `t3` DOUBLE, `t4` BOOL)", CreateText("show create stable sa"));
        Assert.Equal("CREATE TABLE `sa1` USING `sa` (`t1`, `t2`, `t3`, `t4`) TAGS (1, \"x\", 2.500000e+00, true)", CreateText("show create table sa1"));
        Assert.Equal("CREATE TABLE `sa2` USING `sa` (`t1`, `t2`, `t3`, `t4`) TAGS (NULL, NULL, NULL, NULL)", CreateText("show create table sa2"));
        Exec("create table nt (ts timestamp, v double)");
        Exec("alter table nt comment 'cmt'");
        Exec("alter table nt ttl 10");
        Assert.Equal("CREATE TABLE `nt` (`ts` TIMESTAMP ENCODE 'delta-i' COMPRESS 'lz4' LEVEL 'medium', `v` DOUBLE ENCODE 'delta-d' COMPRESS 'lz4' LEVEL 'medium') COMMENT 'cmt' TTL 10",
            CreateText("show create table nt"));
        Fails("show create stable sa1", 559, "Table is not a super table");
        Fails("show create table nosuch", 9731, "Table does not exist");
    }

    [Fact]
    public void Comment_and_ttl_given_at_creation_are_kept()
    {
        Exec("create table nt (ts timestamp, v int) ttl 5 comment 'made here'");
        Exec("create stable st (ts timestamp, v int) tags (t int) comment 'super'");
        Assert.EndsWith(") COMMENT 'made here' TTL 5", CreateText("show create table nt"));
        Assert.EndsWith("TAGS (`t` INT) COMMENT 'super'", CreateText("show create stable st"));
        Assert.Equal([5, "made here"], Assert.Single(Rows("select `ttl`, table_comment from information_schema.ins_tables where table_name = 'nt'")));
        Reopen();
        Assert.EndsWith(") COMMENT 'made here' TTL 5", CreateText("show create table nt"));
    }
}
