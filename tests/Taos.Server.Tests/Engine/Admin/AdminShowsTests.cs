using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Admin;

/// <summary>SHOW CLUSTER ALIVE, SHOW [db.]ALIVE, SHOW GRANTS FULL / LOGS and RESET QUERY CACHE.</summary>
public class AdminShowsTests : EngineTestBase
{
    [Fact]
    public void Alive_is_one_int_status_from_the_vgroups_leaders()
    {
        var r = Assert.IsType<RowSetResult>(Exec("show cluster alive"));
        Assert.Equal([new ResultColumn("status", TaosDataType.Int, 4)], r.Columns);
        Assert.Equal([1], Assert.Single(r.Rows));
        Assert.Equal([1], Assert.Single(Rows("show d.alive")));
        Assert.Equal([1], Assert.Single(Rows("show alive")));
        Assert.Equal([1], Assert.Single(Rows("show alive", new SqlSession())));
        Fails("show nosuch.alive", 0x0388, "Database not exist");
        // An offline dnode leads no vgroup: the cluster stays available.
        Exec("create dnode 'far-away.example:6030'");
        Assert.Equal([1], Assert.Single(Rows("show cluster alive")));
    }

    [Theory]
    [InlineData("show grants full", "grant_name,display_name,expire,limits")]
    [InlineData("show grants logs", "state,active,machine")]
    public void Grants_full_and_logs_are_the_community_editions_empty_tables(string sql, string columns)
    {
        var r = Assert.IsType<RowSetResult>(Exec(sql));
        Assert.Equal(columns.Split(','), r.Columns.Select(c => c.Name));
        Assert.Empty(r.Rows);
    }

    [Fact]
    public void Cluster_machines_is_empty_and_user_privileges_lists_the_grants()
    {
        var machines = Assert.IsType<RowSetResult>(Exec("show cluster machines"));
        Assert.Equal([new ResultColumn("id", TaosDataType.VarChar, 41), new("machine", TaosDataType.VarChar, 7552)], machines.Columns);
        Assert.Empty(machines.Rows);
        Exec("create user u1 pass 'a1'");
        Exec("grant read on d.* to u1");
        Assert.Equal(Rows("select * from information_schema.ins_user_privileges"), Rows("show user privileges"));
        Assert.Contains(Rows("show user privileges"), r => (string)r[0]! == "u1");
    }

    [Fact]
    public void Encryptions_is_the_community_editions_empty_ins_encryptions()
    {
        var r = Assert.IsType<RowSetResult>(Exec("show encryptions"));
        Assert.Equal([new ResultColumn("dnode_id", TaosDataType.Int, 4), new("key_status", TaosDataType.VarChar, 12)], r.Columns);
        Assert.Empty(r.Rows);
        Assert.Empty(Rows("select * from information_schema.ins_encryptions"));
    }

    [Fact]
    public void Cluster_variables_is_show_variables()
    {
        Assert.Equal(Rows("show variables"), Rows("show cluster variables"));
        Assert.NotEmpty(Rows("show cluster variables"));
    }

    [Fact]
    public void S3migrate_has_no_s3_storage_to_move_to()
    {
        Assert.Equal(0, Affected("s3migrate database d"));
        Fails("s3migrate database nosuch", 0x0388, "Database not exist");
    }

    [Fact]
    public void Reset_query_cache_succeeds()
    {
        Assert.Equal(0, Affected("reset query cache"));
    }
}
