namespace Taos.Server.Tests.Engine.Ddl;

/// <summary>Tag indexes (rest-breadth.jsonl cat#8, #26, #29, #30).</summary>
public class IndexCommandsTests : EngineTestBase
{
    private const string IndexesQuery = "select index_name, table_name, column_name, index_type from information_schema.ins_indexes where db_name = 'd' order by index_name";

    public IndexCommandsTests()
    {
        Exec("create stable meters (ts timestamp, v int) tags (gid int, loc nchar(16))");
    }

    [Fact]
    public void A_super_table_comes_with_its_first_tags_index_and_more_can_be_created_and_dropped()
    {
        Assert.Equal([["gid_meters", "meters", "gid", "tag_index"]], Rows(IndexesQuery));
        Assert.Equal(0, Affected("create index idx_loc on meters (loc)"));
        Assert.Equal([["gid_meters", "meters", "gid", "tag_index"], ["idx_loc", "meters", "loc", "tag_index"]], Rows(IndexesQuery));
        Assert.Equal(0, Affected("drop index idx_loc"));
        Fails("drop index idx_loc", 1153, "sma not exist");
        Assert.Equal(0, Affected("drop index if exists idx_loc"));
        Assert.Equal(0, Affected("drop index gid_meters"));
        Assert.Empty(Rows(IndexesQuery));
    }

    [Fact]
    public void Index_errors()
    {
        Exec("create index idx_loc on meters (loc)");
        Fails("create index idx_loc on meters (loc)", 1155, "index already exists in db");
        Assert.Equal(0, Affected("create index if not exists idx_loc on meters (loc)"));
        Fails("create index idx2 on meters (loc)", 1155, "index already exists in db");
        Fails("create index idx3 on meters (v)", 936, "Tag does not exist");
        Fails("create index idx4 on nosuch (loc)", 9826, "Fail to get table info, error: Table does not exist");
        Exec("create table plain (ts timestamp, v int)");
        Fails("create index idx5 on plain (v)", 866, "Stable not exist");
    }

    [Fact]
    public void Indexes_survive_a_restart_and_go_with_their_super_table()
    {
        Exec("create index idx_loc on meters (loc)");
        Reopen();
        Assert.Equal(2, Rows(IndexesQuery).Count);
        Exec("drop stable meters");
        Assert.Empty(Rows(IndexesQuery));
        Exec("create stable meters (ts timestamp, v int) tags (loc nchar(16))");
        Assert.Equal([["loc_meters", "meters", "loc", "tag_index"]], Rows(IndexesQuery));
    }
}
