using Taos.Server.Engine.Admin;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// The rows of <c>performance_schema.perf_connections</c> and <c>perf_queries</c> (SHOW CONNECTIONS, SHOW QUERIES):
/// the connections the endpoints serve and the statements they run now (<see cref="ConnectionRegistry"/>).
/// </summary>
internal static class ConnectionSystemTables
{
    /// <summary>One row per open connection: id, user, app, pid, endpoint, login time, last access.</summary>
    public static IReadOnlyList<object?[]> ConnectionRows(ICatalogReader catalog) =>
        (AdminState.Of(catalog)?.Connections.Connections() ?? [])
            .Select(c => new object?[] { c.Id, c.User, c.App, c.Pid, c.Endpoint, c.LoginTime, c.LoginTime })
            .ToList();

    /// <summary>
    /// One row per running statement: kill id, query id, connection id, its app, pid, user and endpoint, start
    /// time, microseconds so far, no super-table flag, one sub-task, the statement.
    /// </summary>
    public static IReadOnlyList<object?[]> QueryRows(ICatalogReader catalog)
    {
        var state = AdminState.Of(catalog);
        if (state is null) return [];
        var connections = state.Connections.Connections().ToDictionary(c => c.Id);
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var rows = new List<object?[]>();
        foreach (var q in state.Connections.Queries())
        {
            if (!connections.TryGetValue(q.ConnectionId, out var c)) continue;
            rows.Add([q.KillId, q.Id, c.Id, c.App, c.Pid, c.User, c.Endpoint, q.CreateTime, (now - q.CreateTime) * 1000, (sbyte)0, 1, "", q.Sql]);
        }
        return rows;
    }
}
