using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Functions;

/// <summary>
/// Every function the engine knows, by lowercase name: the parser asks it which names take no arguments or
/// <c>*</c>, the binder which calls are aggregates, selectors or multi-row functions and how many arguments they
/// take. Result types that depend on the arguments are decided where the call is bound.
/// </summary>
internal static class FunctionCatalog
{
    private static readonly Dictionary<string, FunctionInfo> ByName = Build();

    /// <summary>The function named <paramref name="name"/> (lowercase), or null.</summary>
    public static FunctionInfo? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>An aggregate or selector name.</summary>
    public static bool IsAggregate(string name) => Find(name) is { IsAggregate: true };

    /// <summary>A selector name (MIN, MAX, FIRST, LAST, LAST_ROW).</summary>
    public static bool IsSelector(string name) => Find(name) is { Kind: FunctionKind.Selector };

    /// <summary>A multi-row (time-series) function name.</summary>
    public static bool IsMultiRow(string name) => Find(name) is { Kind: FunctionKind.MultiRow };

    /// <summary>Whether <paramref name="e"/> calls an aggregate, selector or multi-row function anywhere (topics and streams check their queries with it).</summary>
    public static bool CallsAggregateOrMultiRow(Expr e) => e switch
    {
        FunctionExpr f => IsAggregate(f.Name) || IsMultiRow(f.Name) || f.Args.Any(CallsAggregateOrMultiRow),
        UnaryExpr u => CallsAggregateOrMultiRow(u.Operand),
        BinaryExpr b => CallsAggregateOrMultiRow(b.Left) || CallsAggregateOrMultiRow(b.Right),
        CastExpr c => CallsAggregateOrMultiRow(c.Operand),
        _ => false,
    };

    /// <summary>A keyword that names a function callable with an empty argument list only: <c>database()</c>, <c>now()</c>….</summary>
    public static bool TakesNoArguments(string name) => Find(name) is { MaxArgs: 0 };

    /// <summary>A function that accepts <c>*</c> as its argument: <c>count(*)</c>, <c>first(*)</c>, ….</summary>
    public static bool AcceptsStar(string name) => Find(name) is { AcceptsStar: true };

    private static Dictionary<string, FunctionInfo> Build()
    {
        var all = new List<FunctionInfo>();
        void Scalar(int min, int max, TaosDataType? type, params string[] names) =>
            all.AddRange(names.Select(n => new FunctionInfo(n, FunctionKind.Scalar, min, max, ResultType: type)));
        void Aggregate(int min, int max, TaosDataType? type, params string[] names) =>
            all.AddRange(names.Select(n => new FunctionInfo(n, FunctionKind.Aggregate, min, max, n == "count", type)));
        void MultiRow(int min, int max, params string[] names) =>
            all.AddRange(names.Select(n => new FunctionInfo(n, FunctionKind.MultiRow, min, max)));

        Scalar(0, 0, TaosDataType.VarChar, "server_version", "client_version", "database", "current_user", "user", "timezone");
        Scalar(0, 0, TaosDataType.Int, "server_status");
        Scalar(0, 0, TaosDataType.Timestamp, "now", "today");
        Scalar(1, 1, null, "abs", "ceil", "floor", "lower", "upper", "ltrim", "rtrim", "trim");
        Scalar(1, 2, null, "round");
        Scalar(1, 1, TaosDataType.Double, "sqrt", "exp", "ln", "sin", "cos", "tan", "asin", "acos", "atan");
        Scalar(1, 2, TaosDataType.Double, "log");
        Scalar(2, 2, TaosDataType.Double, "pow");
        Scalar(1, 1, TaosDataType.BigInt, "length", "char_length");
        Scalar(1, 1, TaosDataType.VarChar, "md5");
        Scalar(1, 1, TaosDataType.Json, "to_json");
        Scalar(2, 3, null, "substr", "substring");
        Scalar(2, 8, null, "concat");
        Scalar(3, 9, null, "concat_ws");
        Scalar(1, 2, TaosDataType.VarChar, "to_iso8601");
        Scalar(2, 2, TaosDataType.VarChar, "to_char");
        Scalar(2, 2, TaosDataType.Timestamp, "to_timestamp");
        Scalar(1, 2, null, "to_unixtimestamp");
        Scalar(2, 3, TaosDataType.Timestamp, "timetruncate");
        Scalar(2, 3, TaosDataType.BigInt, "timediff");

        Aggregate(1, 1, TaosDataType.BigInt, "count", "hyperloglog");
        Aggregate(1, 1, TaosDataType.Double, "avg", "stddev", "stddev_pop", "spread", "irate", "twa");
        Aggregate(1, 1, null, "sum", "mode");
        Aggregate(2, 11, TaosDataType.Double, "percentile");
        Aggregate(2, 3, TaosDataType.Double, "apercentile");
        Aggregate(1, 2, TaosDataType.Double, "elapsed");
        Aggregate(3, 3, TaosDataType.VarChar, "leastsquares");
        all.AddRange(new[] { "min", "max" }.Select(n => new FunctionInfo(n, FunctionKind.Selector, 1, 1)));
        all.AddRange(new[] { "first", "last", "last_row" }.Select(n => new FunctionInfo(n, FunctionKind.Selector, 1, 1, AcceptsStar: true)));

        MultiRow(1, 2, "diff");
        MultiRow(1, 1, "csum", "unique");
        MultiRow(2, 3, "tail");
        MultiRow(2, 2, "mavg", "top", "bottom");
        MultiRow(3, 3, "derivative", "statecount");
        MultiRow(3, 4, "stateduration");
        MultiRow(4, 4, "histogram");
        return all.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }
}
