using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// <c>information_schema.ins_streams</c> (SHOW STREAMS lists its <c>stream_name</c>), with TDengine 3.3.0's columns
/// (systable.c <c>streamSchema</c>) and the values its mnode fills in (mndStream.c): status <c>ready</c> or
/// <c>paused</c>, sink_quota <c>0</c>, history_scan_idle <c>100a</c>; watermark in ms.
/// </summary>
internal static class StreamSystemTables
{
    /// <summary>The columns of ins_streams.</summary>
    public static IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new("stream_name", TaosDataType.VarChar, 192), new("create_time", TaosDataType.Timestamp, 8), new("sql", TaosDataType.VarChar, 1024),
        new("status", TaosDataType.VarChar, 20), new("source_db", TaosDataType.VarChar, 64), new("target_db", TaosDataType.VarChar, 64),
        new("target_table", TaosDataType.VarChar, 192), new("watermark", TaosDataType.BigInt, 8), new("trigger", TaosDataType.VarChar, 20),
        new("sink_quota", TaosDataType.VarChar, 20), new("history_scan_idle", TaosDataType.VarChar, 20),
    ];

    /// <summary>One row per stream, in creation order.</summary>
    public static IReadOnlyList<object?[]> Rows(ICatalogReader catalog) =>
        catalog.Streams().Select(s => new object?[]
        {
            s.Name, s.CreateTime, s.Sql, s.Paused ? "paused" : "ready", s.SourceDatabase, s.TargetDatabase, s.TargetTable, s.WatermarkMs,
            s.TriggerText, "0", "100a",
        }).ToList();
}
