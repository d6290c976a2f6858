namespace Taos.Server.Sql;

/// <summary>
/// TDengine 3.3's reserved words (<c>keywordTable</c> in parTokenizer.c): an unquoted word in this set is never an
/// identifier, so a column called <c>value</c> or <c>level</c> needs backquotes. <c>current</c>, <c>ts</c>,
/// <c>status</c>, <c>name</c> and <c>type</c> are not reserved.
/// </summary>
internal static class Keywords
{
    private static readonly HashSet<string> Set = new(StringComparer.Ordinal)
    {
        "account", "accounts", "add", "aggregate", "all", "alter", "analyze", "and", "apps", "as", "asc", "at_once",
        "balance", "batch_scan", "between", "bigint", "binary", "bnode", "bnodes", "bool", "buffer", "bufsize", "by",
        "cache", "cachemodel", "cachesize", "case", "cast", "child", "client_version", "cluster", "column", "comment",
        "comp", "compact", "compress", "connection", "connections", "conns", "consumer", "consumers", "contains",
        "count", "count_window", "create", "current_user", "database", "databases", "dbs", "delete", "delete_mark",
        "desc", "describe", "distinct", "distributed", "dnode", "dnodes", "double", "drop", "duration", "else",
        "enable", "encode", "encrypt_algorithm", "end", "event_window", "every", "exists", "expired", "explain",
        "file", "fill", "fill_history", "first", "float", "flush", "force", "from", "function", "functions",
        "geometry", "grant", "grants", "group", "having", "host", "if", "ignore", "import", "in", "index", "indexes",
        "inner", "insert", "int", "integer", "interval", "into", "is", "join", "json", "keep", "keep_time_offset",
        "key", "kill", "language", "last", "last_row", "leader", "level", "licences", "like", "limit", "linear",
        "local", "match", "max_delay", "bwlimit", "maxrows", "merge", "meta", "only", "minrows", "minus", "mnode",
        "mnodes", "modify", "modules", "normal", "nchar", "next", "nmatch", "none", "not", "now", "no_batch_scan",
        "null", "null_f", "nulls", "offset", "on", "or", "order", "outputtype", "pages", "pagesize", "partition",
        "pass", "pause", "port", "pps", "precision", "prev", "primary", "privileges", "qnode", "qnodes", "qtime",
        "queries", "query", "range", "ratio", "read", "redistribute", "rename", "replace", "replica", "reset",
        "restore", "resume", "retentions", "revoke", "rollup", "s3_chunksize", "s3_compact", "s3_keeplocal",
        "s3migrate", "schemaless", "scores", "select", "server_status", "server_version", "session", "set", "show",
        "single_stable", "sliding", "slimit", "sma", "smallint", "snode", "snodes", "soffset", "sort_for_group",
        "split", "stable", "stables", "start", "state", "state_window", "storage", "stream", "streams", "strict",
        "stt_trigger", "subscribe", "subscriptions", "subtable", "sysinfo", "system", "table", "tables",
        "table_prefix", "table_suffix", "tag", "tags", "tbname", "then", "timestamp", "timezone", "tinyint", "to",
        "today", "topic", "topics", "transaction", "transactions", "trigger", "trim", "tsdb_pagesize", "tseries",
        "ttl", "union", "unsafe", "unsigned", "untreated", "update", "use", "user", "users", "using", "value",
        "value_f", "values", "varchar", "variables", "verbose", "vgroup", "vgroups", "view", "views", "vnode",
        "vnodes", "wal_fsync_period", "wal_level", "wal_retention_period", "wal_retention_size", "wal_roll_period",
        "wal_segment_size", "watermark", "when", "where", "window_close", "with", "write", "_c0", "_irowts",
        "_isfilled", "_qduration", "_qend", "_qstart", "_rowts", "_tags", "_wduration", "_wend", "_wstart", "alive",
        "varbinary", "arbgroups", "compacts", "with_arbitrator",
    };

    public static bool IsReserved(string lowercaseWord) => Set.Contains(lowercaseWord);
}
