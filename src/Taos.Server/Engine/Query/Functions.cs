using System.Globalization;
using System.Text;
using Taos.Protocol;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Query;

/// <summary>Function calls: aggregates (registered for the grouping stage) and scalar functions.</summary>
internal sealed partial class ExprCompiler
{
    private static TaosServerException ParamCount(string fn) =>
        new(ServerErrorCode.InvalidParameterCount, "Invalid number of parameters : " + fn);

    private static TaosServerException ParamType(string fn) =>
        new(ServerErrorCode.InvalidParameterType, "Invalid parameter data type : " + fn);

    private static bool IsNumericType(CExpr e) => e.IsNullLiteral || TaosTypes.IsNumeric(e.Type);

    private static bool IsStringType(CExpr e) => e.IsNullLiteral || e.Type is TaosDataType.VarChar or TaosDataType.NChar;

    private CExpr CompileFunction(FunctionExpr fn)
    {
        string name = fn.Name.ToLowerInvariant();
        if (IsAggregateName(name)) return CompileAggregate(name, fn);
        if (MultiRowSpec.IsMultiRowName(name)) return CompileMultiRow(name, fn);
        var args = fn.Args;
        void Count(int min, int max)
        {
            if (args.Count < min || args.Count > max) throw ParamCount(name);
        }
        CExpr Arg(int i) => args[i] is StarExpr ? throw ParamType(name) : Compile(args[i]);

        switch (name)
        {
            case "server_version":
            case "client_version":
                Count(0, 0);
                return CExpr.Constant(TaosDataType.VarChar, RestProtocol.ServerVersion.Length, RestProtocol.ServerVersion);
            case "server_status":
                Count(0, 0);
                return CExpr.Constant(TaosDataType.Int, 4, 1);
            case "database":
                Count(0, 0);
                return Session.Database is { } db
                    ? CExpr.Constant(TaosDataType.VarChar, Values.Utf8Length(db), db)
                    : CExpr.Constant(TaosDataType.VarChar, 63, null);
            case "current_user":
            case "user":
                {
                    Count(0, 0);
                    string u = Session.User + "@" + Session.ClientHost;
                    return CExpr.Constant(TaosDataType.VarChar, Values.Utf8Length(u), u);
                }
            case "now":
                Count(0, 0);
                return CExpr.Constant(TaosDataType.Timestamp, 8, Now);
            case "today":
                Count(0, 0);
                return CExpr.Constant(TaosDataType.Timestamp, 8, QueryTime.Today(Now, Precision, Zone));
            case "timezone":
                {
                    Count(0, 0);
                    string tz = ZoneText();
                    return CExpr.Constant(TaosDataType.VarChar, Values.Utf8Length(tz), tz);
                }
            case "abs":
            case "ceil":
            case "floor":
            case "round":
                {
                    Count(1, name == "round" ? 2 : 1);
                    var x = Arg(0);
                    if (!IsNumericType(x)) throw ParamType(name);
                    var type = x.IsNullLiteral ? TaosDataType.Double : x.Type;
                    Func<double, double> f = name switch
                    {
                        "abs" => Math.Abs,
                        "ceil" => Math.Ceiling,
                        "floor" => Math.Floor,
                        _ => v => Math.Round(v, MidpointRounding.AwayFromZero),
                    };
                    bool abs = name == "abs";
                    var p = Precision;
                    var z = Zone;
                    return Derive(type, TaosTypes.FixedSize(type) ?? 8, c =>
                    {
                        var v = x.Eval(c);
                        if (v is null) return null;
                        if (Values.IsIntegral(v))
                        {
                            if (!abs || v is byte or ushort or uint or ulong) return v;
                            // Two's complement like TDengine's C: the smallest value is its own absolute value.
                            long n = Values.ToLong(v);
                            return Values.Convert(n < 0 ? unchecked(-n) : n, type, p, z);
                        }
                        return v is float fv ? (object)(float)f(fv) : f(Values.ToDouble(v));
                    }, x);
                }
            case "sqrt":
            case "exp":
            case "ln":
            case "sin":
            case "cos":
            case "tan":
            case "asin":
            case "acos":
            case "atan":
                {
                    Count(1, 1);
                    var x = Arg(0);
                    if (!IsNumericType(x)) throw ParamType(name);
                    Func<double, double> f = name switch
                    {
                        "sqrt" => Math.Sqrt,
                        "exp" => Math.Exp,
                        "ln" => Math.Log,
                        "sin" => Math.Sin,
                        "cos" => Math.Cos,
                        "tan" => Math.Tan,
                        "asin" => Math.Asin,
                        "acos" => Math.Acos,
                        _ => Math.Atan,
                    };
                    return Derive(TaosDataType.Double, 8, c => x.Eval(c) is { } v ? NanToNull(f(Values.ToDouble(v))) : null, x);
                }
            case "log":
            case "pow":
                {
                    Count(name == "log" ? 1 : 2, 2);
                    var x = Arg(0);
                    var y = args.Count > 1 ? Arg(1) : null;
                    if (!IsNumericType(x) || (y is not null && !IsNumericType(y))) throw ParamType(name);
                    bool pow = name == "pow";
                    return Derive(TaosDataType.Double, 8, c =>
                    {
                        if (x.Eval(c) is not { } xv) return null;
                        double a = Values.ToDouble(xv);
                        if (y is null) return NanToNull(Math.Log(a));
                        if (y.Eval(c) is not { } yv) return null;
                        double b2 = Values.ToDouble(yv);
                        return NanToNull(pow ? Math.Pow(a, b2) : Math.Log(a) / Math.Log(b2));
                    }, y is null ? [x] : [x, y]);
                }
            case "length":
            case "char_length":
                {
                    Count(1, 1);
                    var x = Arg(0);
                    bool bytes = name == "length";
                    if (!(IsStringType(x) || (bytes && x.Type is TaosDataType.VarBinary or TaosDataType.Geometry))) throw ParamType(name);
                    return Derive(TaosDataType.BigInt, 8, c => x.Eval(c) switch
                    {
                        null => null,
                        byte[] b => (long)b.Length,
                        var v => bytes
                            ? (x.Type == TaosDataType.NChar ? (long)Values.RuneCount(Values.ToText(v)) * 4 : Values.Utf8Length(Values.ToText(v)))
                            : (long)Values.RuneCount(Values.ToText(v)),
                    }, x);
                }
            case "lower":
            case "upper":
            case "ltrim":
            case "rtrim":
            case "trim":
                {
                    Count(1, 1);
                    var x = Arg(0);
                    if (!IsStringType(x)) throw ParamType(name);
                    Func<string, string> f = name switch
                    {
                        "lower" => s => s.ToLowerInvariant(),
                        "upper" => s => s.ToUpperInvariant(),
                        "ltrim" => s => s.TrimStart(' '),
                        "rtrim" => s => s.TrimEnd(' '),
                        _ => s => s.Trim(' '),
                    };
                    return Derive(x.IsNullLiteral ? TaosDataType.VarChar : x.Type, x.Length, c => x.Eval(c) is { } v ? f(Values.ToText(v)) : null, x);
                }
            case "substr":
            case "substring":
                {
                    Count(2, 3);
                    var x = Arg(0);
                    var pos = Arg(1);
                    var len = args.Count > 2 ? Arg(2) : null;
                    if (!IsStringType(x) || !IsNumericType(pos) || (len is not null && !IsNumericType(len))) throw ParamType(name);
                    return Derive(x.IsNullLiteral ? TaosDataType.VarChar : x.Type, x.Length, c =>
                    {
                        if (x.Eval(c) is not { } v || pos.Eval(c) is not { } pv) return null;
                        var runes = Values.ToText(v).EnumerateRunes().ToArray();
                        long start = Values.ToLong(pv);
                        if (start < 0) start = runes.Length + start + 1;
                        if (start <= 0 || start > runes.Length) return "";
                        long count = runes.Length - start + 1;
                        if (len is not null)
                        {
                            if (len.Eval(c) is not { } lv) return null;
                            count = Math.Min(count, Values.ToLong(lv));
                        }
                        if (count <= 0) return "";
                        var sb = new StringBuilder();
                        for (long i = start - 1; i < start - 1 + count; i++) sb.Append(runes[i].ToString());
                        return sb.ToString();
                    }, len is null ? [x, pos] : [x, pos, len]);
                }
            case "concat":
            case "concat_ws":
                {
                    bool ws = name == "concat_ws";
                    Count(ws ? 3 : 2, ws ? 9 : 8);
                    var parts = args.Select((_, i) => Arg(i)).ToArray();
                    if (parts.Any(p => !IsStringType(p))) throw ParamType(name);
                    bool nchar = parts.Any(p => p.Type == TaosDataType.NChar);
                    int length = ws ? parts.Skip(1).Sum(p => p.Length) + parts[0].Length * (parts.Length - 2) : parts.Sum(p => p.Length);
                    return Derive(nchar ? TaosDataType.NChar : TaosDataType.VarChar, length, c =>
                    {
                        var sb = new StringBuilder();
                        if (ws)
                        {
                            if (parts[0].Eval(c) is not { } sep) return null;
                            bool first = true;
                            foreach (var p in parts.Skip(1))
                            {
                                if (p.Eval(c) is not { } v) continue;
                                if (!first) sb.Append(Values.ToText(sep));
                                sb.Append(Values.ToText(v));
                                first = false;
                            }
                            return sb.ToString();
                        }
                        foreach (var p in parts)
                        {
                            if (p.Eval(c) is not { } v) return null;
                            sb.Append(Values.ToText(v));
                        }
                        return sb.ToString();
                    }, parts);
                }
            case "to_iso8601":
                {
                    Count(1, 2);
                    var x = Arg(0);
                    if (!(x.Type == TaosDataType.Timestamp || TaosTypes.IsInteger(x.Type) || x.IsNullLiteral)) throw ParamType(name);
                    var p = Precision;
                    var z = Zone;
                    return Derive(TaosDataType.VarChar, 64, c => x.Eval(c) is { } v ? QueryTime.ToIso8601(Values.ToLong(v), p, z) : null, x);
                }
            case "to_char":
            case "to_timestamp":
                {
                    Count(2, 2);
                    var x = Arg(0);
                    var f = Arg(1);
                    if (!IsStringType(f)) throw ParamType(name);
                    var p = Precision;
                    var z = Zone;
                    if (name == "to_char")
                    {
                        if (!(x.Type == TaosDataType.Timestamp || TaosTypes.IsInteger(x.Type) || x.IsNullLiteral)) throw ParamType(name);
                        return Derive(TaosDataType.VarChar, 4096, c =>
                            x.Eval(c) is { } v && f.Eval(c) is { } fv ? TimeFormat.Format(Values.ToLong(v), Values.ToText(fv), p, z) : null, x, f);
                    }
                    if (!IsStringType(x)) throw ParamType(name);
                    return Derive(TaosDataType.Timestamp, 8, c =>
                        x.Eval(c) is { } v && f.Eval(c) is { } fv && TimeFormat.TryParse(Values.ToText(v), Values.ToText(fv), p, z, out long t) ? t : null, x, f);
                }
            case "to_unixtimestamp":
                {
                    Count(1, 2);
                    var x = Arg(0);
                    if (!IsStringType(x)) throw ParamType(name);
                    bool asTimestamp = args.Count > 1 && Arg(1).Eval(new EvalContext()) is { } flag && Values.ToLong(flag) == 1;
                    var p = Precision;
                    var z = Zone;
                    return Derive(asTimestamp ? TaosDataType.Timestamp : TaosDataType.BigInt, 8, c =>
                        x.Eval(c) is { } v && QueryTime.TryParseTimestamp(Values.ToText(v), p, z, out long t) ? t : null, x);
                }
            case "timetruncate":
                {
                    Count(2, 3);
                    var x = Arg(0);
                    var unit = Arg(1);
                    if (unit.DurationUnit == '\0') throw ParamType(name);
                    if (QueryTime.IsCalendar(unit.DurationUnit)) throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Invalid parameter value : " + name);
                    if (!(x.Type == TaosDataType.Timestamp || TaosTypes.IsInteger(x.Type) || IsStringType(x))) throw ParamType(name);
                    bool useZone = args.Count < 3 || Arg(2).Eval(new EvalContext()) is not { } uz || Values.ToLong(uz) != 0;
                    long unitTicks = QueryTime.FixedTicks(unit.DurationValue, unit.DurationUnit, Precision);
                    if (unitTicks <= 0) throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Invalid parameter value : " + name);
                    bool dayLike = unit.DurationUnit is 'd' or 'w';
                    var p = Precision;
                    var z = Zone;
                    return Derive(TaosDataType.Timestamp, 8, c =>
                    {
                        var v = x.Eval(c);
                        if (v is null) return null;
                        long ts;
                        if (v is string s)
                        {
                            if (!QueryTime.TryParseTimestamp(s, p, z, out ts)) return null;
                        }
                        else
                        {
                            ts = Values.ToLong(v);
                        }
                        long shift = dayLike && useZone ? QueryTime.ZoneOffsetTicks(ts, p, z) : 0;
                        long local = ts + shift;
                        long truncated = local - (((local % unitTicks) + unitTicks) % unitTicks);
                        return truncated - shift;
                    }, x);
                }
            case "timediff":
                {
                    Count(2, 3);
                    var a = Arg(0);
                    var b = Arg(1);
                    long unitTicks = 1;
                    if (args.Count > 2)
                    {
                        var unit = Arg(2);
                        if (unit.DurationUnit == '\0') throw ParamType(name);
                        unitTicks = Math.Max(1, QueryTime.FixedTicks(unit.DurationValue, unit.DurationUnit, Precision));
                    }
                    var p = Precision;
                    var z = Zone;
                    long ToTicks(object v) => v is string s ? (QueryTime.TryParseTimestamp(s, p, z, out long t) ? t : 0) : Values.ToLong(v);
                    return Derive(TaosDataType.BigInt, 8, c =>
                    {
                        if (a.Eval(c) is not { } av || b.Eval(c) is not { } bv) return null;
                        return Math.Abs(ToTicks(av) - ToTicks(bv)) / unitTicks;
                    }, a, b);
                }
            default:
                throw new TaosServerException(ServerErrorCode.FunctionNotExists, "Func not exists");
        }
    }

