using Taos.Protocol;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// <c>information_schema.ins_cluster</c>, <c>ins_grants</c> (what SHOW GRANTS and SHOW LICENCES list),
/// <c>ins_compacts</c> and <c>ins_compact_details</c> with TDengine 3.3's columns (systable.c, tgrant.h): the cluster
/// row of <see cref="ClusterIdentity"/>, the community edition's single grants row (everything unlimited, never
/// expiring), and no compactions (the embedded server runs none).
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
