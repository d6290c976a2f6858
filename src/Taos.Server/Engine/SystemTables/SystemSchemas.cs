using System.Globalization;
using Taos.Protocol;
using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// The <c>information_schema</c> tables a client reads most (ins_databases, ins_stables, ins_tables, ins_columns,
/// ins_tags), built from the catalog with TDengine's column names and types; <c>performance_schema</c> tables are
/// empty. Lengths are what REST reports for TDengine's system schemas.
/// </summary>
internal static class SystemSchemas
{
    public const string InformationSchema = "information_schema";
    public const string PerformanceSchema = "performance_schema";

    public static bool IsSystemDatabase(string db) => db is InformationSchema or PerformanceSchema;

    private static ResultColumn V(string name, int length) => new(name, TaosDataType.VarChar, length);
    private static ResultColumn I(string name) => new(name, TaosDataType.Int, 4);
    private static ResultColumn B(string name) => new(name, TaosDataType.BigInt, 8);
    private static ResultColumn T(string name) => new(name, TaosDataType.Timestamp, 8);
    private static ResultColumn TI(string name) => new(name, TaosDataType.TinyInt, 1);
    private static ResultColumn SI(string name) => new(name, TaosDataType.SmallInt, 2);

    /// <summary>
    /// The system table's columns and rows (timestamps in ms), or null when there is no such table;
    /// <paramref name="zone"/> is the server's time zone (ins_configs shows it), UTC when not given.
    /// </summary>
    public static (IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows)? Open(string db, string table, ICatalogReader catalog,
        TimeZoneInfo? zone = null)
    {
        if (db == PerformanceSchema) return PerformanceTable(table, catalog);
        if (NodeOrClusterTable(table, catalog, zone ?? TimeZoneInfo.Utc) is { } node) return node;
        var databases = catalog.Databases();
        switch (table)
        {
            case "ins_databases":
                return InsDatabases(catalog, databases);
            case "ins_stables":
                return InsStables(catalog, databases);
            case "ins_tables":
                return InsTables(catalog, databases);
            case "ins_columns":
                return InsColumns(catalog, databases);
            case "ins_tags":
                return InsTags(catalog, databases);
            case "ins_users":
                return (UserSystemTables.UserColumns, UserSystemTables.UserRows(catalog));
            case "ins_user_privileges":
                return (UserSystemTables.PrivilegeColumns, UserSystemTables.PrivilegeRows(catalog));
            case "ins_indexes":
                return ([V("index_name", 192), V("db_name", 64), V("table_name", 192), I("vgroup_id"), T("create_time"), V("column_name", 192), V("index_type", 192)],
                    catalog.SmaIndexes().Select(i => new object?[] { i.Name, i.Database, i.Stable, i.VgroupId, i.CreateTime, "", "sma_index" })
                        .Concat(catalog.Tsmas().Select(t => new object?[] { t.Name, t.Database, t.Table, t.VgroupId, t.CreateTime, "", "sma_index" }))
                        .Concat(databases.SelectMany(d => catalog.Indexes(d.Name))
                        .Select(i => new object?[] { i.Name, i.Database, i.Stable, null, i.CreateTime, i.Tag, "tag_index" })).ToList());
            case "ins_topics":
                return (TopicSystemTables.Columns, TopicSystemTables.Rows(catalog));
            case "ins_views":
                return (ViewSystemTable.Columns, ViewSystemTable.Rows(catalog));
            case "ins_vgroups":
                return (VgroupSystemTable.Columns, VgroupSystemTable.Rows(catalog));
            case "ins_subscriptions":
                return (ConsumerSystemTables.SubscriptionColumns, ConsumerSystemTables.SubscriptionRows(catalog));
            case "ins_streams":
                return (StreamSystemTables.Columns, StreamSystemTables.Rows(catalog));
            case "ins_tsmas":
                return (TsmaSystemTable.Columns, TsmaSystemTable.Rows(catalog));
            case "ins_functions":
                return (FunctionSystemTable.Columns, FunctionSystemTable.Rows(catalog));
            default:
                return null;
        }
    }