    private static object? NanToNull(double d) => double.IsNaN(d) || double.IsInfinity(d) ? null : d;

    private string ZoneText()
    {
        string id = Zone == TimeZoneInfo.Utc ? "UTC" : Zone.Id;
        return id + " (" + id + ", " + QueryTime.OffsetText(Zone.GetUtcOffset(DateTime.UtcNow)) + ")";
    }

    private CExpr CompileAggregate(string name, FunctionExpr fn)
    {
        if (Aggregates is null || _insideAggregate)
        {
            throw new TaosServerException(9736, "There mustn't be aggregation");
        }
        var args = fn.Args;
        CExpr? arg = null;
        AggKind kind;
        TaosDataType type;
        int length;
        double param = 0, param2 = 0;
        _insideAggregate = true;
        try
        {
            if (name == "count")
            {
                if (args.Count != 1) throw ParamCount(name);
                kind = args[0] is StarExpr ? AggKind.CountStar : AggKind.Count;
                if (kind == AggKind.Count)
                {
                    arg = Compile(args[0]);
                    if (arg.IsConstant) kind = AggKind.CountStar;
                }
                type = TaosDataType.BigInt;
                length = 8;
            }
            else if (name is "percentile" or "apercentile")
            {
                if (args.Count < 2 || args.Count > (name == "percentile" ? 2 : 3)) throw ParamCount(name);
                arg = Compile(args[0]);
                if (!IsNumericType(arg)) throw ParamType(name);
                var p = Compile(args[1]);
                if (!p.IsConstant || p.Eval(new EvalContext()) is not { } pv || !Values.IsNumeric(pv)) throw ParamType(name);
                param = Values.ToDouble(pv);
                if (param < 0 || param > 100) throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Invalid parameter value : " + name);
                kind = AggKind.Percentile;
                type = TaosDataType.Double;
                length = 8;
            }
            else if (name == "leastsquares")
            {
                if (args.Count != 3) throw ParamCount(name);
                arg = Compile(args[0]);
                if (!IsNumericType(arg)) throw ParamType(name);
                var a = Compile(args[1]);
                var b = Compile(args[2]);
                if (!a.IsConstant || !b.IsConstant || a.Eval(new EvalContext()) is not { } av || b.Eval(new EvalContext()) is not { } bv
                    || !Values.IsNumeric(av) || !Values.IsNumeric(bv)) throw ParamType(name);
                param = Values.ToDouble(av);
                param2 = Values.ToDouble(bv);
                kind = AggKind.LeastSquares;
                type = TaosDataType.VarChar;
                length = 2048;
            }
            else if (name == "elapsed")
            {
                if (args.Count < 1 || args.Count > 2) throw ParamCount(name);
                arg = Compile(args[0]);
                if (arg.Type != TaosDataType.Timestamp) throw ParamType(name);
                param = 1;
                if (args.Count == 2)
                {
                    var unit = Compile(args[1]);
                    if (unit.DurationUnit == '\0') throw ParamType(name);
                    param = Math.Max(1, QueryTime.FixedTicks(unit.DurationValue, unit.DurationUnit, Precision));
                }
                kind = AggKind.Elapsed;
                type = TaosDataType.Double;
                length = 8;
            }
            else
            {
                if (args.Count != 1) throw ParamCount(name);
                arg = args[0] is StarExpr ? throw ParamType(name) : Compile(args[0]);
                bool numeric = TaosTypes.IsNumeric(arg.Type) || arg.Type == TaosDataType.Bool || arg.IsNullLiteral;
                switch (name)
                {
                    case "avg":
                    case "stddev":
                    case "stddev_pop":
                        if (!numeric) throw ParamType(name);
                        kind = name == "avg" ? AggKind.Avg : AggKind.Stddev;
                        type = TaosDataType.Double;
                        length = 8;
                        break;
                    case "sum":
                        if (!numeric) throw ParamType(name);
                        kind = AggKind.Sum;
                        type = AggSpec.SumType(arg.Type);
                        length = 8;
                        break;
                    case "min":
                    case "max":
                        if (!TaosTypes.IsNumeric(arg.Type) && arg.Type != TaosDataType.Bool) throw ParamType(name);
                        kind = name == "min" ? AggKind.Min : AggKind.Max;
                        type = arg.Type;
                        length = arg.Length;
                        break;
                    case "spread":
                        if (!(TaosTypes.IsNumeric(arg.Type) || arg.Type == TaosDataType.Timestamp)) throw ParamType(name);
                        kind = AggKind.Spread;
                        type = TaosDataType.Double;
                        length = 8;
                        break;
                    case "mode":
                        kind = AggKind.Mode;
                        type = arg.Type;
                        length = arg.Length;
                        break;
                    case "irate":
                    case "twa":
                        if (!numeric) throw ParamType(name);
                        kind = name == "irate" ? AggKind.Irate : AggKind.Twa;
                        param2 = QueryTime.TicksPerSecond(Precision);
                        type = TaosDataType.Double;
                        length = 8;
                        break;
                    case "hyperloglog":
                        kind = AggKind.HyperLogLog;
                        type = TaosDataType.BigInt;
                        length = 8;
                        break;
                    default:
                        kind = name switch { "first" => AggKind.First, "last" => AggKind.Last, _ => AggKind.LastRow };
                        type = arg.Type;
                        length = arg.Length;
                        break;
                }
            }
        }
        finally
        {
            _insideAggregate = false;
        }
        int slot = Aggregates.Count;
        Aggregates.Add(new AggSpec { Kind = kind, Arg = arg, Type = type, Length = length, Param = param, Param2 = param2 });
        return new CExpr { Type = type, Length = length, Eval = c => c.Aggs[slot], HasAggregate = true };
    }
}
