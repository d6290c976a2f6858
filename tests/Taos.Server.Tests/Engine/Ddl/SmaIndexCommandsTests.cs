using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Ddl;

/// <summary>
/// CREATE SMA INDEX and DROP INDEX of an SMA index as TDengine 3.3.0.1 answers them (parTranslater.c
/// translateCreateSmaIndex, mndSma.c), listed by ins_indexes; queries answer the same with or without one.
/// </summary>
public sealed class SmaIndexCommandsTests : EngineTestBase
{
    private const string IndexesQuery = "select index_name, db_name, table_name, column_name, index_type from information_schema.ins_indexes";

    public SmaIndexCommandsTests()
    {
        Meters();
        Exec("create table c1 using meters tags (1, 'sf')");
        Exec("create table nt (ts timestamp, v int)");
    }

    [Fact]
    public void An_sma_index_is_listed_before_the_tag_indexes()
    {
        Assert.Equal(0, Affected("create sma index sma1 on meters function(max(current), min(voltage)) interval(5m) sliding(1m) watermark 5s"));
        Assert.Equal([["sma1", "d", "meters", "", "sma_index"], ["groupid_meters", "d", "meters", "groupid", "tag_index"]], Rows(IndexesQuery));
        var vgroup = Rows("select vgroup_id, create_time from information_schema.ins_indexes where index_name = 'sma1'")[0];
        Assert.True(vgroup[0] is int v && v >= 2, "vgroup " + vgroup[0]);
        Assert.NotNull(vgroup[1]);
    }

    [Fact]
    public void Show_indexes_lists_the_tables_indexes_with_every_column_of_ins_indexes()
    {
        Exec("create sma index sma1 on meters function(max(current)) interval(1m)");
        var all = Assert.IsType<RowSetResult>(Exec("show indexes from meters"));
        Assert.Equal(["index_name", "db_name", "table_name", "vgroup_id", "create_time", "column_name", "index_type"], all.Columns.Select(c => c.Name));
        Assert.Equal(["sma1", "groupid_meters"], all.Rows.Select(r => r[0]));
        Assert.Equal(2, Rows("show indexes from meters from d").Count);
        Assert.Equal(2, Rows("show indexes from d.meters").Count);
        Assert.Empty(Rows("show indexes from nt"));
        Fails("show indexes from meters", 9750, "Database not specified", new SqlSession());
    }

    [Fact]
    public void Names_are_unique_among_sma_and_tag_indexes_of_a_database()
    {
        Exec("create sma index sma1 on meters function(max(current)) interval(1m)");
        Fails("create sma index sma1 on meters function(min(current)) interval(1m)", 1152, "SMA already exists");
        Assert.Equal(0, Affected("create sma index if not exists sma1 on meters function(min(current)) interval(1m)"));
        Fails("create sma index groupid_meters on meters function(max(current)) interval(1m)", 1155, "index already exists in db");
        Fails("create index sma1 on meters (location)", 1152, "SMA already exists");
        Exec("create database d2");
        Assert.Equal(0, Affected("create stable d2.meters (ts timestamp, current float) tags (g int)"));
        Assert.Equal(0, Affected("create sma index sma1 on d2.meters function(max(current)) interval(1m)"));
    }

    [Fact]
    public void The_checks_of_the_translator_and_the_mnode_in_their_order()
    {
        Fails("create sma index s on nodb.meters function(max(current)) interval(1m)", 904, "Database not exist");
        Fails("create sma index s on nope function(max(current)) interval(1m)", 9731, "Table does not exist");
        Fails("create sma index s on meters function(nofunc(current)) interval(1m)", 884, "Func not exists");
        Fails("create sma index s on meters function(max(nocol)) interval(1m)", 9730, "Invalid column name: nocol");
        Fails("create sma index s on nt function(max(v)) interval(1m)", 866, "STable not exist");
        Fails("create sma index s on c1 function(max(current)) interval(1m)", 866, "STable not exist");
        Assert.Single(Rows(IndexesQuery));
    }

    [Fact]
    public void Drop_index_drops_an_sma_index_and_dropping_the_stable_or_database_takes_it_along()
    {
        Exec("create sma index sma1 on meters function(max(current)) interval(1m)");
        Assert.Equal(0, Affected("drop index sma1"));
        Fails("drop index sma1", 1153, "sma not exist");
        Assert.Equal(0, Affected("drop index if exists sma1"));
        Exec("create sma index sma1 on meters function(max(current)) interval(1m)");
        Exec("drop stable meters");
        Assert.Empty(Rows(IndexesQuery));
        Exec("create database d3");
        Exec("create stable d3.st (ts timestamp, v int) tags (g int)");
        Exec("create sma index sma3 on d3.st function(sum(v)) interval(1m)");
        Exec("drop database d3");
        Assert.Empty(Rows(IndexesQuery));
    }

    [Fact]
    public void Queries_answer_the_same_with_an_sma_index_and_it_survives_a_restart()
    {
        Exec("insert into c1 values (1704067200000, 1.5, 220, 0.3) (1704067260000, 2.5, 221, 0.3)");
        string query = "select _wstart, max(current) from meters interval(1m)";
        var before = Rows(query);
        Exec("create sma index sma1 on meters function(max(current)) interval(1m)");
        Assert.Equal(before, Rows(query));
        Reopen();
        Assert.Equal([["sma1", "d", "meters", "", "sma_index"], ["groupid_meters", "d", "meters", "groupid", "tag_index"]], Rows(IndexesQuery));
        Assert.Equal(before, Rows(query));
    }
}
