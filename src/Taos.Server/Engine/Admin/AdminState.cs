using System.Runtime.CompilerServices;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.SystemTables;

namespace Taos.Server.Engine.Admin;

/// <summary>
/// The cluster state the administration statements change, one per store: the created nodes (durable), the runtime
/// configuration, the running compactions and the live connections and queries. The system tables reach it from the
/// catalog they read (<see cref="Of"/>).
/// </summary>
internal sealed class AdminState
{
    private static readonly ConditionalWeakTable<IStore, AdminState> States = [];

    private AdminState(IStore store)
    {
        Nodes = new ClusterNodes(store);
        Compacts = new CompactRegistry(store);
    }

    /// <summary>The dnodes, qnodes and snodes beyond dnode 1.</summary>
    public ClusterNodes Nodes { get; }

    /// <summary>The configuration changed at runtime.</summary>
    public RuntimeConfig Config { get; } = new();

    /// <summary>The compactions under way.</summary>
    public CompactRegistry Compacts { get; }

    /// <summary>The live connections and the queries they run.</summary>
    public ConnectionRegistry Connections { get; } = new();

    /// <summary>The state of <paramref name="store"/> (created the first time).</summary>
    public static AdminState For(IStore store) => States.GetValue(store, s => new AdminState(s));

    /// <summary>The state behind <paramref name="catalog"/> when it is a store (or reads one), else null.</summary>
    public static AdminState? Of(ICatalogReader catalog) => catalog switch
    {
        IStore store => For(store),
        ConsumerCatalog consumers => For(consumers.Store),
        _ => null,
    };
}
