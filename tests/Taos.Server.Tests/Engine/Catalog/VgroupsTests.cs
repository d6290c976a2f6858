using System.Text;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Tests.Engine.Catalog;

public class VgroupsTests : EngineTestBase
{
    public VgroupsTests() : base(null)
    {
    }

    [Theory]
    [InlineData("1.offws.d_stmt1", 265776301u)]
    [InlineData("1.offws.d_stmt2", 2047335531u)]
    [InlineData("1.offws.at1", 4229818372u)]
    [InlineData("", 0xe37cd1bcu)]
    public void The_hash_is_murmur3_x86_32_with_tdengines_seed(string key, uint hash) =>
        Assert.Equal(hash, Vgroups.Hash(Encoding.UTF8.GetBytes(key)));

    [Fact]
    public void Tables_fall_into_the_vgroups_the_official_clients_recording_shows()
    {
        // The recorded TDengine put d_stmt1 and d_stmt2 into the first vgroup of offws (54): both came in one
        // message of that vgroup, and nothing of meters from the second.
        Exec("create database offws precision 'ns'");
        var db = Store.FindDatabase("offws")!;
        Assert.Equal([2, 3], Vgroups.Ids(Store, db));
        Assert.Equal(2, Vgroups.Of(Store, db, "d_stmt1"));
        Assert.Equal(2, Vgroups.Of(Store, db, "d_stmt2"));
        Assert.Equal(3, Vgroups.Of(Store, db, "at1"));
    }

    [Fact]
    public void Ids_are_numbered_across_databases_after_the_highest_in_use()
    {
        Exec("create database a");
        Exec("create database b vgroups 4");
        Exec("drop database a");
        Exec("create database c vgroups 1");
        Assert.Equal([4, 5, 6, 7], Vgroups.Ids(Store, Store.FindDatabase("b")!));
        Assert.Equal([8], Vgroups.Ids(Store, Store.FindDatabase("c")!));
        Reopen();
        Assert.Equal([8], Vgroups.Ids(Store, Store.FindDatabase("c")!));
    }

    [Fact]
    public void Ins_tables_shows_each_tables_vgroup()
    {
        Exec("create database offws");
        Exec("create table offws.d_stmt1 (ts timestamp, v int)");
        Exec("create table offws.at1 (ts timestamp, v int)");
        var rows = Rows("select table_name, vgroup_id from information_schema.ins_tables where db_name = 'offws' order by table_name");
        Assert.Equal([["at1", 3], ["d_stmt1", 2]], rows);
    }

    [Fact]
    public void Ins_vgroups_lists_every_vgroup_with_its_tables()
    {
        Exec("create database offws");
        Exec("create database one vgroups 1");
        Exec("create table offws.d_stmt1 (ts timestamp, v int)");
        Exec("create table offws.d_stmt2 (ts timestamp, v int)");
        Exec("create table offws.at1 (ts timestamp, v int)");
        var rows = Rows("select vgroup_id, db_name, `tables`, v1_dnode, v1_status, v2_dnode from information_schema.ins_vgroups");
        Assert.Equal([[2, "offws", 2, (short)1, "leader", null], [3, "offws", 1, (short)1, "leader", null], [4, "one", 0, (short)1, "leader", null]], rows);
    }
}
