using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Query;

/// <summary>
/// The SHOW statements TDengine answers as a projection of a system table the embedded server has
/// [src parTranslater.c sysTableShowAdapter]: <c>SHOW FUNCTIONS</c> is <c>select name from
/// information_schema.ins_functions</c>, <c>SHOW CONNECTIONS</c> is <c>select * from
/// performance_schema.perf_connections</c>, and so on.
/// </summary>
internal static class SystemTableShows
{
    private static readonly Dictionary<string, string> Queries = new(StringComparer.Ordinal)
    {
        ["functions"] = "select name from information_schema.ins_functions",
        ["streams"] = "select stream_name from information_schema.ins_streams",
        ["connections"] = "select * from performance_schema.perf_connections",
        ["queries"] = "select * from performance_schema.perf_queries",
        ["apps"] = "select * from performance_schema.perf_apps",
        ["transactions"] = "select * from performance_schema.perf_trans",
    };

    /// <summary>Whether <paramref name="show"/> is one of them.</summary>
    public static bool Has(ShowStatement show) => Queries.ContainsKey(show.What);

    /// <summary>The SELECT that answers <paramref name="show"/> (one <see cref="Has"/> accepts).</summary>
    public static SelectStatement Select(ShowStatement show) => (SelectStatement)SqlParser.Parse(Queries[show.What]);
}
