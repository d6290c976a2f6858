using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Planning;

/// <summary>UNION and UNION ALL through the engine: block order, duplicates, conversion to the first block's types, ORDER BY and errors.</summary>
public class UnionPlannerTests : EngineTestBase
{
    public UnionPlannerTests()
    {
        Exec("create table a (ts timestamp, v int, s varchar(4))");
        Exec("create table b (ts timestamp, x int, y varchar(8))");
        Exec("insert into a values (1704067201000, 1, 'p') (1704067202000, 2, 'q') (1704067203000, null, null)");
        Exec("insert into b values (1704067201000, 2, '7') (1704067202000, 5, 'zz')");
    }

    [Fact]
    public void Union_all_keeps_every_row_block_by_block()
    {
        var rows = Rows("select v from a union all select x from b");
        Assert.Equal(new object?[] { 1, 2, null, 2, 5 }, rows.Select(r => r[0]));
    }

    [Fact]
    public void Union_keeps_one_of_equal_rows_and_orders_by_name_or_position()
    {
        Assert.Equal(new object?[] { null, 1, 2, 5 }, Rows("select v from a union select x from b order by v").Select(r => r[0]));
        Assert.Equal(new object?[] { 5, 2, 1, null }, Rows("select v from a union select x from b order by 1 desc").Select(r => r[0]));
    }

    [Fact]
    public void Later_blocks_take_the_first_blocks_names_and_types()
    {
        var result = Assert.IsType<RowSetResult>(Exec("select v, s from a union all select y, x from b order by 1 limit 4 offset 1"));
        Assert.Equal([new ResultColumn("v", TaosDataType.Int, 4), new ResultColumn("s", TaosDataType.VarChar, 4)], result.Columns);
        // 'zz' is no number: 0 under INT, as TDengine casts it.
        Assert.Equal([[0, "5"], [1, "p"], [2, "q"], [7, "2"]], result.Rows.ToList());
    }

    [Fact]
    public void Mismatched_blocks_and_foreign_order_keys_are_tdengine_errors()
    {
        Fails("select v, s from a union all select x from b", 9780, "Query block has incorrect number of result columns");
        Fails("select v as m from a union all select x as n from b order by n", 9845, "Invalid expr in order by clause");
        Fails("select v from a union all select x from b order by 2", 9737, "ORDER BY item must be the number of a SELECT-list expression");
    }
}
