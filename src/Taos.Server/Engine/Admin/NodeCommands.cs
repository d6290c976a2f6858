using System.Globalization;
using Taos.Server.Engine.SystemTables;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Admin;

/// <summary>
/// CREATE / DROP DNODE and CREATE / DROP / RESTORE of the component nodes, answered as TDengine 3.3's mnode answers
/// on a cluster whose only live dnode is dnode 1 (the embedded server, also the only mnode): a created dnode is
/// stored and listed offline (nothing answers at its endpoint), qnodes and snodes are stored and listed, and the
/// checks and their order follow mndDnode.c, mndQnode.c, mndSnode.c and mndMnode.c.
/// </summary>
internal sealed class NodeCommands(ClusterNodes nodes)
{
    /// <summary>TSDB_EP_LEN: the longest endpoint (an FQDN of 128 bytes, a colon and a port).</summary>
    private const int MaxEndpointBytes = 134;

    /// <summary>CREATE DNODE: a new dnode with the next id, offline.</summary>
    public AffectedRowsResult CreateDnode(CreateDnodeStatement s)
    {
        string endpoint = Endpoint(s.Endpoint, s.Port);
        nodes.Change(data =>
        {
            if (endpoint == NodeSystemTables.Endpoint || data.Dnodes.Any(d => d.Endpoint == endpoint)) throw AdminErrors.DnodeAlreadyExists();
            var dnode = new CreatedDnode(data.NextDnodeId, endpoint, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            return data with { Dnodes = [.. data.Dnodes, dnode], NextDnodeId = data.NextDnodeId + 1 };
        });
        return new AffectedRowsResult(0);
    }

    /// <summary>
    /// DROP DNODE n [FORCE | UNSAFE] (mndProcessDropDnodeReq): dnode 1 holds the only mnode (0x03A8); a created dnode
    /// is offline and empty (nothing can be placed on it), which the mnode drops even without FORCE. DROP DNODE
    /// 'endpoint' finds no dnode (0x0331): the mnode looks the endpoint up by its host name alone.
    /// </summary>
    public AffectedRowsResult DropDnode(DropDnodeStatement s)
    {
        if (s.Endpoint is { } endpoint)
        {
            Endpoint(endpoint, null);
            throw AdminErrors.DnodeNotExist();
        }
        nodes.Change(data =>
        {
            long id = s.Id!.Value;
            if (id == NodeSystemTables.DnodeId) throw AdminErrors.TooFewMnodes();
            if (!data.Dnodes.Any(d => d.Id == id)) throw AdminErrors.DnodeNotExist();
            return data with
            {
                Dnodes = data.Dnodes.Where(d => d.Id != id).ToList(),
                Qnodes = data.Qnodes.Where(q => q.Dnode != id).ToList(),
                Snodes = data.Snodes.Where(q => q.Dnode != id).ToList(),
            };
        });
        return new AffectedRowsResult(0);
    }

    /// <summary>CREATE / DROP / RESTORE … ON DNODE n and RESTORE DNODE n.</summary>
    public AffectedRowsResult Execute(ComponentNodeStatement s)
    {
        switch (s.Action, s.Kind)
        {
            case (_, NodeKind.Bnode):
                // TDengine 3.3 has no bnode: nothing on the dnode handles the message.
                throw AdminErrors.MessageNotProcessed();
            case (NodeAction.Restore, _):
                // The community edition's mnode answers every RESTORE with success (mndProcessRestoreDnodeReqImpl).
                break;
            case (NodeAction.Create, NodeKind.Mnode):
                CreateMnode(s.Dnode);
                break;
            case (NodeAction.Drop, NodeKind.Mnode):
                DropMnode(s.Dnode);
                break;
            case (NodeAction.Create, _):
                nodes.Change(data => CreateComponent(data, s.Kind, s.Dnode));
                break;
            default:
                nodes.Change(data => DropComponent(data, s.Kind, s.Dnode));
                break;
        }
        return new AffectedRowsResult(0);
    }

    /// <summary>
    /// A qnode or snode (mndProcessCreateQnodeReq's checks): on an existing dnode; the mnode does not ask whether the
    /// dnode is online, its transaction then cannot reach an offline one and rolls back (0x000B).
    /// </summary>
    private static ClusterNodesData CreateComponent(ClusterNodesData data, NodeKind kind, long dnode)
    {
        var list = kind == NodeKind.Qnode ? data.Qnodes : data.Snodes;
        if (kind == NodeKind.Qnode && list.Any(n => n.Dnode == dnode)) throw AdminErrors.QnodeAlreadyExists();
        if (kind == NodeKind.Snode && list.Count > 0) throw AdminErrors.SnodeAlreadyExists();
        if (dnode != NodeSystemTables.DnodeId)
        {
            if (!data.Dnodes.Any(d => d.Id == dnode)) throw AdminErrors.DnodeNotExist();
            throw AdminErrors.NetworkUnavailable();
        }
        var node = new ComponentNode((int)dnode, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return kind == NodeKind.Qnode ? data with { Qnodes = [.. list, node] } : data with { Snodes = [.. list, node] };
    }

    private static ClusterNodesData DropComponent(ClusterNodesData data, NodeKind kind, long dnode)
    {
        if (dnode <= 0) throw AdminErrors.InvalidMessage();
        var list = kind == NodeKind.Qnode ? data.Qnodes : data.Snodes;
        if (!list.Any(n => n.Dnode == dnode)) throw kind == NodeKind.Qnode ? AdminErrors.QnodeNotThere() : AdminErrors.SnodeNotThere();
        var rest = list.Where(n => n.Dnode != dnode).ToList();
        return kind == NodeKind.Qnode ? data with { Qnodes = rest } : data with { Snodes = rest };
    }

    /// <summary>The mnode on dnode 1 exists; any other dnode is offline (mndProcessCreateMnodeReq's order of checks).</summary>
    private void CreateMnode(long dnode)
    {
        if (dnode == NodeSystemTables.DnodeId) throw AdminErrors.MnodeAlreadyExists();
        RequireOnline(nodes.Current, dnode);
    }

    /// <summary>Only dnode 1 has an mnode, and it leads.</summary>
    private static void DropMnode(long dnode)
    {
        if (dnode <= 0) throw AdminErrors.InvalidMessage();
        if (dnode != NodeSystemTables.DnodeId) throw AdminErrors.MnodeNotThere();
        throw AdminErrors.CannotDropLeader();
    }

    /// <summary>The dnode must exist (0x0331) and be online (0x0408): only dnode 1 is.</summary>
    private static void RequireOnline(ClusterNodesData data, long dnode)
    {
        if (dnode == NodeSystemTables.DnodeId) return;
        if (!data.Dnodes.Any(d => d.Id == dnode)) throw AdminErrors.DnodeNotExist();
        throw AdminErrors.DnodeOffline();
    }

    /// <summary>
    /// The <c>fqdn:port</c> an endpoint names, checked as TDengine's AST builder does (checkAndSplitEndpoint): too long
    /// is 0x2610, a port outside 1..65534 0x2612, no port means 6030; an empty host is the mnode's 0x03B3.
    /// </summary>
    private static string Endpoint(string written, long? portClause)
    {
        string ep = written.Trim();
        if (System.Text.Encoding.UTF8.GetByteCount(ep) >= MaxEndpointBytes) throw AdminErrors.NameTooLong();
        int colon = ep.IndexOf(':', StringComparison.Ordinal);
        string fqdn = portClause is null && colon >= 0 ? ep[..colon] : ep;
        long port = portClause ?? (colon >= 0 ? LeadingNumber(ep[(colon + 1)..]) : NodeSystemTables.ServerPort);
        if (port is <= 0 or >= ushort.MaxValue) throw AdminErrors.InvalidPort();
        if (fqdn.Length == 0) throw AdminErrors.InvalidDnodeEndpoint();
        return fqdn + ":" + port.ToString(CultureInfo.InvariantCulture);
    }

    private static long LeadingNumber(string text)
    {
        int end = 0;
        while (end < text.Length && end < 9 && char.IsAsciiDigit(text[end])) end++;
        return end == 0 ? 0 : long.Parse(text[..end], CultureInfo.InvariantCulture);
    }
}
