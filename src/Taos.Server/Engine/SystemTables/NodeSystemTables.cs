using Taos.Server.Engine.Admin;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// The node tables of <c>information_schema</c> with TDengine 3.3's columns (systable.c: ins_dnodes, ins_mnodes,
/// ins_qnodes, ins_snodes, ins_vnodes, ins_arbgroups) as a single-node community server has them: one dnode (id 1)
/// that is also the only mnode (the leader) and holds every vnode, the dnodes CREATE DNODE added (offline: nothing
/// answers at their endpoints) and the qnodes and snodes CREATE QNODE / SNODE made (<see cref="ClusterNodes"/>); no
/// arbitrator group. Widths are what REST reports (the schema's bytes less the 2-byte header).
/// </summary>
internal static class NodeSystemTables
{
    /// <summary>The id of the one dnode (and mnode).</summary>
    public const int DnodeId = 1;

    /// <summary>TDengine's default server port, which names a dnode's endpoint (<c>fqdn:6030</c>).</summary>
    public const int ServerPort = 6030;

    /// <summary>TSDB_EP_LEN: an FQDN (128) and a port.</summary>
    private const int EndpointLength = 134;

    /// <summary>The host name the dnode's endpoint names (TDengine's <c>fqdn</c>): the machine's, as the system reports it.</summary>
    public static string Fqdn { get; } = System.Net.Dns.GetHostName();

    /// <summary>The dnode's endpoint: this machine's host name and TDengine's default port, as TDengine shows <c>fqdn:6030</c>.</summary>
    public static string Endpoint { get; } = Fqdn + ":" + ServerPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The columns of ins_dnodes (the community edition's: no machine_id).</summary>
    public static IReadOnlyList<ResultColumn> DnodeColumns { get; } =
    [
        new("id", TaosDataType.Int, 4), new("endpoint", TaosDataType.VarChar, EndpointLength), new("vnodes", TaosDataType.SmallInt, 2),
        new("support_vnodes", TaosDataType.SmallInt, 2), new("status", TaosDataType.VarChar, 10), new("create_time", TaosDataType.Timestamp, 8),
        new("reboot_time", TaosDataType.Timestamp, 8), new("note", TaosDataType.VarChar, 256),
    ];

    /// <summary>The columns of ins_mnodes.</summary>
    public static IReadOnlyList<ResultColumn> MnodeColumns { get; } =
    [
        new("id", TaosDataType.Int, 4), new("endpoint", TaosDataType.VarChar, EndpointLength), new("role", TaosDataType.VarChar, 12),
        new("status", TaosDataType.VarChar, 9), new("create_time", TaosDataType.Timestamp, 8), new("role_time", TaosDataType.Timestamp, 8),
    ];

    /// <summary>The columns of ins_qnodes and of ins_snodes (the same).</summary>
    public static IReadOnlyList<ResultColumn> QnodeColumns { get; } =
    [
        new("id", TaosDataType.Int, 4), new("endpoint", TaosDataType.VarChar, EndpointLength), new("create_time", TaosDataType.Timestamp, 8),
    ];

    /// <summary>The columns of ins_vnodes.</summary>
    public static IReadOnlyList<ResultColumn> VnodeColumns { get; } =
    [
        new("dnode_id", TaosDataType.Int, 4), new("vgroup_id", TaosDataType.Int, 4), new("db_name", TaosDataType.VarChar, 64),
        new("status", TaosDataType.VarChar, 9), new("role_time", TaosDataType.Timestamp, 8), new("start_time", TaosDataType.Timestamp, 8),
        new("restored", TaosDataType.Bool, 1),
    ];

    /// <summary>The columns of ins_arbgroups.</summary>
    public static IReadOnlyList<ResultColumn> ArbgroupColumns { get; } =
    [
        new("db_name", TaosDataType.VarChar, 64), new("vgroup_id", TaosDataType.Int, 4), new("v1_dnode", TaosDataType.SmallInt, 2),
        new("v2_dnode", TaosDataType.SmallInt, 2), new("is_sync", TaosDataType.SmallInt, 2), new("assigned_dnode", TaosDataType.SmallInt, 2),
        new("assigned_token", TaosDataType.VarChar, 32), new("assigned_acked", TaosDataType.SmallInt, 2),
    ];

    /// <summary>
    /// TDengine's default <c>supportVnodes</c> for this machine: twice the cores plus 5 [dmUtil: tsNumOfCores * 2 + 5],
    /// at most 4096.
    /// </summary>
    public static short SupportVnodes => (short)Math.Min(Environment.ProcessorCount * 2 + 5, 4096);

    /// <summary>
    /// Dnode 1: ready, holding every vnode, created with the data directory, rebooted when this server started; then
    /// the created dnodes: offline, never started (reboot time 0), no vnodes, as the mnode shows a dnode whose status
    /// it never received.
    /// </summary>
    public static IReadOnlyList<object?[]> DnodeRows(ICatalogReader catalog)
    {
        var rows = new List<object?[]>
        {
            new object?[] { DnodeId, Endpoint, (short)VnodeRows(catalog).Count, SupportVnodes, "ready", ClusterIdentity.CreateTime(catalog), ClusterIdentity.StartTime, "" },
        };
        foreach (var dnode in AdminState.Of(catalog)?.Nodes.Current.Dnodes ?? [])
        {
            rows.Add([dnode.Id, dnode.Endpoint, (short)0, (short)0, "offline", dnode.CreateTime, 0L, "status not received"]);
        }
        return rows;
    }

    /// <summary>The qnodes, by dnode: id (the dnode's), endpoint, create time.</summary>
    public static IReadOnlyList<object?[]> QnodeRows(ICatalogReader catalog) =>
        ComponentRows(catalog, AdminState.Of(catalog)?.Nodes.Current.Qnodes ?? []);

    /// <summary>The snodes, as <see cref="QnodeRows"/>.</summary>
    public static IReadOnlyList<object?[]> SnodeRows(ICatalogReader catalog) =>
        ComponentRows(catalog, AdminState.Of(catalog)?.Nodes.Current.Snodes ?? []);

    private static List<object?[]> ComponentRows(ICatalogReader catalog, IReadOnlyList<ComponentNode> nodes)
    {
        var endpoints = DnodeRows(catalog).ToDictionary(r => (int)r[0]!, r => (string)r[1]!);
        return nodes.OrderBy(n => n.Dnode).Select(n => new object?[] { n.Dnode, endpoints.GetValueOrDefault(n.Dnode), n.CreateTime }).ToList();
    }

    /// <summary>The one mnode: the leader since this server started.</summary>
    public static IReadOnlyList<object?[]> MnodeRows(ICatalogReader catalog) =>
    [
        [DnodeId, Endpoint, "leader", "ready", ClusterIdentity.CreateTime(catalog), ClusterIdentity.StartTime],
    ];

    /// <summary>One vnode per vgroup (the single dnode leads each), databases in creation order.</summary>
    public static IReadOnlyList<object?[]> VnodeRows(ICatalogReader catalog)
    {
        var rows = new List<object?[]>();
        foreach (var database in catalog.Databases())
        {
            foreach (int id in Vgroups.Ids(catalog, database))
            {
                rows.Add([DnodeId, id, database.Name, "leader", ClusterIdentity.StartTime, ClusterIdentity.StartTime, true]);
            }
        }
        return rows;
    }
}
