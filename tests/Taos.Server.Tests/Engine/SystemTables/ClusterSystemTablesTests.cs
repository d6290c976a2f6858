using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.SystemTables;

/// <summary>ins_cluster, ins_grants and ins_compacts and their SHOWs.</summary>
public class ClusterSystemTablesTests : EngineTestBase
{
    private RowSetResult Run(string sql) => Assert.IsType<RowSetResult>(Exec(sql));

    [Fact]
    public void Show_cluster_is_one_row_created_with_the_data_directory()
    {
        var r = Run("show cluster");
        Assert.Equal(
        [
            new ResultColumn("id", TaosDataType.BigInt, 8), new("name", TaosDataType.VarChar, 40), new("uptime", TaosDataType.Int, 4),
            new("create_time", TaosDataType.Timestamp, 8), new("version", TaosDataType.VarChar, 10), new("expire_time", TaosDataType.Timestamp, 8),
        ], r.Columns);
        var row = Assert.Single(r.Rows);
        Assert.True((long)row[0]! > 0);
        Assert.True(Guid.TryParse((string)row[1]!, out _));
        Assert.True((int)row[2]! >= 0);
        Assert.Equal(Store.Users().Single(u => u.Super).CreateTime, row[3]);
        Assert.Equal("3.3.0.1", row[4]);
        Assert.Null(row[5]);
    }

    [Fact]
    public void Cluster_id_and_name_survive_a_restart_and_differ_between_data_directories()
    {
        var before = Assert.Single(Run("select id, name, create_time from information_schema.ins_cluster").Rows);
        Reopen();
        Assert.Equal(before, Assert.Single(Run("select id, name, create_time from information_schema.ins_cluster").Rows));
        Thread.Sleep(5);
        using var other = new OtherDirectory();
        Assert.NotEqual(before[0], Assert.Single(other.Run("select id from information_schema.ins_cluster").Rows)[0]);
    }

    [Theory]
    [InlineData("show grants")]
    [InlineData("show licences")]
    [InlineData("select * from information_schema.ins_grants")]
    public void Grants_are_the_community_editions_unlimited_row(string sql)
    {
        var r = Run(sql);
        Assert.Equal(["version", "expire_time", "expired", "storage", "timeseries", "databases", "users", "accounts", "dnodes", "connections",
            "streams", "cpu_cores", "speed", "querytime"], r.Columns.Select(c => c.Name));
        Assert.Equal([9, 19, 5, 21, 21, 10, 10, 10, 10, 11, 9, 9, 9, 9], r.Columns.Select(c => c.Length));
        Assert.All(r.Columns, c => Assert.Equal(TaosDataType.VarChar, c.Type));
        var row = Assert.Single(r.Rows);
        Assert.Equal(["community", "unlimited", "false"], row.Take(3));
        Assert.All(row.Skip(3), v => Assert.Equal("unlimited", v));
    }

    [Fact]
    public void Show_compacts_is_empty_with_systable_columns()
    {
        var r = Run("show compacts");
        Assert.Equal(
            [new ResultColumn("compact_id", TaosDataType.Int, 4), new("db_name", TaosDataType.VarChar, 64), new("start_time", TaosDataType.Timestamp, 8)],
            r.Columns);
        Assert.Empty(r.Rows);
        var details = Run("select * from information_schema.ins_compact_details");
        Assert.Equal(["compact_id", "vgroup_id", "dnode_id", "number_fileset", "finished", "start_time"], details.Columns.Select(c => c.Name));
        Assert.Empty(details.Rows);
    }

    /// <summary>A second engine on its own fresh data directory.</summary>
    private sealed class OtherDirectory : EngineTestBase
    {
        public OtherDirectory() : base(null)
        {
        }

        public RowSetResult Run(string sql) => Assert.IsType<RowSetResult>(Exec(sql));
    }
}
