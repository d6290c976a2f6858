namespace Taos.Server.Tests.Engine.Admin;

/// <summary>BALANCE, MERGE, REDISTRIBUTE and SPLIT VGROUP when every vgroup has one replica on dnode 1.</summary>
public class VgroupCommandsTests : EngineTestBase
{
    private int FirstVgroup => (int)Rows("show d.vgroups")[0][0]!;

    [Fact]
    public void Balance_vgroup_has_nothing_to_move_until_a_dnode_is_offline()
    {
        Assert.Equal(0, Affected("balance vgroup"));
        Assert.Equal(0, Affected("balance vgroup leader"));
        Assert.Equal(0, Affected($"balance vgroup leader on {FirstVgroup}"));
        Fails("balance vgroup leader on 999", 0x0332, "Vgroup does not exist");
        Exec("create dnode 'far-away.example:6030'");
        Fails("balance vgroup", 0x03B6, "Offline dnode exists");
    }

    [Fact]
    public void Redistribute_checks_dnodes_and_replicas_and_finds_nothing_to_change()
    {
        int v = FirstVgroup;
        Fails($"redistribute vgroup {v} dnode 1", 0x03B5, "Vgroup distribution has not changed");
        Fails($"redistribute vgroup {v} dnode 1 dnode 1", 9814, "The REDISTRIBUTE VGROUP statement only support 1 to 3 dnodes");
        Fails($"redistribute vgroup {v} dnode 1 dnode 2 dnode 3 dnode 4", 9814, "The REDISTRIBUTE VGROUP statement only support 1 to 3 dnodes");
        Fails("redistribute vgroup 999 dnode 1", 0x0332, "Vgroup does not exist");
        Fails($"redistribute vgroup {v} dnode 5", 0x0331, "Dnode does not exist");
        Exec("create dnode 'far-away.example:6030'");
        Fails($"redistribute vgroup {v} dnode 1 dnode 2", 0x03B7, "Invalid vgroup replica");
        Fails($"redistribute vgroup {v} dnode 2", 0x0408, "Dnode is offline");
    }

    [Fact]
    public void Split_needs_the_vgroup_and_merge_is_not_processed()
    {
        Assert.Equal(0, Affected($"split vgroup {FirstVgroup}"));
        Fails("split vgroup 999", 0x0332, "Vgroup does not exist");
        Fails($"merge vgroup {FirstVgroup} {FirstVgroup + 1}", 0x0121, "Message not processed");
    }
}
