using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Admin;

/// <summary>SHOW TABLE DISTRIBUTED: TDengine's 25 lines of _block_dist() computed from the stored rows.</summary>
public class TableDistributionTests : EngineTestBase
{
    private List<string> Lines(string sql)
    {
        var r = Assert.IsType<RowSetResult>(Exec(sql));
        Assert.Equal([new ResultColumn("_block_dist", TaosDataType.VarChar, 126)], r.Columns);
        return r.Rows.Select(row => (string)Assert.Single(row)!).ToList();
    }

    [Fact]
    public void A_child_table_of_two_rows_is_one_block()
    {
        Exec("create stable st (ts timestamp, v int, s varchar(20)) tags (t int)");
        Exec("insert into c1 using st tags (1) values (1700000000000, 1, 'abc') (1700000001000, 2, null)");
        var lines = Lines("show table distributed c1");
        Assert.Equal(25, lines.Count);
        // 29 bytes stored (8+4+2+3, 8+4) against 2 rows of 8+4+22 in the schema.
        Assert.Equal("Total_Blocks=[1] Total_Size=[0.03 KiB] Average_size=[0.03 KiB] Compression_Ratio=[42.65 %]", lines[0]);
        Assert.Equal("Block_Rows=[2] MinRows=[2] MaxRows=[2] AvgRows=[2]", lines[1]);
        Assert.Equal("Inmem_Rows=[0] Stt_Rows=[0] ", lines[2]);
        Assert.Equal("Total_Tables=[1] Total_Filesets=[2] Total_Vgroups=[1]", lines[3]);
        Assert.Equal(new string('-', 80), lines[4]);
        Assert.Equal("0300 |" + new string('|', 80) + "  1 (100.00%)", lines[5]);
        Assert.Equal("0500 |", lines[6]);
        Assert.Equal("4100 |", lines[24]);
        Assert.Equal(lines, Lines("show table distributed d.st"));
    }

    [Fact]
    public void Rows_fall_into_maxrows_blocks_over_the_child_tables()
    {
        Exec("create database d2 maxrows 200 minrows 10");
        Exec("create stable d2.st (ts timestamp, v int) tags (t int)");
        string values = string.Join(' ', Enumerable.Range(0, 250).Select(i => $"({1700000000000L + i}, {i})"));
        Exec("insert into d2.c1 using d2.st tags (1) values " + values + " d2.c2 using d2.st tags (2) values (1700000000000, 0)");
        Exec("create table d2.c3 using d2.st tags (3)");
        var lines = Lines("show table distributed d2.st");
        Assert.StartsWith("Total_Blocks=[3] Total_Size=[2.94 KiB] Average_size=[0.98 KiB] Compression_Ratio=[100.00 %]", lines[0]);
        Assert.Equal("Block_Rows=[251] MinRows=[1] MaxRows=[200] AvgRows=[83]", lines[1]);
        Assert.StartsWith("Total_Tables=[3] ", lines[3]);
        // Buckets of ceil((200 - 10) / 20) = 10 rows: 1 row is below MINROWS, 50 rows in the fifth, 200 in the last.
        Assert.Equal("0020 |" + new string('|', 26) + "  1 (33.33%)", lines[5]);
        Assert.Equal("0060 |" + new string('|', 26) + "  1 (33.33%)", lines[9]);
        Assert.Equal("0210 |" + new string('|', 26) + "  1 (33.33%)", lines[24]);
        Assert.Equal("Total_Blocks=[0] Total_Size=[0.00 KiB] Average_size=[0.00 KiB] Compression_Ratio=[0.00 %]",
            Lines("show table distributed d2.c3")[0]);
        Assert.Equal("Block_Rows=[0] MinRows=[0] MaxRows=[0] AvgRows=[0]", Lines("show table distributed d2.c3")[1]);
    }

    [Fact]
    public void Errors_are_those_of_selecting_from_the_table()
    {
        Fails("show table distributed nosuch", 0x2662, "Fail to get table info, error: Table does not exist");
        Fails("show table distributed information_schema.ins_tables", 0x264F,
            "_block_dist is only supported on super table, child table or normal table");
    }
}
