using System.Text;
using Taos.Protocol;
using Taos.Server.Engine.Functions;
using Taos.Server.Sql.Ast;
using Taos.Server.Engine.Time;

namespace Taos.Server.Engine.Binding;

/// <summary>Function calls: looked up in the <see cref="FunctionCatalog"/>; the scalar functions are bound here.</summary>
internal sealed partial class ExpressionCompiler
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
        if (name == "interp" && _scope.Interp is { } interp) return CompileInterp(fn, interp);
        var info = FunctionCatalog.Find(name)
            ?? throw new TaosServerException(ServerErrorCode.FunctionNotExists, "Func not exists");
        if (info.IsAggregate) return CompileAggregate(name, info, fn);
        if (info.Kind == FunctionKind.MultiRow) return CompileMultiRow(name, info, fn);
        var args = fn.Args;
        if (!info.Accepts(args.Count)) throw ParamCount(name);
        return name switch
        {
            "abs" or "ceil" or "floor" or "round" => CompileRounding(name, args),
            "sqrt" or "exp" or "ln" or "sin" or "cos" or "tan" or "asin" or "acos" or "atan" => CompileMath(name, args),
            "log" or "pow" => CompileLogPow(name, args),
            "length" or "char_length" => CompileLength(name, args),
            "md5" => CompileMd5(name, args),
            "to_json" => CompileToJson(name, args),
            "lower" or "upper" or "ltrim" or "rtrim" or "trim" => CompileTextCase(name, args),
            "substr" or "substring" => CompileSubstring(name, args),
            "concat" or "concat_ws" => CompileConcat(name, args),
            "to_iso8601" => CompileToIso8601(name, args),
            "to_char" or "to_timestamp" => CompileToCharTimestamp(name, args),
            "to_unixtimestamp" => CompileToUnixTimestamp(name, args),
            "timetruncate" => CompileTimeTruncate(name, args),
            "timediff" => CompileTimeDiff(name, args),
            _ => CompileNiladic(name),
        };
    }

    /// <summary>Argument <paramref name="i"/> of a scalar call; <c>*</c> is no value.</summary>
    private CExpr Arg(string name, IReadOnlyList<Expr> args, int i) => args[i] is StarExpr ? throw ParamType(name) : Compile(args[i]);

    /// <summary>The functions without arguments: constants of the session, the server and the clock.</summary>
    private CExpr CompileNiladic(string name)
    {
        switch (name)
        {
            case "server_version":
            case "client_version":
                return CExpr.Constant(TaosDataType.VarChar, RestProtocol.ServerVersion.Length, RestProtocol.ServerVersion);
            case "server_status":
                return CExpr.Constant(TaosDataType.Int, 4, 1);
            case "database":
                return Session.Database is { } db
                    ? CExpr.Constant(TaosDataType.VarChar, Values.Utf8Length(db), db)
                    : CExpr.Constant(TaosDataType.VarChar, 63, null);
            case "current_user":
            case "user":
                {
                    string u = Session.User + "@" + Session.ClientHost;
                    return CExpr.Constant(TaosDataType.VarChar, Values.Utf8Length(u), u);
                }
            case "now":
                return CExpr.Constant(TaosDataType.Timestamp, 8, Now);
            case "today":
                return CExpr.Constant(TaosDataType.Timestamp, 8, Clock.Today(Now, Precision, Zone));
            case "timezone":
                {
                    // TDengine declares TIMEZONE() as VARCHAR(94) (TD_TIMEZONE_LEN + VARSTR_HEADER_SIZE).
                    string tz = TimeZones.DisplayText(Zone);
                    return CExpr.Constant(TaosDataType.VarChar, 94, tz);
                }
            default:
                throw new TaosServerException(ServerErrorCode.FunctionNotExists, "Func not exists");
        }
    }

    private CExpr CompileRounding(string name, IReadOnlyList<Expr> args)
    {
        var x = Arg(name, args, 0);
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

    private CExpr CompileMath(string name, IReadOnlyList<Expr> args)
    {
        var x = Arg(name, args, 0);
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

    private CExpr CompileLogPow(string name, IReadOnlyList<Expr> args)
    {
        var x = Arg(name, args, 0);
        var y = args.Count > 1 ? Arg(name, args, 1) : null;
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

    private CExpr CompileLength(string name, IReadOnlyList<Expr> args)
    {
        var x = Arg(name, args, 0);
        bool bytes = name == "length";
        if (!(IsStringType(x) || (bytes && x.Type is TaosDataType.VarBinary or TaosDataType.Geometry))) throw ParamType(name);
        return Derive(TaosDataType.BigInt, 8, c => x.Eval(c) switch
        {
            null => null,
            byte[] b => (long)b.Length,
            // CHAR_LENGTH counts characters of NCHAR only: of a VARCHAR TDengine 3.3.0.1 counts its bytes.
            var v when x.Type == TaosDataType.NChar => (long)Values.RuneCount(Values.ToText(v)) * (bytes ? 4 : 1),
            var v => (long)Values.Utf8Length(Values.ToText(v)),
        }, x);
    }

    /// <summary>MD5(str): the lowercase hex digest of the value's bytes, a VARCHAR(32).</summary>
    private CExpr CompileMd5(string name, IReadOnlyList<Expr> args)
    {
        var x = Arg(name, args, 0);
        if (!(IsStringType(x) || x.Type == TaosDataType.VarBinary)) throw ParamType(name);
        return Derive(TaosDataType.VarChar, 32, c => x.Eval(c) switch
        {
            null => null,
            byte[] b => System.Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(b)),
            var v => System.Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(Values.ToText(v)))),
        }, x);
    }

    private CExpr CompileTextCase(string name, IReadOnlyList<Expr> args)
    {
        var x = Arg(name, args, 0);
        if (!IsStringType(x)) throw ParamType(name);
        Func<string, string> f = name switch
        {
            "lower" => s => s.ToLowerInvariant(),
            "upper" => s => s.ToUpperInvariant(),
            "ltrim" => s => s.TrimStart(' '),
            "rtrim" => s => s.TrimEnd(' '),
            _ => s => s.Trim(' '),
        };
        return Derive(x.IsNullLiteral ? TaosDataType.VarChar : x.Type, TrimmedWidth(name, x), c => x.Eval(c) is { } v ? f(Values.ToText(v)) : null, x);
    }

    /// <summary>
    /// The declared width of LTRIM/RTRIM: TDengine takes its argument's width, less the spaces the function will
    /// strip when the argument is a constant (leading ones for LTRIM, trailing ones for RTRIM).
    /// </summary>
    private static int TrimmedWidth(string name, CExpr x)
    {
        if (name is not ("ltrim" or "rtrim") || !x.IsConstant || x.Eval(new EvalContext()) is not { } v) return x.Length;
        string s = Values.ToText(v);
        int spaces = name == "ltrim" ? s.Length - s.TrimStart(' ').Length : s.Length - s.TrimEnd(' ').Length;
        return x.Type == TaosDataType.VarChar ? x.Length - spaces : x.Length;
    }

    private CExpr CompileSubstring(string name, IReadOnlyList<Expr> args)
    {
        var x = Arg(name, args, 0);
        var pos = Arg(name, args, 1);
        var len = args.Count > 2 ? Arg(name, args, 2) : null;
        if (!IsStringType(x) || !IsNumericType(pos) || (len is not null && !IsNumericType(len))) throw ParamType(name);
        if (pos.IsConstant && pos.Eval(new EvalContext()) is { } p0 && Values.ToLong(p0) == 0)
        {
            throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Invalid parameter value : " + name);
        }
        return Derive(x.IsNullLiteral ? TaosDataType.VarChar : x.Type, x.Length, c =>
        {
            if (x.Eval(c) is not { } v || pos.Eval(c) is not { } pv) return null;
            var runes = Values.ToText(v).EnumerateRunes().ToArray();
            long start = Values.ToLong(pv);
            // A negative start counts from the end; before the first character it starts at the first.
            if (start < 0) start = Math.Max(1, runes.Length + start + 1);
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

    private CExpr CompileConcat(string name, IReadOnlyList<Expr> args)
    {
        bool ws = name == "concat_ws";
        var parts = args.Select((_, i) => Arg(name, args, i)).ToArray();
        if (parts.Any(p => !IsStringType(p))) throw ParamType(name);
        bool nchar = parts.Any(p => p.Type == TaosDataType.NChar) && !parts.Any(p => p.IsNullLiteral);
        return Derive(nchar ? TaosDataType.NChar : TaosDataType.VarChar, ConcatWidth(ws, parts, nchar), c =>
        {
            var values = new string[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                // TDengine 3.3.0.1: a NULL in any argument (the separator included) makes the whole result NULL.
                if (parts[i].Eval(c) is not { } v) return null;
                values[i] = Values.ToText(v);
            }
            return ws ? string.Join(values[0], values, 1, values.Length - 1) : string.Concat(values);
        }, parts);
    }

    /// <summary>
    /// CONCAT's declared width as TDengine computes it: the sum of its arguments' sizes in bytes, each with its 2-byte
    /// length header (a VARCHAR counted 4 bytes a character when the result is NCHAR); CONCAT_WS adds the separator
    /// once more for each argument beyond the second. The width shown is that size less one header (in characters
    /// for NCHAR). A NULL argument declares 0 bytes, a VARCHAR of width -2.
    /// </summary>
    private static int ConcatWidth(bool ws, CExpr[] parts, bool nchar)
    {
        const int header = 2;
        // A NULL argument makes TDengine declare the result 0 bytes: a width of -2, written 4294967294.
        if (parts.Any(p => p.IsNullLiteral)) return -header;
        int Bytes(CExpr p) => !nchar ? p.Length + header
            : p.Type == TaosDataType.NChar ? p.Length * 4 + header : (p.Length + header) * 4;
        int bytes = parts.Sum(Bytes);
        if (ws) bytes += Bytes(parts[0]) * Math.Max(0, parts.Length - 3);
        return nchar ? (bytes - header) / 4 : bytes - header;
    }

    /// <summary>TO_ISO8601(ts [, zone]): a VARCHAR(62) (64 bytes less the length header) in TDengine 3.3.0.1.</summary>
    private CExpr CompileToIso8601(string name, IReadOnlyList<Expr> args)
    {
        var x = Arg(name, args, 0);
        if (!(x.Type == TaosDataType.Timestamp || TaosTypes.IsInteger(x.Type) || x.IsNullLiteral)) throw ParamType(name);
        const int width = 62;
        if (args.Count == 1)
        {
            var z = Zone;
            return Derive(TaosDataType.VarChar, width, c => x.Eval(c) is { } v ? Iso8601Text.Format(Values.ToLong(v), z) : null, x);
        }
        var zoneArg = Arg(name, args, 1);
        if (!zoneArg.IsConstant || !IsStringType(zoneArg)) throw ParamType(name);
        string zoneText = zoneArg.Eval(new EvalContext()) is { } zv ? Values.ToText(zv) : "";
        if (!TimestampText.TryParseZoneSuffix(zoneText, out var offset))
        {
            throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Invalid parameter value : " + name);
        }
        return Derive(TaosDataType.VarChar, width, c => x.Eval(c) is { } v ? Iso8601Text.Format(Values.ToLong(v), offset, zoneText) : null, x);
    }

    private CExpr CompileToCharTimestamp(string name, IReadOnlyList<Expr> args)
    {
        var x = Arg(name, args, 0);
        var f = Arg(name, args, 1);
        if (!IsStringType(f)) throw ParamType(name);
        var p = Precision;
        var z = Zone;
        if (name == "to_char")
        {
            if (!(x.Type == TaosDataType.Timestamp || TaosTypes.IsInteger(x.Type) || x.IsNullLiteral)) throw ParamType(name);
            return Derive(TaosDataType.VarChar, 4094, c =>
                x.Eval(c) is { } v && f.Eval(c) is { } fv ? TimeFormat.Format(Values.ToLong(v), Values.ToText(fv), p, z) : null, x, f);
        }
        if (!IsStringType(x)) throw ParamType(name);
        return Derive(TaosDataType.Timestamp, 8, c =>
            x.Eval(c) is { } v && f.Eval(c) is { } fv && TimeFormat.TryParse(Values.ToText(v), Values.ToText(fv), p, z, out long t) ? t : null, x, f);
    }

    private CExpr CompileToUnixTimestamp(string name, IReadOnlyList<Expr> args)
    {
        var x = Arg(name, args, 0);
        if (!IsStringType(x)) throw ParamType(name);
        bool asTimestamp = args.Count > 1 && Arg(name, args, 1).Eval(new EvalContext()) is { } flag && Values.ToLong(flag) == 1;
        var p = Precision;
        var z = Zone;
        return Derive(asTimestamp ? TaosDataType.Timestamp : TaosDataType.BigInt, 8, c =>
            x.Eval(c) is { } v && TimestampText.TryParse(Values.ToText(v), p, z, out long t) ? t : null, x);
    }

    private CExpr CompileTimeTruncate(string name, IReadOnlyList<Expr> args)
    {
        var x = Arg(name, args, 0);
        var unit = Arg(name, args, 1);
        if (unit.DurationUnit == '\0') throw ParamType(name);
        if (DurationUnit.IsCalendar(unit.DurationUnit)) throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Invalid parameter value : " + name);
        if (!(x.Type == TaosDataType.Timestamp || TaosTypes.IsInteger(x.Type) || IsStringType(x))) throw ParamType(name);
        bool useZone = args.Count < 3 || Arg(name, args, 2).Eval(new EvalContext()) is not { } uz || Values.ToLong(uz) != 0;
        long unitTicks = Durations.Ticks(unit.DurationValue, unit.DurationUnit, Precision);
        if (unitTicks <= 0) throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Invalid parameter value : " + name);
        bool dayLike = unit.DurationUnit is 'd' or 'w';
        bool early = x.Type == TaosDataType.Timestamp;
        var p = Precision;
        var z = Zone;
        return Derive(TaosDataType.Timestamp, 8, c =>
        {
            var v = x.Eval(c);
            if (v is null) return null;
            long ts;
            if (v is string s)
            {
                if (!TimestampText.TryParse(s, p, z, out ts)) return null;
            }
            else
            {
                ts = early ? EarlyTimestamps.AsRead(Values.ToLong(v), p) : Values.ToLong(v);
            }
            long shift = dayLike && useZone ? TimeZones.OffsetTicks(ts, p, z) : 0;
            long local = ts + shift;
            // C's remainder, as TDengine's: before 1970 the time truncates toward 1970.
            return local - local % unitTicks - shift;
        }, x);
    }

    private CExpr CompileTimeDiff(string name, IReadOnlyList<Expr> args)
    {
        var a = Arg(name, args, 0);
        var b = Arg(name, args, 1);
        long unitTicks = 1;
        if (args.Count > 2)
        {
            var unit = Arg(name, args, 2);
            if (unit.DurationUnit == '\0') throw ParamType(name);
            unitTicks = Math.Max(1, Durations.Ticks(unit.DurationValue, unit.DurationUnit, Precision));
        }
        var p = Precision;
        var z = Zone;
        long ToTicks(CExpr e, object v) => v is string s ? (TimestampText.TryParse(s, p, z, out long t) ? t : 0)
            : e.Type == TaosDataType.Timestamp ? EarlyTimestamps.AsRead(Values.ToLong(v), p) : Values.ToLong(v);
        return Derive(TaosDataType.BigInt, 8, c =>
        {
            if (a.Eval(c) is not { } av || b.Eval(c) is not { } bv) return null;
            return Math.Abs(ToTicks(a, av) - ToTicks(b, bv)) / unitTicks;
        }, a, b);
    }

    private static object? NanToNull(double d) => double.IsNaN(d) || double.IsInfinity(d) ? null : d;
}
