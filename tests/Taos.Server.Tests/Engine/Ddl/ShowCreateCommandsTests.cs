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
}
