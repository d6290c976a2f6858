using Taos.Server.Engine.Catalog;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Query;

/// <summary>
/// The SHOW statements TDengine answers as a projection of a system table [src parTranslater.c
/// sysTableShowAdapter]: <c>SHOW FUNCTIONS</c> is <c>select name from information_schema.ins_functions</c>,
/// <c>SHOW DNODES</c> is <c>select * from information_schema.ins_dnodes</c>, <c>SHOW VGROUPS</c> is
/// <c>select * from information_schema.ins_vgroups</c> for the named (or current) database, and so on.
/// <c>SHOW BNODES</c> names <c>ins_bnodes</c>, which TDengine 3.3 does not have: it fails as TDengine's does, with
/// "Table does not exist".
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
        ["dnodes"] = "select * from information_schema.ins_dnodes",
        ["mnodes"] = "select * from information_schema.ins_mnodes",
        ["qnodes"] = "select * from information_schema.ins_qnodes",
        ["snodes"] = "select * from information_schema.ins_snodes",
        ["bnodes"] = "select * from information_schema.ins_bnodes",
        ["vnodes"] = "select * from information_schema.ins_vnodes",
        ["cluster"] = "select * from information_schema.ins_cluster",
        ["licences"] = "select * from information_schema.ins_grants",
        ["grants"] = "select * from information_schema.ins_grants",
        ["variables"] = "select * from information_schema.ins_configs",
        ["arbgroups"] = "select * from information_schema.ins_arbgroups",
        ["compacts"] = "select * from information_schema.ins_compacts",
    };

    /// <summary>Whether <paramref name="show"/> is one of them.</summary>
    public static bool Has(ShowStatement show) => show.What is "vgroups" or "dnode variables" || Queries.ContainsKey(show.What);

    /// <summary>
    /// The SELECT that answers <paramref name="show"/> (one <see cref="Has"/> accepts): SHOW VGROUPS without a
    /// database takes <paramref name="session"/>'s, and without either fails as TDengine does (0x2616), as it does for
    /// a database <paramref name="catalog"/> does not have (904 Database not exist);
    /// <c>SHOW DNODE n VARIABLES [LIKE p]</c> and <c>SHOW VNODES ON DNODE n</c> keep that dnode's rows.
    /// </summary>
    public static SelectStatement Select(ShowStatement show, SqlSession session, ICatalogReader catalog)
    {
        string sql = show.What switch
        {
            "vgroups" => "select * from information_schema.ins_vgroups where db_name = " + Quote(VgroupsDatabase(show, session, catalog)),
            "dnode variables" => "select * from information_schema.ins_dnode_variables where dnode_id = " + Number(show.Dnode.GetValueOrDefault())
                + (show.Like is { } like ? " and name like " + Quote(like) : ""),
            "vnodes" when show.Dnode is { } dnode => Queries["vnodes"] + " where dnode_id = " + Number(dnode),
            _ => Queries[show.What],
        };
        return (SelectStatement)SqlParser.Parse(sql);
    }

    private static string VgroupsDatabase(ShowStatement show, SqlSession session, ICatalogReader catalog)
    {
        string database = show.Database ?? session.Database
            ?? throw new TaosServerException(ServerErrorCode.DatabaseNotSpecified, "Database not specified");
        return catalog.FindDatabase(database) is null ? throw CatalogResolver.DatabaseNotExist() : database;
    }

    private static string Number(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A string literal holding <paramref name="text"/> exactly (the lexer's escapes undone).</summary>
    private static string Quote(string text) =>
        "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
