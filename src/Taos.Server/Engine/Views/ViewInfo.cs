namespace Taos.Server.Engine.Views;

/// <summary>One column of a view's result, as DESCRIBE shows it.</summary>
internal sealed record ViewColumn(string Name, TaosDataType Type, int Length);

/// <summary>
/// One stored view: its database and name, the user who created (or last replaced) it (ins_views'
/// <c>effective_user</c>), the query as written after AS (read again each time the view is read, with
/// <see cref="Database"/> as the default database), the result columns when it was created, and when.
/// </summary>
internal sealed record ViewInfo(string Database, string Name, string Owner, string QuerySql, IReadOnlyList<ViewColumn> Columns, long CreateTime);
