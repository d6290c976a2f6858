using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Ddl;

/// <summary>SHOW TAGS and SHOW TABLE TAGS (rest-breadth.jsonl cat#14-#16).</summary>
public class ShowTagsCommandsTests : EngineTestBase
{
    public ShowTagsCommandsTests()
    {
        Exec("create stable meters (ts timestamp, cur float) tags (gid int, loc nchar(16))");
        Exec("create table d1 using meters tags (1, 'north')");
        Exec("create table d2 using meters (gid) tags (2)");
    }

    [Fact]
    public void Table_tags_list_every_child_with_typed_tag_values()
    {
        var all = Assert.IsType<RowSetResult>(Exec("show table tags from meters"));
        Assert.Equal([("tbname", TaosDataType.VarChar, 270), ("gid", TaosDataType.Int, 4), ("loc", TaosDataType.NChar, 16)],
            all.Columns.Select(c => (c.Name, c.Type, c.Length)));
        Assert.Equal([["d1", 1, "north"], ["d2", 2, null]], all.Rows.ToList());
        Assert.Equal([[1, "d1"], [2, "d2"]], Rows("show table tags gid, tbname from meters from d"));
        Fails("show table tags nope from meters", 9730, "Invalid column name: nope");
    }

    [Fact]
    public void Tags_of_one_child_are_its_ins_tags_rows()
    {
        Assert.Equal([["d1", "d", "meters", "gid", "INT", "1"], ["d1", "d", "meters", "loc", "NCHAR(16)", "north"]], Rows("show tags from d1"));
        Assert.Equal([["d2", "d", "meters", "gid", "INT", "2"], ["d2", "d", "meters", "loc", "NCHAR(16)", null]], Rows("show tags from d2 from d"));
    }
}
