using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// <c>information_schema.ins_views</c> with TDengine 3.3's columns [src systable.c userViewsSchema]: the view, its
/// database, the user who created it, when, its type (<c>NORMAL </c>, with the mnode's trailing blank), the query as
/// written after AS (cut to the column's 1024 characters, as the mnode cuts it); parameters, default values and target
/// table are NULL for the views CREATE VIEW makes.
/// </summary>
internal static class ViewSystemTable
{
    /// <summary>The columns of ins_views.</summary>
    public static IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new("view_name", TaosDataType.VarChar, 192), new("db_name", TaosDataType.VarChar, 64), new("effective_user", TaosDataType.VarChar, 24),
        new("create_time", TaosDataType.Timestamp, 8), new("type", TaosDataType.VarChar, 128), new("query_sql", TaosDataType.VarChar, 1024),
        new("parameters", TaosDataType.VarChar, 2048), new("default_values", TaosDataType.VarChar, 2048), new("target_table", TaosDataType.VarChar, 192),
    ];

    /// <summary>One row per view, in creation order.</summary>
    public static IReadOnlyList<object?[]> Rows(ICatalogReader catalog) =>
        catalog.Views().Select(v => new object?[] { v.Name, v.Database, v.Owner, v.CreateTime, "NORMAL ", Cut(v.QuerySql), null, null, null }).ToList();

    private static string Cut(string sql) => sql.Length > 1024 ? sql[..1024] : sql;
}
