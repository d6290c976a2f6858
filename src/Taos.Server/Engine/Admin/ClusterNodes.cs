using System.Text.Json;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Admin;

/// <summary>A dnode created with CREATE DNODE: never reachable from the embedded server, so always offline.</summary>
/// <param name="Id">Its id (ids are never handed out twice).</param>
/// <param name="Endpoint">Its <c>fqdn:port</c>.</param>
/// <param name="CreateTime">When it was created (ms since the epoch).</param>
internal sealed record CreatedDnode(int Id, string Endpoint, long CreateTime);

/// <summary>A qnode or snode: the dnode it runs on and when it was created (ms since the epoch).</summary>
internal sealed record ComponentNode(int Dnode, long CreateTime);

/// <summary>What <see cref="ClusterNodes"/> keeps durably, as one JSON setting of the store.</summary>
internal sealed record ClusterNodesData(IReadOnlyList<CreatedDnode> Dnodes, IReadOnlyList<ComponentNode> Qnodes, IReadOnlyList<ComponentNode> Snodes,
    int NextDnodeId);

/// <summary>
/// The cluster's nodes beyond the embedded server's own dnode 1 (which is also the only mnode): the dnodes CREATE DNODE
/// added (offline for good: nothing answers at their endpoints), and the qnodes and snodes CREATE QNODE / SNODE put on
/// a dnode. Every change is stored at once (<see cref="IStoreMaintenance.SaveSetting"/>) and survives restarts.
/// Thread-safe.
/// </summary>
internal sealed class ClusterNodes
{
    private const string SettingKey = "cluster_nodes";
    private const int FirstCreatedDnodeId = 2;

    private readonly IStoreMaintenance _store;
    private readonly Lock _lock = new();
    private ClusterNodesData _data;

    /// <summary>Loads the nodes <paramref name="store"/> keeps (none the first time).</summary>
    public ClusterNodes(IStoreMaintenance store)
    {
        _store = store;
        string? json = store.LoadSetting(SettingKey);
        _data = json is null ? new ClusterNodesData([], [], [], FirstCreatedDnodeId)
            : JsonSerializer.Deserialize<ClusterNodesData>(json) ?? throw new InvalidDataException("cluster_nodes holds nothing");
    }

    /// <summary>The nodes as they are now.</summary>
    public ClusterNodesData Current
    {
        get
        {
            lock (_lock) return _data;
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the nodes as they are (it may throw to refuse) and stores the result;
    /// changes are serialized.
    /// </summary>
    public void Change(Func<ClusterNodesData, ClusterNodesData> change)
    {
        lock (_lock)
        {
            var next = change(_data);
            _store.SaveSetting(SettingKey, JsonSerializer.Serialize(next));
            _data = next;
        }
    }
}
