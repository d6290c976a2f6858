using Taos.Protocol;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Query;

internal enum MultiRowKind { Diff, Csum, Mavg, Top, Bottom, Tail, Unique }

/// <summary>
/// A function that turns the rows of a group into its own number of output rows (DIFF, CSUM, MAVG, TOP, BOTTOM,
/// TAIL, UNIQUE); each output row keeps the input row it came from, so plain columns can be selected next to it.
/// </summary>
internal sealed class MultiRowSpec
{
    public required MultiRowKind Kind { get; init; }
    public required CExpr Arg { get; init; }
    public required TaosDataType Type { get; init; }
    public long K { get; init; }
    public long Offset { get; init; }
    public bool IgnoreNegative { get; init; }

    /// <summary>Output values with the index of the input row each belongs to, in output order.</summary>
    public List<(int Row, object? Value)> Run(List<(long Ts, object?[] Row, Catalog.TableInfo? Table)> rows)
    {
        var ctx = new EvalContext();
        var values = new List<(int Row, object Value)>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            ctx.Row = rows[i].Row;
            ctx.Table = rows[i].Table;
            if (Arg.Eval(ctx) is { } v) values.Add((i, v));
        }
        var result = new List<(int, object?)>();
        switch (Kind)
        {
            case MultiRowKind.Diff:
                for (int i = 1; i < values.Count; i++)
                {
                    object d = Subtract(values[i].Value, values[i - 1].Value);
                    if (IgnoreNegative && Values.ToDouble(d) < 0) continue;
                    result.Add((values[i].Row, d));
                }
                break;
            case MultiRowKind.Csum:
                {
                    object? sum = null;
                    foreach (var (row, v) in values)
                    {
                        sum = sum is null ? Widen(v) : Add(sum, v);
                        result.Add((row, sum));
                    }
                    break;
                }
            case MultiRowKind.Mavg:
                {
                    double window = 0;
                    for (int i = 0; i < values.Count; i++)
                    {
                        window += Values.ToDouble(values[i].Value);
                        if (i >= K) window -= Values.ToDouble(values[i - (int)K].Value);
                        if (i >= K - 1) result.Add((values[i].Row, window / K));
                    }
                    break;
                }
            case MultiRowKind.Top:
            case MultiRowKind.Bottom:
                {
                    int sign = Kind == MultiRowKind.Top ? -1 : 1;
                    var picked = values.Select((x, i) => (x.Row, x.Value, i))
                        .OrderBy(x => x, Comparer<(int Row, object Value, int I)>.Create((a, b) =>
                        {
                            int c = Values.Compare(a.Value, b.Value) * sign;
                            return c != 0 ? c : a.I.CompareTo(b.I);
                        }))
                        .Take((int)K)
                        .OrderBy(x => x.Row);
                    result.AddRange(picked.Select(x => (x.Row, (object?)x.Value)));
                    break;
                }
            case MultiRowKind.Tail:
                {
                    int end = Math.Max(0, rows.Count - (int)Offset);
                    int start = Math.Max(0, end - (int)K);
                    for (int i = start; i < end; i++)
                    {
                        ctx.Row = rows[i].Row;
                        ctx.Table = rows[i].Table;
                        result.Add((i, Arg.Eval(ctx)));
                    }
                    break;
                }
            case MultiRowKind.Unique:
                {
                    var seen = new HashSet<string>();
                    foreach (var (row, v) in values)
                    {
                        if (seen.Add(Values.KeyOf(v))) result.Add((row, v));
                    }
                    break;
                }
        }
        return result;
    }

    private object Widen(object v) => Type switch
    {
        TaosDataType.Double => (object)Values.ToDouble(v),
        TaosDataType.UBigInt => v is ulong u ? u : (ulong)Values.ToLong(v),
        _ => Values.ToLong(v),
    };

    private object Add(object sum, object v) => Type switch
    {
        TaosDataType.Double => (object)((double)sum + Values.ToDouble(v)),
        TaosDataType.UBigInt => unchecked((ulong)sum + (v is ulong u ? u : (ulong)Values.ToLong(v))),
        _ => unchecked((long)sum + Values.ToLong(v)),
    };

    private object Subtract(object cur, object prev) => Type switch
    {
        TaosDataType.Double => (object)(Values.ToDouble(cur) - Values.ToDouble(prev)),
        _ => unchecked(Values.ToLong(cur) - Values.ToLong(prev)),
    };

    public static bool IsMultiRowName(string name) => name is "diff" or "csum" or "mavg" or "top" or "bottom" or "tail" or "unique";
}

