using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// <c>information_schema.ins_tsmas</c> (SHOW TSMAS lists it): one row per TSMA as TDengine 3.3.0.1's mnode fills it
/// (mndRetrieveTSMA): the TSMA, its database and table, the target database and the result super table TDengine
/// names <c>&lt;tsma&gt;_tsma_res_stb_</c>, the stream (named like the TSMA), the creation time, the interval in the
/// database's precision (<c>300000a</c>), the statement and the function list.
/// </summary>
internal static class TsmaSystemTable
{
    /// <summary>The columns of ins_tsmas, with the lengths REST reports.</summary>
    public static IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new("tsma_name", TaosDataType.VarChar, 192), new("db_name", TaosDataType.VarChar, 64), new("table_name", TaosDataType.VarChar, 192),
        new("target_db", TaosDataType.VarChar, 64), new("target_stb", TaosDataType.VarChar, 192), new("stream_name", TaosDataType.VarChar, 64),
        new("create_time", TaosDataType.Timestamp, 8), new("interval", TaosDataType.VarChar, 64), new("create_sql", TaosDataType.VarChar, 1024),
        new("func_list", TaosDataType.VarChar, 1024),
    ];

    /// <summary>One row per TSMA.</summary>
    public static IReadOnlyList<object?[]> Rows(ICatalogReader catalog) =>
        catalog.Tsmas().Select(t => new object?[]
        {
            t.Name, t.Database, t.Table, t.Database, t.Name + "_tsma_res_stb_", t.Name, t.CreateTime, t.IntervalText, t.Sql,
            string.Join(",", t.Functions),
        }).ToList();
}
