namespace Taos.Server.Tests.Engine.Ddl;

/// <summary>ALTER DATABASE: the answers rest-breadth.jsonl script <c>alt</c> records, kept across a restart.</summary>
public sealed class AlterDatabaseCommandTests : EngineTestBase
{
    private const string Query = "select `keep`, `cachemodel`, `cachesize`, `wal_level`, `stt_trigger`, `keep_time_offset` from information_schema.ins_databases where name = 'd'";

    [Fact]
    public void Alterable_options_change_and_persist()
    {
        Exec("alter database d keep 3650");
        Exec("alter database d cachemodel 'both' cachesize 10");
        Exec("alter database d wal_level 2");
        Exec("alter database d keep_time_offset 2");
        Assert.Equal(["5256000m,5256000m,5256000m", "both", 10, (sbyte)2, (short)1, 0], Assert.Single(Rows(Query)));
        Reopen();
        Assert.Equal(["5256000m,5256000m,5256000m", "both", 10, (sbyte)2, (short)1, 0], Assert.Single(Rows(Query)));
    }

    [Fact]
    public void Refusals_match_the_recording()
    {
        Fails("alter database d replica 3", 820, "Out of dnodes");
        Fails("alter database d stt_trigger 4", 9753, "Invalid option sstTrigger: 4 valid range: [1, 1]");
        Fails("alter database d precision 'us'", 9728, "syntax error near \"precision 'us'\"");
        Fails("alter database d keep 10", 9753, "Invalid duration value, should be keep2 >= keep1 >= keep0 >= 3 * duration");
        Fails("alter database d cachemodel 'x'", 9753, "Invalid option cacheModel: x");
        Fails("alter database nosuch keep 3650", 904, "Database not exist");
    }
}
