using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Admin;

/// <summary>CREATE / DROP DNODE and the component nodes, answered as TDengine 3.3's mnode answers on a one-dnode cluster.</summary>
public class NodeCommandsTests : EngineTestBase
{
    private static readonly string Own = System.Net.Dns.GetHostName() + ":6030";

    [Fact]
    public void Create_dnode_adds_an_offline_dnode_that_survives_a_restart()
    {
        Assert.Equal(0, Affected("create dnode 'far-away.example:6030'"));
        Assert.Equal(0, Affected("create dnode far2 port 7100"));
        Reopen();
        var rows = Rows("show dnodes");
        Assert.Equal(3, rows.Count);
        Assert.Equal([2, "far-away.example:6030", (short)0, (short)0, "offline"], rows[1].Take(5));
        Assert.Equal([0L, "status not received"], rows[1].Skip(6));
        Assert.Equal([3, "far2:7100"], rows[2].Take(2));
        Assert.Equal("ready", rows[0][4]);
    }

    [Fact]
    public void Create_dnode_refuses_a_known_endpoint_and_a_bad_port()
    {
        Exec("create dnode 'far-away.example'");
        Fails("create dnode 'far-away.example:6030'", 0x0330, "Dnode already exists");
        Fails($"create dnode '{Own}'", 0x0330, "Dnode already exists");
        Fails("create dnode 'h:0'", 9746, "Port should be an integer that is less than 65535 and greater than 0");
        Fails("create dnode 'h:65535'", 9746, "Port should be an integer that is less than 65535 and greater than 0");
        Fails("create dnode h port 70000", 9746, "Port should be an integer that is less than 65535 and greater than 0");
        Fails("create dnode ':7000'", 0x03B3, "Invalid dnode end point");
        Fails("create dnode '" + new string('h', 140) + "'", 9744, "Name or password too long");
        Assert.Equal(2, Rows("show dnodes").Count);
    }

    [Fact]
    public void Drop_dnode_drops_an_empty_offline_dnode_and_never_the_only_mnode()
    {
        Exec("create dnode 'far-away.example:6030'");
        Exec("create dnode 'far3.example:6030'");
        Exec("create dnode 'far5.example:6030'");
        Fails("drop dnode 1", 0x03A8, "The replica of mnode cannot less than 1");
        Fails("drop dnode 9 force", 0x0331, "Dnode does not exist");
        // The mnode looks an endpoint up by its host name alone, so it finds no dnode by endpoint.
        Fails("drop dnode 'far3.example:6030'", 0x0331, "Dnode does not exist");
        Fails($"drop dnode '{Own}'", 0x0331, "Dnode does not exist");
        Assert.Equal(0, Affected("drop dnode 2"));
        Assert.Equal(0, Affected("drop dnode 3 force"));
        Assert.Equal(0, Affected("drop dnode 4 unsafe"));
        Assert.Single(Rows("show dnodes"));
        // Ids are not handed out twice.
        Exec("create dnode 'far4.example:6030'");
        Assert.Equal(5, Rows("show dnodes")[1][0]);
    }

    [Fact]
    public void Qnodes_are_created_listed_kept_and_dropped()
    {
        Assert.Equal(0, Affected("create qnode on dnode 1"));
        Fails("create qnode on dnode 1", 0x03A2, "Qnode already exists");
        Fails("create qnode on dnode 5", 0x0331, "Dnode does not exist");
        Exec("create dnode 'far-away.example:6030'");
        Fails("create qnode on dnode 2", 0x000B, "Unable to establish connection");
        Reopen();
        var row = Assert.Single(Rows("show qnodes"));
        Assert.Equal([1, Own], row.Take(2));
        Assert.Equal(0, Affected("drop qnode on dnode 1"));
        Fails("drop qnode on dnode 1", 0x03A3, "Qnode not there");
        Fails("drop qnode on dnode 0", 0x0115, "Invalid message");
        Assert.Empty(Rows("select * from information_schema.ins_qnodes"));
    }

    [Fact]
    public void Only_one_snode_may_exist()
    {
        Assert.Equal(0, Affected("create snode on dnode 1"));
        Fails("create snode on dnode 1", 0x03A4, "Snode can only be created 1");
        Assert.Equal(1, Assert.Single(Rows("show snodes"))[0]);
        Exec("drop snode on dnode 1");
        Fails("drop snode on dnode 1", 0x03A5, "Snode not there");
        Assert.Empty(Rows("show snodes"));
    }

    [Fact]
    public void Dropping_a_dnode_drops_its_qnode()
    {
        Exec("create qnode on dnode 1");
        Exec("create dnode 'far-away.example:6030'");
        Exec("drop dnode 2 force");
        Assert.Single(Rows("show qnodes"));
    }

    [Fact]
    public void Mnode_statements_answer_as_the_only_mnode_leads()
    {
        Fails("create mnode on dnode 1", 0x03A0, "Mnode already exists");
        Fails("create mnode on dnode 7", 0x0331, "Dnode does not exist");
        Exec("create dnode 'far-away.example:6030'");
        Fails("create mnode on dnode 2", 0x0408, "Dnode is offline");
        Fails("drop mnode on dnode 1", 0x0333, "Cannot drop mnode which is leader");
        Fails("drop mnode on dnode 2", 0x03A1, "Mnode not there");
        Assert.Single(Rows("show mnodes"));
    }

    [Fact]
    public void Bnodes_do_not_exist_in_TDengine_3_3()
    {
        Fails("create bnode on dnode 1", 0x0121, "Message not processed");
        Fails("drop bnode on dnode 1", 0x0121, "Message not processed");
    }

    [Theory]
    [InlineData("restore dnode 1")]
    [InlineData("restore mnode on dnode 1")]
    [InlineData("restore vnode on dnode 1")]
    [InlineData("restore qnode on dnode 1")]
    [InlineData("restore dnode 9")]
    public void Restore_succeeds_as_the_community_editions_mnode_answers_it(string sql)
    {
        Assert.Equal(0, Affected(sql));
        Assert.Single(Rows("show dnodes"));
    }
}
