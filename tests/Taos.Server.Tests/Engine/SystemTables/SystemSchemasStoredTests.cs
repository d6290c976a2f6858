namespace Taos.Server.Tests.Engine.SystemTables;

/// <summary>information_schema over a real store, against rest-breadth.jsonl cat#24 and cat#27.</summary>
public class SystemSchemasStoredTests : EngineTestBase
{
    [Fact]
    public void Ins_columns_shows_stored_lengths_and_no_precision_scale_or_nullability()
    {
        Exec("create table plain (ts timestamp, a int, b binary(8), n nchar(4))");
        Assert.Equal(
            [["a", "INT", 4, null, null, null], ["b", "VARCHAR(8)", 10, null, null, null], ["n", "NCHAR(4)", 18, null, null, null], ["ts", "TIMESTAMP", 8, null, null, null]],
            Rows("select col_name, col_type, col_length, col_precision, col_scale, col_nullable from information_schema.ins_columns where table_name = 'plain' order by col_name"));
    }

    [Fact]
    public void Ins_databases_shows_keep_and_duration_in_minutes_and_strict_on()
    {
        Exec("create database k precision 'ms' keep 36500");
        Assert.Equal([["52560000m,52560000m,52560000m", "14400m", "on", (short)1]],
            Rows("select `keep`, `duration`, `strict`, `stt_trigger` from information_schema.ins_databases where name = 'k'"));
    }
}
