using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Query;

/// <summary>SHOW statements answered as TDengine's projections of a system table.</summary>
public class SystemTableShowsTests : EngineTestBase
{
    private RowSetResult Show(string sql) => Assert.IsType<RowSetResult>(Exec(sql));

    [Theory]
    [InlineData("show functions", new[] { "name" })]
    [InlineData("show streams", new[] { "stream_name" })]
    [InlineData("show transactions", new[] { "id", "create_time", "stage", "oper", "db", "stable", "failed_times" })]
    public void Show_is_the_system_tables_projection(string sql, string[] leading)
    {
        var result = Show(sql);
        Assert.Equal(leading, result.Columns.Take(leading.Length).Select(c => c.Name));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Show_connections_queries_and_apps_have_the_performance_tables_columns()
    {
        Assert.Equal(
            Show("select * from performance_schema.perf_connections").Columns.Select(c => c.Name),
            Show("show connections").Columns.Select(c => c.Name));
        Assert.Equal(
            Show("select * from performance_schema.perf_queries").Columns.Select(c => c.Name),
            Show("show queries").Columns.Select(c => c.Name));
        Assert.Equal(
            Show("select * from performance_schema.perf_apps").Columns.Select(c => c.Name),
            Show("show apps").Columns.Select(c => c.Name));
    }

    [Fact]
    public void Show_vgroups_is_ins_vgroups_of_the_current_or_named_database()
    {
        Exec("create database d2 vgroups 3");
        Assert.Equal([2, 3], Show("show vgroups").Rows.Select(r => r[0]));
        Assert.Equal([4, 5, 6], Show("show d2.vgroups").Rows.Select(r => r[0]));
        Assert.Equal(Show("select * from information_schema.ins_vgroups").Columns, Show("show vgroups").Columns);
    }

    [Fact]
    public void Show_vgroups_without_a_database_is_database_not_specified()
    {
        var e = Assert.Throws<TaosServerException>(() => Exec("show vgroups", new SqlSession()));
        Assert.Equal((0x2616, "Database not specified"), (e.Code, e.Message));
    }

    [Fact]
    public void Show_vgroups_of_an_unknown_database_is_database_not_exist()
    {
        var e = Assert.Throws<TaosServerException>(() => Exec("show nosuch.vgroups"));
        Assert.Equal((904, "Database not exist"), (e.Code, e.Message));
    }

    [Fact]
    public void Show_bnodes_names_a_table_TDengine_3_3_does_not_have()
    {
        var e = Assert.Throws<TaosServerException>(() => Exec("show bnodes"));
        Assert.Equal(9826, e.Code);
    }
}
