using Taos.Server.Engine;
using Taos.Server.Engine.SystemTables;

namespace Taos.Server.Tests.Engine.SystemTables;

/// <summary>The node tables (ins_dnodes, ins_mnodes, ins_qnodes, ins_snodes, ins_vnodes, ins_arbgroups) and their SHOWs.</summary>
public class NodeSystemTablesTests : EngineTestBase
{
    private RowSetResult Run(string sql) => Assert.IsType<RowSetResult>(Exec(sql));

    private long RootCreateTime => Store.Users().Single(u => u.Super).CreateTime;

    [Fact]
    public void Show_dnodes_is_the_one_dnode_with_systable_columns()
    {
        var r = Run("show dnodes");
        Assert.Equal(
        [
            new ResultColumn("id", TaosDataType.Int, 4), new("endpoint", TaosDataType.VarChar, 134), new("vnodes", TaosDataType.SmallInt, 2),
            new("support_vnodes", TaosDataType.SmallInt, 2), new("status", TaosDataType.VarChar, 10), new("create_time", TaosDataType.Timestamp, 8),
            new("reboot_time", TaosDataType.Timestamp, 8), new("note", TaosDataType.VarChar, 256),
        ], r.Columns);
        var row = Assert.Single(r.Rows);
        Assert.Equal(1, row[0]);
        Assert.Equal(System.Net.Dns.GetHostName() + ":6030", row[1]);
        Assert.Equal((short)2, row[2]);
        Assert.Equal((short)Math.Min(Environment.ProcessorCount * 2 + 5, 4096), row[3]);
        Assert.Equal("ready", row[4]);
        Assert.Equal(RootCreateTime, row[5]);
        Assert.Equal(ClusterIdentity.StartTime, row[6]);
        Assert.Equal("", row[7]);
    }

    [Fact]
    public void Show_dnodes_counts_the_vnodes_of_every_database()
    {
        Exec("create database d2 vgroups 3");
        Assert.Equal((short)5, Assert.Single(Run("show dnodes").Rows)[2]);
    }

    [Fact]
    public void Show_mnodes_is_the_leader()
    {
        var r = Run("show mnodes");
        Assert.Equal(["id", "endpoint", "role", "status", "create_time", "role_time"], r.Columns.Select(c => c.Name));
        Assert.Equal([12, 9], r.Columns.Skip(2).Take(2).Select(c => c.Length));
        Assert.Equal([1, System.Net.Dns.GetHostName() + ":6030", "leader", "ready", RootCreateTime, ClusterIdentity.StartTime],
            Assert.Single(r.Rows));
    }

    [Theory]
    [InlineData("show qnodes")]
    [InlineData("show snodes")]
    public void Show_qnodes_and_snodes_are_empty(string sql)
    {
        var r = Run(sql);
        Assert.Equal(
            [new ResultColumn("id", TaosDataType.Int, 4), new("endpoint", TaosDataType.VarChar, 134), new("create_time", TaosDataType.Timestamp, 8)],
            r.Columns);
        Assert.Empty(r.Rows);
    }

    [Fact]
    public void Show_arbgroups_is_empty_with_systable_columns()
    {
        var r = Run("show arbgroups");
        Assert.Equal(["db_name", "vgroup_id", "v1_dnode", "v2_dnode", "is_sync", "assigned_dnode", "assigned_token", "assigned_acked"],
            r.Columns.Select(c => c.Name));
        Assert.Equal(32, r.Columns[6].Length);
        Assert.Empty(r.Rows);
    }

    [Fact]
    public void Show_vnodes_lists_one_vnode_per_vgroup()
    {
        Exec("create database d2 vgroups 3");
        var r = Run("show vnodes");
        Assert.Equal(
        [
            new ResultColumn("dnode_id", TaosDataType.Int, 4), new("vgroup_id", TaosDataType.Int, 4), new("db_name", TaosDataType.VarChar, 64),
            new("status", TaosDataType.VarChar, 9), new("role_time", TaosDataType.Timestamp, 8), new("start_time", TaosDataType.Timestamp, 8),
            new("restored", TaosDataType.Bool, 1),
        ], r.Columns);
        Assert.Equal([(2, "d"), (3, "d"), (4, "d2"), (5, "d2"), (6, "d2")], r.Rows.Select(x => ((int)x[1]!, (string)x[2]!)));
        Assert.All(r.Rows, x => Assert.Equal([1, "leader", true], new[] { x[0], x[3], x[6] }));
    }

    [Fact]
    public void Show_vnodes_on_dnode_keeps_that_dnodes_vnodes()
    {
        Assert.Equal(Run("show vnodes").Rows, Run("show vnodes on dnode 1").Rows);
        Assert.Empty(Run("show vnodes on dnode 2").Rows);
    }

    [Theory]
    [InlineData("show dnodes", "select * from information_schema.ins_dnodes")]
    [InlineData("show mnodes", "select * from information_schema.ins_mnodes")]
    [InlineData("show vnodes", "select * from information_schema.ins_vnodes")]
    public void Show_is_select_star_of_its_table(string show, string select)
    {
        var a = Run(show);
        var b = Run(select);
        Assert.Equal(a.Columns, b.Columns);
        Assert.Equal(a.Rows, b.Rows);
    }
}