    /// <summary>The tables of the cluster, its nodes and its configuration; null for any other name.</summary>
    private static (IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows)? NodeOrClusterTable(string table, ICatalogReader catalog,
        TimeZoneInfo zone) => table switch
    {
        "ins_dnodes" => (NodeSystemTables.DnodeColumns, NodeSystemTables.DnodeRows(catalog)),
        "ins_mnodes" => (NodeSystemTables.MnodeColumns, NodeSystemTables.MnodeRows(catalog)),
        "ins_qnodes" => (NodeSystemTables.QnodeColumns, NodeSystemTables.QnodeRows(catalog)),
        "ins_snodes" => (NodeSystemTables.QnodeColumns, NodeSystemTables.SnodeRows(catalog)),
        "ins_vnodes" => (NodeSystemTables.VnodeColumns, NodeSystemTables.VnodeRows(catalog)),
        "ins_arbgroups" => (NodeSystemTables.ArbgroupColumns, []),
        "ins_cluster" => (ClusterSystemTables.ClusterColumns, ClusterSystemTables.ClusterRows(catalog)),
        "ins_grants" => (ClusterSystemTables.GrantColumns, ClusterSystemTables.GrantRows()),
        "ins_compacts" => (ClusterSystemTables.CompactColumns, ClusterSystemTables.CompactRows(catalog)),
        "ins_compact_details" => (ClusterSystemTables.CompactDetailColumns, ClusterSystemTables.CompactDetailRows(catalog)),
        "ins_grants_full" => (ClusterSystemTables.GrantFullColumns, []),
        "ins_grants_logs" => (ClusterSystemTables.GrantLogColumns, []),
        "ins_machines" => (ClusterSystemTables.MachineColumns, []),
        "ins_encryptions" => (ClusterSystemTables.EncryptionColumns, []),
        "ins_configs" => (ConfigSystemTables.ConfigColumns, ConfigSystemTables.ConfigRows(zone)),
        "ins_dnode_variables" => (ConfigSystemTables.DnodeVariableColumns, ConfigSystemTables.DnodeVariableRows(zone, Admin.AdminState.Of(catalog)?.Config.Dnode)),
        _ => null,
    };

    private static (IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows)? PerformanceTable(string table, ICatalogReader catalog)
    {
        return table switch
        {
            "perf_connections" => ([I("conn_id"), V("user", 23), V("app", 128), I("pid"), V("end_point", 128), T("login_time"), T("last_access")],
                ConnectionSystemTables.ConnectionRows(catalog)),
            "perf_queries" => ([V("kill_id", 32), B("query_id"), I("conn_id"), V("app", 128), I("pid"), V("user", 23), V("end_point", 128),
                T("create_time"), B("exec_usec"), TI("stable_query"), I("sub_num"), V("sub_status", 1024), V("sql", 1024)],
                ConnectionSystemTables.QueryRows(catalog)),
            "perf_consumers" => (ConsumerSystemTables.ConsumerColumns, ConsumerSystemTables.ConsumerRows(catalog)),
            "perf_trans" => ([I("id"), T("create_time"), V("stage", 12), V("oper", 16), V("db", 64), V("stable", 192), I("failed_times"),
                T("last_exec_time"), V("last_action_info", 511)], []),
            "perf_apps" => ([B("app_id"), V("ip", 128), I("pid"), V("name", 128), T("start_time"), B("insert_req"), B("insert_row"),
                B("insert_time"), B("insert_bytes"), B("fetch_bytes"), B("query_time"), B("slow_query"), B("total_req"), B("current_req"),
                T("last_access")], []),
            _ => null,
        };
    }

