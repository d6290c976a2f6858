using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// <c>information_schema.ins_topics</c> (also what SHOW TOPICS lists), built from the stored topics with TDengine
/// 3.3's columns; <c>sql</c> is VARCHAR 2048 as the recorded REST answers report it.
/// </summary>
internal static class TopicSystemTables
{
    /// <summary>The columns of ins_topics.</summary>
    public static IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new("topic_name", TaosDataType.VarChar, 192), new("db_name", TaosDataType.VarChar, 64), new("create_time", TaosDataType.Timestamp, 8),
        new("sql", TaosDataType.VarChar, 2048), new("schema", TaosDataType.VarChar, 16384), new("meta", TaosDataType.VarChar, 4),
        new("type", TaosDataType.VarChar, 8),
    ];

    /// <summary>One row per topic, in creation order; <c>schema</c> is not kept (NULL).</summary>
    public static IReadOnlyList<object?[]> Rows(ICatalogReader catalog) =>
        catalog.Topics().Select(t => new object?[] { t.Name, t.Database, t.CreateTime, t.Sql, null, t.WithMeta ? "yes" : "no", t.TypeText }).ToList();
}
