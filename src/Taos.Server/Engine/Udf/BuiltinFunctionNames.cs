namespace Taos.Server.Engine.Udf;

/// <summary>
/// The names of TDengine 3.3.0.1's built-in functions (builtins.c <c>funcMgtBuiltins</c>, internal ones included):
/// CREATE FUNCTION refuses them (fmIsBuiltinFunc, 9805), whether or not the embedded server implements them; a
/// name's place in the list is its function id (TSMA function lists are ordered by it).
/// </summary>
internal static class BuiltinFunctionNames
{
    /// <summary>In builtins.c order: a name's position is TDengine's function id.</summary>
    private static readonly string[] Names =
    [
        "count", "sum", "min", "max", "stddev", "_stddev_partial", "_stddev_merge", "leastsquares", "avg", "_avg_partial",
        "_avg_merge", "percentile", "apercentile", "_apercentile_partial", "_apercentile_merge", "top", "bottom", "spread",
        "_spread_partial", "_spread_merge", "elapsed", "_elapsed_partial", "_elapsed_merge", "interp", "derivative", "irate",
        "_irate_partial", "_irate_merge", "last_row", "_cache_last_row", "_cache_last", "_last_row_partial", "_last_row_merge",
        "first", "_first_partial", "_first_merge", "last", "_last_partial", "_last_merge", "twa", "histogram",
        "_histogram_partial", "_histogram_merge", "hyperloglog", "_hyperloglog_partial", "_hyperloglog_merge", "diff",
        "statecount", "stateduration", "csum", "mavg", "sample", "tail", "unique", "mode", "abs", "log", "pow", "sqrt", "ceil",
        "floor", "round", "sin", "cos", "tan", "asin", "acos", "atan", "length", "char_length", "concat", "concat_ws", "lower",
        "upper", "ltrim", "rtrim", "substr", "cast", "to_iso8601", "to_unixtimestamp", "timetruncate", "timediff", "now",
        "today", "timezone", "tbname", "_qstart", "_qend", "_qduration", "_wstart", "_wend", "_wduration", "to_json",
        "_select_value", "_block_dist", "_block_dist_info", "_group_key", "database", "client_version", "server_version",
        "server_status", "current_user", "user", "_irowts", "_isfilled", "_tags", "_table_count", "st_geomfromtext", "st_astext",
        "st_makepoint", "st_intersects", "st_equals", "st_touches", "st_covers", "st_contains", "st_containsproperly", "_tbuid",
        "_vgid", "to_timestamp", "to_char", "_avg_middle", "_vgver", "_stddev_state", "_stddev_state_merge", "_avg_state",
        "_avg_state_merge", "_spread_state", "_spread_state_merge", "_first_state", "_first_state_merge", "_last_state",
        "_last_state_merge", "_hyperloglog_state", "_hyperloglog_state_merge", "md5",
    ];

    private static readonly Dictionary<string, int> Ids = Names.Select((name, id) => (name, id)).ToDictionary(x => x.name, x => x.id, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> (as the client sent it: lowercase unless backquoted) names a built-in function.</summary>
    public static bool Contains(string name) => Ids.ContainsKey(name);

    /// <summary>TDengine's function id of a built-in function (its place in builtins.c), or -1.</summary>
    public static int IdOf(string name) => Ids.GetValueOrDefault(name, -1);
}
