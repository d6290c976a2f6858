using Taos.Protocol;
using Taos.Server.Engine.Admin;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// <c>information_schema.ins_cluster</c>, <c>ins_grants</c> (what SHOW GRANTS and SHOW LICENCES list),
/// <c>ins_compacts</c> and <c>ins_compact_details</c> with TDengine 3.3's columns (systable.c, tgrant.h): the cluster
/// row of <see cref="ClusterIdentity"/>, the community edition's single grants row (everything unlimited, never
/// expiring), the compactions under way (<see cref="CompactRegistry"/>), and the community edition's empty
/// <c>ins_grants_full</c> and <c>ins_grants_logs</c> (SHOW GRANTS FULL, SHOW GRANTS LOGS).
/// </summary>
internal static class ClusterSystemTables
{
    private const string Unlimited = "unlimited";

    /// <summary>The columns of ins_cluster.</summary>
    public static IReadOnlyList<ResultColumn> ClusterColumns { get; } =
    [
        new("id", TaosDataType.BigInt, 8), new("name", TaosDataType.VarChar, 40), new("uptime", TaosDataType.Int, 4),
        new("create_time", TaosDataType.Timestamp, 8), new("version", TaosDataType.VarChar, 10), new("expire_time", TaosDataType.Timestamp, 8),
    ];

    /// <summary>The columns of ins_grants: the community edition's (no connector grants).</summary>
    public static IReadOnlyList<ResultColumn> GrantColumns { get; } =
    [
        new("version", TaosDataType.VarChar, 9), new("expire_time", TaosDataType.VarChar, 19), new("expired", TaosDataType.VarChar, 5),
        new("storage", TaosDataType.VarChar, 21), new("timeseries", TaosDataType.VarChar, 21), new("databases", TaosDataType.VarChar, 10),
        new("users", TaosDataType.VarChar, 10), new("accounts", TaosDataType.VarChar, 10), new("dnodes", TaosDataType.VarChar, 10),
        new("connections", TaosDataType.VarChar, 11), new("streams", TaosDataType.VarChar, 9), new("cpu_cores", TaosDataType.VarChar, 9),
        new("speed", TaosDataType.VarChar, 9), new("querytime", TaosDataType.VarChar, 9),
    ];

    /// <summary>The columns of ins_compacts.</summary>
    public static IReadOnlyList<ResultColumn> CompactColumns { get; } =
    [
        new("compact_id", TaosDataType.Int, 4), new("db_name", TaosDataType.VarChar, 64), new("start_time", TaosDataType.Timestamp, 8),
    ];

    /// <summary>The columns of ins_compact_details.</summary>
    public static IReadOnlyList<ResultColumn> CompactDetailColumns { get; } =
    [
        new("compact_id", TaosDataType.Int, 4), new("vgroup_id", TaosDataType.Int, 4), new("dnode_id", TaosDataType.Int, 4),
        new("number_fileset", TaosDataType.Int, 4), new("finished", TaosDataType.Int, 4), new("start_time", TaosDataType.Timestamp, 8),
    ];

    /// <summary>The columns of ins_grants_full.</summary>
    public static IReadOnlyList<ResultColumn> GrantFullColumns { get; } =
    [
        new("grant_name", TaosDataType.VarChar, 32), new("display_name", TaosDataType.VarChar, 256), new("expire", TaosDataType.VarChar, 32),
        new("limits", TaosDataType.VarChar, 512),
    ];

    /// <summary>The columns of ins_grants_logs (machine: TSDB_GRANT_LOG_COL_LEN).</summary>
    public static IReadOnlyList<ResultColumn> GrantLogColumns { get; } =
    [
        new("state", TaosDataType.VarChar, 1536), new("active", TaosDataType.VarChar, 512), new("machine", TaosDataType.VarChar, 15600),
    ];

    /// <summary>The columns of ins_machines (id: TSDB_CLUSTER_ID_LEN + 1).</summary>
    public static IReadOnlyList<ResultColumn> MachineColumns { get; } =
    [
        new("id", TaosDataType.VarChar, 41), new("machine", TaosDataType.VarChar, 7552),
    ];

    /// <summary>
    /// The columns of ins_encryptions (SHOW ENCRYPTIONS). TDengine 3.3.0.1's community edition has no rows
    /// (mndGrant.c's mndRetrieveEncryptions returns none), nor has this server.
    /// </summary>
    public static IReadOnlyList<ResultColumn> EncryptionColumns { get; } =
    [
        new("dnode_id", TaosDataType.Int, 4), new("key_status", TaosDataType.VarChar, 12),
    ];

    /// <summary>One row per compaction under way: id, database, start time.</summary>
    public static IReadOnlyList<object?[]> CompactRows(ICatalogReader catalog) =>
        (AdminState.Of(catalog)?.Compacts.Running() ?? []).Select(c => new object?[] { c.Id, c.Database, c.StartTime }).ToList();

    /// <summary>One row per compaction under way and vgroup: on dnode 1, not finished yet.</summary>
    public static IReadOnlyList<object?[]> CompactDetailRows(ICatalogReader catalog) =>
        (AdminState.Of(catalog)?.Compacts.Running() ?? [])
            .SelectMany(c => c.Vgroups.Select(v => new object?[] { c.Id, v, NodeSystemTables.DnodeId, 0, 0, c.StartTime }))
            .ToList();

    /// <summary>The cluster's one row; a community cluster never expires (expire_time NULL).</summary>
    public static IReadOnlyList<object?[]> ClusterRows(ICatalogReader catalog) =>
    [
        [ClusterIdentity.Id(catalog), ClusterIdentity.Name(catalog), ClusterIdentity.Uptime, ClusterIdentity.CreateTime(catalog),
            RestProtocol.ServerVersion, null],
    ];

    /// <summary>The community edition's grants row: version "community", never expired, every limit unlimited.</summary>
    public static IReadOnlyList<object?[]> GrantRows()
    {
        var row = new object?[GrantColumns.Count];
        row[0] = "community";
        row[1] = Unlimited;
        row[2] = "false";
        for (int i = 3; i < row.Length; i++)
        {
            row[i] = Unlimited;
        }
        return [row];
    }
}
