using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.SystemTables;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Admin;

/// <summary>
/// BALANCE VGROUP [LEADER], MERGE, REDISTRIBUTE and SPLIT VGROUP as TDengine 3.3's mnode (mndVgroup.c) answers them
/// when every vgroup has one replica on dnode 1, the only live dnode: there is nothing to move, so the statements that
/// pass the mnode's checks change nothing.
/// </summary>
internal sealed class VgroupCommands(ICatalogReader catalog, ClusterNodes nodes)
{
    /// <summary>The most dnodes REDISTRIBUTE names (three replicas).</summary>
    private const int MaxReplicas = 3;

    /// <summary>BALANCE VGROUP needs every dnode online (0x03B6); BALANCE VGROUP LEADER ON n needs vgroup n.</summary>
    public AffectedRowsResult Balance(BalanceVgroupStatement s)
    {
        if (!s.Leader && nodes.Current.Dnodes.Count > 0) throw AdminErrors.OfflineDnodeExists();
        if (s.Vgroup is { } vgroup) RequireVgroup(vgroup);
        return new AffectedRowsResult(0);
    }

    /// <summary>TDengine 3.3's mnode has no handler for MERGE VGROUP: after the parser, the message is not processed.</summary>
    public static AffectedRowsResult Merge() => throw AdminErrors.MessageNotProcessed();

    /// <summary>
    /// REDISTRIBUTE VGROUP v DNODE …: one to three distinct dnodes (the parser's 0x2656), an existing vgroup and dnodes,
    /// as many dnodes as the vgroup has replicas (one: else 0x03B7), online (0x0408); moving it to dnode 1, where it
    /// is, changes nothing (0x03B5).
    /// </summary>
    public AffectedRowsResult Redistribute(RedistributeVgroupStatement s)
    {
        if (s.Dnodes.Count > MaxReplicas || s.Dnodes.Distinct().Count() != s.Dnodes.Count) throw AdminErrors.InvalidRedistribute();
        RequireVgroup(s.Vgroup);
        var data = nodes.Current;
        foreach (long dnode in s.Dnodes)
        {
            if (dnode != NodeSystemTables.DnodeId && !data.Dnodes.Any(d => d.Id == dnode)) throw AdminErrors.DnodeNotExist();
        }
        if (s.Dnodes.Count != 1) throw AdminErrors.InvalidReplica();
        if (s.Dnodes[0] != NodeSystemTables.DnodeId) throw AdminErrors.DnodeOffline();
        throw AdminErrors.VgroupUnchanged();
    }

    /// <summary>SPLIT VGROUP v: the vgroup must exist (0x0332).</summary>
    public AffectedRowsResult Split(SplitVgroupStatement s)
    {
        RequireVgroup(s.Vgroup);
        return new AffectedRowsResult(0);
    }

    private void RequireVgroup(long id)
    {
        if (!catalog.Databases().Any(d => Vgroups.Ids(catalog, d).Contains((int)Math.Min(id, int.MaxValue)))) throw AdminErrors.VgroupNotExist();
    }
}
