using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Ddl;

/// <summary>
/// CREATE [RECURSIVE] TSMA, DROP TSMA, SHOW TSMAS and ins_tsmas as TDengine 3.3.0.1 answers them (parTranslater.c
/// buildCreateTSMAReq/rewriteTSMAFuncs, mndSma.c mndRetrieveTSMA); queries answer from the rows either way.
/// </summary>
public sealed class TsmaCommandsTests : EngineTestBase
{
    private const string TsmasQuery = "select tsma_name, db_name, table_name, target_db, target_stb, stream_name, `interval`, create_sql, func_list from information_schema.ins_tsmas";

    public TsmaCommandsTests()
    {
        Meters();
        Exec("create table c1 using meters tags (1, 'sf')");
        Exec("create table nt (ts timestamp, v int, s binary(8))");
    }

    [Fact]
    public void A_tsma_is_listed_with_its_functions_in_tdengines_order()
    {
        const string sql = "create tsma t1 on meters function(max(voltage), avg(current), count(current), max(current), avg(current)) interval(5m)";
        Assert.Equal(0, Affected(sql));
        Assert.Equal([["t1", "d", "meters", "d", "t1_tsma_res_stb_", "t1", "300000a", sql, "count(current),max(current),max(voltage),avg(current)"]],
            Rows(TsmasQuery));
        Assert.Equal(Rows("select * from information_schema.ins_tsmas"), Rows("show tsmas"));
        Assert.Equal(Rows("select * from information_schema.ins_tsmas"), Rows("show d.tsmas"));
        Assert.Contains(Rows("select index_name, index_type from information_schema.ins_indexes"), r => (string?)r[0] == "t1" && (string?)r[1] == "sma_index");
    }

    [Fact]
    public void Recursive_tsmas_build_on_a_base_with_a_larger_multiple_interval()
    {
        Exec("create tsma t1 on nt function(sum(v), min(v)) interval(1m)");
        Fails("create recursive tsma t2 on t1 interval(90s)", 12549, "Invalid tsma parameters");
        Fails("create recursive tsma t2 on t1 interval(1m)", 12549, "Invalid tsma parameters");
        Fails("create recursive tsma t2 on nope interval(10m)", 1153, "sma not exist");
        Assert.Equal(0, Affected("create recursive tsma t2 on t1 interval(10m)"));
        Assert.Equal(["t2", "d", "nt", "d", "t2_tsma_res_stb_", "t2", "600000a", "create recursive tsma t2 on t1 interval(10m)", "sum(v),min(v)"],
            Rows(TsmasQuery)[1]);
        Fails("drop tsma t1", 1157, "Invalid drop base tsma, drop recursive tsma first");
        Assert.Equal(0, Affected("drop tsma t2"));
        Assert.Equal(0, Affected("drop tsma t1"));
        Assert.Empty(Rows(TsmasQuery));
        Fails("drop tsma if exists t1", 1153, "sma not exist");
    }

    [Fact]
    public void The_translators_checks()
    {
        Fails("create tsma t on meters function(avg(current)) interval(59s)", 12551, "Invalid tsma interval, 1ms ~ 1h is allowed");
        Fails("create tsma t on meters function(avg(current)) interval(61m)", 12551, "Invalid tsma interval, 1ms ~ 1h is allowed");
        Fails("create tsma t on meters function(avg(current)) interval(1n)", 12551, "Invalid tsma interval, 1ms ~ 1h is allowed");
        Fails("create tsma t on nodb.meters function(avg(current)) interval(5m)", 904, "Database not exist");
        Fails("create tsma t on nope function(avg(current)) interval(5m)", 9731, "Table does not exist");
        Fails("create tsma t on c1 function(avg(current)) interval(5m)", 12550, "Invalid table to create tsma, only stable or normal table allowed");
        Fails("create tsma t on meters function(avg(groupid)) interval(5m)", 12552, "Invalid tsma func param, only one non-tag column allowed");
        Fails("create tsma t on meters function(avg(current + 1)) interval(5m)", 12552, "Invalid tsma func param, only one non-tag column allowed");
        Fails("create tsma t on meters function(nofunc(current)) interval(5m)", 10244, "Not buildin function");
        Fails("create tsma t on meters function(hyperloglog(current)) interval(5m)", 12553, "Tsma func not supported");
        Fails("create tsma t on meters function(last_row(current)) interval(5m)", 12553, "Tsma func not supported");
        Assert.Empty(Rows(TsmasQuery));
    }

    [Fact]
    public void Names_and_the_clusters_limit_of_three_sma_objects()
    {
        Exec("create tsma t1 on meters function(avg(current)) interval(5m)");
        Fails("create tsma t1 on meters function(max(current)) interval(5m)", 1152, "SMA already exists");
        Assert.Equal(0, Affected("create tsma if not exists t1 on meters function(max(current)) interval(5m)"));
        Fails("create sma index t1 on meters function(max(current)) interval(5m)", 1152, "SMA already exists");
        Exec("create sma index s1 on meters function(max(current)) interval(5m)");
        Exec("create tsma t2 on nt function(avg(v)) interval(5m)");
        Fails("create tsma t3 on nt function(max(v)) interval(5m)", 1158, "Max tsma num exceeded");
    }

    [Fact]
    public void A_normal_table_with_a_tsma_is_not_dropped_a_super_table_takes_its_tsmas_along()
    {
        Exec("create tsma t1 on nt function(avg(v)) interval(5m)");
        Fails("drop table nt", 12560, "Tsma must be dropped first");
        Exec("create tsma t2 on meters function(avg(current)) interval(5m)");
        Exec("drop stable meters");
        Assert.Equal([["t1"]], Rows("select tsma_name from information_schema.ins_tsmas"));
        Exec("drop tsma t1");
        Assert.Equal(0, Affected("drop table nt"));
    }

    [Fact]
    public void Queries_answer_from_the_rows_and_tsmas_survive_a_restart()
    {
        Exec("insert into c1 values (1704067200000, 1.5, 220, 0.3) (1704067260000, 2.5, 221, 0.3)");
        string query = "select _wstart, avg(current) from meters interval(5m)";
        var before = Rows(query);
        Exec("create tsma t1 on meters function(avg(current)) interval(5m)");
        Assert.Equal(before, Rows(query));
        var tsmas = Rows("select * from information_schema.ins_tsmas");
        Reopen();
        Assert.Equal(tsmas, Rows("select * from information_schema.ins_tsmas"));
        Assert.Equal(before, Rows(query));
    }
}
