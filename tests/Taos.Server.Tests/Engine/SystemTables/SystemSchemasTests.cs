using Taos.Server.Engine;
using Taos.Server.Engine.Query;
using Taos.Server.Engine.SystemTables;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using Taos.Server.Tests.Engine.Query;

namespace Taos.Server.Tests.Engine.SystemTables;

/// <summary>information_schema and performance_schema as <see cref="SystemSchemas"/> builds them.</summary>
public class SystemSchemasTests
{
    private static RowSetResult Run(string sql) =>
        new QueryExecutor(QueryExecutorTests.Meters(), TimeZoneInfo.Utc).Execute((SelectStatement)SqlParser.Parse(sql), new SqlSession());

    [Fact]
    public void Ins_tables_lists_child_and_normal_tables_with_their_super_table()
    {
        var r = Run("select table_name, stable_name, type from information_schema.ins_tables where db_name = 'cf_ms' order by table_name");
        Assert.Equal([new ResultColumn("table_name", TaosDataType.VarChar, 192), new("stable_name", TaosDataType.VarChar, 192), new("type", TaosDataType.VarChar, 21)], r.Columns);
        Assert.Equal([["d1001", "meters", "CHILD_TABLE"], ["d1002", "meters", "CHILD_TABLE"], ["d1003", "meters", "CHILD_TABLE"], ["d1004", "meters", "CHILD_TABLE"]], r.Rows.ToList());
    }

    [Fact]
    public void Ins_databases_starts_with_the_system_databases_and_ins_tags_renders_values_as_text()
    {
        Assert.Equal(["information_schema", "performance_schema", "cf_ms"], Run("select name from information_schema.ins_databases").Rows.Select(r => r[0]));
        var tags = Run("select tag_name, tag_type, tag_value from information_schema.ins_tags where table_name = 'd1003'").Rows.ToList();
        Assert.Equal([["groupid", "INT", "2"], ["location", "VARCHAR(24)", "California.LosAngeles"]], tags);
    }

    [Fact]
    public void Unknown_system_table_is_a_table_info_failure()
    {
        var ex = Assert.Throws<TaosServerException>(() => Run("select * from information_schema.nosuch"));
        Assert.Equal(9826, ex.Code);
    }

    [Fact]
    public void Ins_tags_shows_float_tags_with_their_shortest_digits_and_binary_tags_in_hex()
    {
        var cat = new FakeCatalog().AddDatabase("cf_ms");
        var st = cat.AddSuper("cf_ms", "st", [new("ts", TaosDataType.Timestamp, 8), new("v", TaosDataType.Int, 4)],
            [new("f", TaosDataType.Float, 4), new("d", TaosDataType.Double, 8), new("b", TaosDataType.VarBinary, 8)]);
        cat.AddChild(st, "c1", 0.1f, 1e21, new byte[] { 0xAB, 0x01 });
        var rows = new QueryExecutor(cat, TimeZoneInfo.Utc).Execute(
            (SelectStatement)SqlParser.Parse("select tag_name, tag_value from information_schema.ins_tags"), new SqlSession()).Rows.ToList();
        Assert.Equal([["f", "0.1"], ["d", "1e+21"], ["b", "ab01"]], rows);
    }

    [Fact]
    public void System_databases_are_known_by_name()
    {
        Assert.True(SystemSchemas.IsSystemDatabase("information_schema"));
        Assert.True(SystemSchemas.IsSystemDatabase("performance_schema"));
        Assert.False(SystemSchemas.IsSystemDatabase("cf_ms"));
    }
}