internal sealed partial class ExprCompiler
{
    /// <summary>Multi-row function calls met so far; null when they are not allowed here.</summary>
    public List<MultiRowSpec>? MultiRow { get; set; }

    private long ConstantInteger(Expr e, string fn)
    {
        var c = Compile(e);
        if (!c.IsConstant || c.Eval(new EvalContext()) is not { } v || !Values.IsIntegral(v)) throw ParamType(fn);
        return Values.ToLong(v);
    }

    private CExpr CompileMultiRow(string name, FunctionExpr fn)
    {
        if (MultiRow is null)
        {
            throw new TaosServerException(ServerErrorCode.NotSingleGroup, "Not a single-group group function");
        }
        var args = fn.Args;
        (int min, int max) = name switch { "diff" => (1, 2), "csum" or "unique" => (1, 1), "tail" => (2, 3), _ => (2, 2) };
        if (args.Count < min || args.Count > max) throw ParamCount(name);
        var arg = args[0] is StarExpr ? throw ParamType(name) : Compile(args[0]);
        bool numeric = TaosTypes.IsNumeric(arg.Type) || arg.Type == TaosDataType.Bool;
        MultiRowKind kind;
        TaosDataType type;
        int length;
        long k = 0, offset = 0;
        bool ignoreNegative = false;
        switch (name)
        {
            case "diff":
                if (!(numeric || arg.Type == TaosDataType.Timestamp)) throw ParamType(name);
                kind = MultiRowKind.Diff;
                type = arg.Type is TaosDataType.Float or TaosDataType.Double ? TaosDataType.Double : TaosDataType.BigInt;
                length = 8;
                if (args.Count == 2)
                {
                    long mode = ConstantInteger(args[1], name);
                    if (mode is not (0 or 1)) throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Invalid parameter value : " + name);
                    ignoreNegative = mode == 1;
                }
                break;
            case "csum":
                if (!numeric) throw ParamType(name);
                kind = MultiRowKind.Csum;
                type = AggSpec.SumType(arg.Type);
                length = 8;
                break;
            case "mavg":
                if (!numeric) throw ParamType(name);
                kind = MultiRowKind.Mavg;
                type = TaosDataType.Double;
                length = 8;
                k = ConstantInteger(args[1], name);
                if (k < 1 || k > 1000) throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Invalid parameter value : " + name);
                break;
            case "top":
            case "bottom":
                if (!TaosTypes.IsNumeric(arg.Type)) throw ParamType(name);
                kind = name == "top" ? MultiRowKind.Top : MultiRowKind.Bottom;
                type = arg.Type;
                length = arg.Length;
                k = ConstantInteger(args[1], name);
                if (k < 1 || k > 100) throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Invalid parameter value : " + name);
                break;
            case "tail":
                kind = MultiRowKind.Tail;
                type = arg.Type;
                length = arg.Length;
                k = ConstantInteger(args[1], name);
                if (k < 1 || k > 100) throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Invalid parameter value : " + name);
                if (args.Count == 3)
                {
                    offset = ConstantInteger(args[2], name);
                    if (offset < 0 || offset > 100) throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Invalid parameter value : " + name);
                }
                break;
            default:
                kind = MultiRowKind.Unique;
                type = arg.Type;
                length = arg.Length;
                break;
        }
        int slot = MultiRow.Count;
        MultiRow.Add(new MultiRowSpec { Kind = kind, Arg = arg, Type = type, K = k, Offset = offset, IgnoreNegative = ignoreNegative });
        return new CExpr { Type = type, Length = length, Eval = c => c.Aggs[slot], HasAggregate = true };
    }
}
