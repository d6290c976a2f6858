using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Users;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// <c>information_schema.ins_users</c> (also what SHOW USERS lists) and <c>ins_user_privileges</c>, built from the
/// stored users with TDengine 3.3's columns: names are VARCHAR 24 (TSDB_USER_LEN), database and table names 65
/// and 193 (the mnode's own lengths, one more than elsewhere).
/// </summary>
internal static class UserSystemTables
{
    /// <summary>The columns of ins_users.</summary>
    public static IReadOnlyList<ResultColumn> UserColumns { get; } =
    [
        new("name", TaosDataType.VarChar, 24), new("super", TaosDataType.TinyInt, 1), new("enable", TaosDataType.TinyInt, 1),
        new("sysinfo", TaosDataType.TinyInt, 1), new("createdb", TaosDataType.TinyInt, 1), new("create_time", TaosDataType.Timestamp, 8),
        new("allowed_host", TaosDataType.VarChar, 49152),
    ];

    /// <summary>The columns of ins_user_privileges.</summary>
    public static IReadOnlyList<ResultColumn> PrivilegeColumns { get; } =
    [
        new("user_name", TaosDataType.VarChar, 24), new("privilege", TaosDataType.VarChar, 10), new("db_name", TaosDataType.VarChar, 65),
        new("table_name", TaosDataType.VarChar, 193), new("condition", TaosDataType.VarChar, 49152), new("notes", TaosDataType.VarChar, 64),
    ];

    /// <summary>One row per user, in creation order.</summary>
    public static IReadOnlyList<object?[]> UserRows(ICatalogReader catalog) =>
        catalog.Users().Select(u => new object?[]
        {
            u.Name, (sbyte)(u.Super ? 1 : 0), u.Enable, u.SysInfo, (sbyte)(u.Super ? 1 : 0), u.CreateTime, string.Join(", ", u.Hosts),
        }).ToList();

    /// <summary>
    /// Per user: the super user's single <c>all</c> row, then database reads, database writes, table reads, table
    /// writes, table alters and topic subscriptions, the mnode's order (mndRetrievePrivileges).
    /// </summary>
    public static IReadOnlyList<object?[]> PrivilegeRows(ICatalogReader catalog)
    {
        var rows = new List<object?[]>();
        foreach (var user in catalog.Users())
        {
            if (user.Super)
            {
                rows.Add([user.Name, "all", "all", "", "", ""]);
            }
            var ordered = user.Grants.OrderBy(g => g.Privilege == "subscribe" ? 2 : g.Table.Length == 0 ? 0 : 1)
                .ThenBy(g => g.Privilege switch { "read" => 0, "write" => 1, _ => 2 });
            rows.AddRange(ordered.Select(g => new object?[] { user.Name, g.Privilege, g.Database, g.Table, g.Condition, "" }));
        }
        return rows;
    }
}
