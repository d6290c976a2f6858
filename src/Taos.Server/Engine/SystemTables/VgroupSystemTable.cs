using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// <c>information_schema.ins_vgroups</c> with TDengine 3.3's columns (systable.c): one row per vgroup of every
/// database, with the tables (child and normal) it holds; the single dnode (1) leads every vgroup.
/// </summary>
internal static class VgroupSystemTable
{
    /// <summary>The columns of ins_vgroups.</summary>
    public static IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new("vgroup_id", TaosDataType.Int, 4), new("db_name", TaosDataType.VarChar, 64), new("tables", TaosDataType.Int, 4),
        new("v1_dnode", TaosDataType.SmallInt, 2), new("v1_status", TaosDataType.VarChar, 9),
        new("v2_dnode", TaosDataType.SmallInt, 2), new("v2_status", TaosDataType.VarChar, 9),
        new("v3_dnode", TaosDataType.SmallInt, 2), new("v3_status", TaosDataType.VarChar, 9),
        new("v4_dnode", TaosDataType.SmallInt, 2), new("v4_status", TaosDataType.VarChar, 9),
        new("cacheload", TaosDataType.Int, 4), new("cacheelements", TaosDataType.Int, 4), new("tsma", TaosDataType.TinyInt, 1),
    ];

    /// <summary>One row per vgroup, databases in creation order, vgroups by id.</summary>
    public static IReadOnlyList<object?[]> Rows(ICatalogReader catalog)
    {
        var rows = new List<object?[]>();
        foreach (var database in catalog.Databases())
        {
            var counts = catalog.Tables(database.Name).Where(t => t.Kind != TableKind.Super)
                .GroupBy(t => Vgroups.Of(catalog, database, t.Name)).ToDictionary(g => g.Key, g => g.Count());
            foreach (int id in Vgroups.Ids(catalog, database))
            {
                rows.Add([id, database.Name, counts.GetValueOrDefault(id), (short)1, "leader", null, null, null, null, null, null, 0, 0, (sbyte)0]);
            }
        }
        return rows;
    }
}