    private static (IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows) InsDatabases(ICatalogReader catalog, IReadOnlyList<DatabaseInfo> databases)
    {
        ResultColumn[] cols =
        [
            V("name", 64), T("create_time"), I("vgroups"), B("ntables"), TI("replica"), V("strict", 4), V("duration", 10),
            V("keep", 32), I("buffer"), I("pagesize"), I("pages"), I("minrows"), I("maxrows"), TI("comp"), V("precision", 2),
            V("status", 10), V("retentions", 60), new("single_stable", TaosDataType.Bool, 1), V("cachemodel", 11), I("cachesize"),
            TI("wal_level"), I("wal_fsync_period"), I("wal_retention_period"), B("wal_retention_size"), SI("stt_trigger"),
            SI("table_prefix"), SI("table_suffix"), I("tsdb_pagesize"), I("keep_time_offset"), I("s3_chunksize"),
            V("s3_keeplocal", 10), TI("s3_compact"), TI("with_arbitrator"), V("encrypt_algorithm", 16),
        ];
        var rows = new List<object?[]>();
        foreach (string sys in new[] { InformationSchema, PerformanceSchema })
        {
            var r = new object?[cols.Length];
            r[0] = sys;
            r[3] = 0L;
            r[15] = "ready";
            rows.Add(r);
        }
        foreach (var d in databases)
        {
            var o = d.Options;
            int Int(string key, int dflt) => o.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int x) ? x : dflt;
            long ntables = catalog.Tables(d.Name).Count(t => t.Kind != TableKind.Super);
            rows.Add(
            [
                d.Name, o.TryGetValue("create_time", out var ct) && long.TryParse(ct, NumberStyles.Integer, CultureInfo.InvariantCulture, out long created) ? created : null,
                Int("vgroups", 2), ntables, (sbyte)Int("replica", 1), "on", o.GetValueOrDefault("duration", "14400m"),
                o.GetValueOrDefault("keep", "5256000m,5256000m,5256000m"),
                Int("buffer", 256), Int("pagesize", 4), Int("pages", 256), Int("minrows", 100), Int("maxrows", 4096), (sbyte)Int("comp", 2),
                o.GetValueOrDefault("precision", "ms"), "ready", "", Int("single_stable", 0) == 1, o.GetValueOrDefault("cachemodel", "none"),
                Int("cachesize", 1), (sbyte)Int("wal_level", 1), Int("wal_fsync_period", 3000), Int("wal_retention_period", 3600),
                (long)Int("wal_retention_size", 0), (short)Int("stt_trigger", 1), (short)Int("table_prefix", 0), (short)Int("table_suffix", 0),
                Int("tsdb_pagesize", 4), Int("keep_time_offset", 0), 131072, "525600m", (sbyte)1, (sbyte)0, "none",
            ]);
        }
        return (cols, rows);
    }

    private static (IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows) InsStables(ICatalogReader catalog, IReadOnlyList<DatabaseInfo> databases)
    {
        ResultColumn[] cols = [V("stable_name", 192), V("db_name", 64), T("create_time"), I("columns"), I("tags"), T("last_update"),
            V("table_comment", 1024), V("watermark", 64), V("max_delay", 64), V("rollup", 128)];
        var rows = AllTables(catalog, databases).Where(t => t.Kind == TableKind.Super)
            .Select(t => new object?[] { t.Name, t.Database, null, t.Columns.Count, t.Tags.Count, null, null, "5000a,5000a", "-1a,-1a", "" })
            .ToList();
        return (cols, rows);
    }

    private static (IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows) InsTables(ICatalogReader catalog, IReadOnlyList<DatabaseInfo> databases)
    {
        ResultColumn[] cols = [V("table_name", 192), V("db_name", 64), T("create_time"), I("columns"), V("stable_name", 192), B("uid"),
            I("vgroup_id"), I("ttl"), V("table_comment", 1024), V("type", 21)];
        long uid = 0;
        var byName = databases.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var rows = AllTables(catalog, databases).Where(t => t.Kind != TableKind.Super)
            .Select(t => new object?[]
            {
                t.Name, t.Database, null, t.Columns.Count, t.SuperTable, ++uid, Vgroups.Of(catalog, byName[t.Database], t.Name), t.Ttl, t.Comment,
                t.Kind == TableKind.Child ? "CHILD_TABLE" : "NORMAL_TABLE",
            })
            .ToList();
        return (cols, rows);
    }

    private static (IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows) InsColumns(ICatalogReader catalog, IReadOnlyList<DatabaseInfo> databases)
    {
        ResultColumn[] cols = [V("table_name", 192), V("db_name", 64), V("table_type", 21), V("col_name", 64), V("col_type", 32),
            I("col_length"), I("col_precision"), I("col_scale"), I("col_nullable")];
        var rows = new List<object?[]>();
        foreach (var t in AllTables(catalog, databases))
        {
            string type = t.Kind switch { TableKind.Super => "SUPER_TABLE", TableKind.Child => "CHILD_TABLE", _ => "NORMAL_TABLE" };
            foreach (var c in t.Columns)
            {
                rows.Add([t.Name, t.Database, type, c.Name, TypeText(c), StoredLength(c), null, null, null]);
            }
        }
        return (cols, rows);
    }

    private static (IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows) InsTags(ICatalogReader catalog, IReadOnlyList<DatabaseInfo> databases)
    {
        ResultColumn[] cols = [V("table_name", 192), V("db_name", 64), V("stable_name", 192), V("tag_name", 64), V("tag_type", 32), V("tag_value", 16384)];
        var rows = new List<object?[]>();
        foreach (var t in AllTables(catalog, databases).Where(t => t.Kind == TableKind.Child))
        {
            for (int i = 0; i < t.Tags.Count; i++)
            {
                object? v = t.TagValues is { } tv && i < tv.Count ? tv[i] : null;
                rows.Add([t.Name, t.Database, t.SuperTable, t.Tags[i].Name, TypeText(t.Tags[i]), v is null ? null : TagText(v)]);
            }
        }
        return (cols, rows);
    }

    private static IEnumerable<TableInfo> AllTables(ICatalogReader catalog, IReadOnlyList<DatabaseInfo> databases) =>
        databases.SelectMany(d => catalog.Tables(d.Name));

    private static string TypeText(ColumnInfo c) =>
        TaosTypes.IsVariableLength(c.Type) ? TaosTypes.Name(c.Type) + "(" + c.Length.ToString(CultureInfo.InvariantCulture) + ")" : TaosTypes.Name(c.Type);

    private static string TagText(object v) => v switch
    {
        byte[] b => Convert.ToHexString(b).ToLowerInvariant(),
        float f => FloatText.FormatFloat(f),
        double d => FloatText.FormatDouble(d),
        _ => Values.ToText(v),
    };

    /// <summary>
    /// A column's length as the schema stores it (ins_columns.col_length): variable-length types carry a 2-byte length
    /// header, NCHAR stores 4 bytes a character.
    /// </summary>
    private static int StoredLength(ColumnInfo c) => c.Type switch
    {
        TaosDataType.NChar => c.Length * 4 + 2,
        _ when TaosTypes.IsVariableLength(c.Type) => c.Length + 2,
        _ => c.Length,
    };
}
