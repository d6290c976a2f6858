using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.SystemTables;

public class StreamSystemTablesTests : EngineTestBase
{
    [Fact]
    public void Ins_streams_has_tdengine_3_3s_columns_and_one_row_per_stream_in_creation_order()
    {
        Exec("create stable meters (ts timestamp, v int) tags (g int)");
        var empty = Assert.IsType<RowSetResult>(Exec("select * from information_schema.ins_streams"));
        Assert.Equal([("stream_name", TaosDataType.VarChar, 192), ("create_time", TaosDataType.Timestamp, 8), ("sql", TaosDataType.VarChar, 1024),
            ("status", TaosDataType.VarChar, 20), ("source_db", TaosDataType.VarChar, 64), ("target_db", TaosDataType.VarChar, 64),
            ("target_table", TaosDataType.VarChar, 192), ("watermark", TaosDataType.BigInt, 8), ("trigger", TaosDataType.VarChar, 20),
            ("sink_quota", TaosDataType.VarChar, 20), ("history_scan_idle", TaosDataType.VarChar, 20)],
            empty.Columns.Select(c => (c.Name, c.Type, c.Length)));
        Assert.Empty(empty.Rows);
        Exec("create stream zz trigger max_delay 5s into o1 as select _wstart, count(*) from meters interval(1m)");
        Exec("create stream aa into o2 as select _wstart, count(*) from meters interval(1m)");
        Assert.Equal([["zz", "max delay", 0L], ["aa", "window close", 0L]], Rows("select stream_name, `trigger`, `watermark` from information_schema.ins_streams"));
        Assert.Equal([["aa"]], Rows("select stream_name from information_schema.ins_streams where target_table = 'o2'"));
    }
}
