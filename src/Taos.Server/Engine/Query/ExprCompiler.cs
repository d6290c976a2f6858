using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Taos.Protocol;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Query;

/// <summary>
/// Turns AST expressions into <see cref="CExpr"/>: resolves names against the FROM source, assigns TDengine's
/// result types, registers aggregate calls, and raises TDengine's errors for unknown names and bad arguments.
/// </summary>
internal sealed partial class ExprCompiler
{
    public ExprCompiler(SourceLayout? layout, TaosPrecision precision, TimeZoneInfo zone, SqlSession session, long now)
    {
        Layout = layout;
        Precision = precision;
        Zone = zone;
        Session = session;
        Now = now;
    }

    public SourceLayout? Layout { get; }
    public TaosPrecision Precision { get; }
    public TimeZoneInfo Zone { get; }
    public SqlSession Session { get; }
    public long Now { get; }

    /// <summary>Aggregate calls met so far, in order; null when aggregates are not allowed here.</summary>
    public List<AggSpec>? Aggregates { get; set; }

    /// <summary>Whether <c>_wstart</c>, <c>_wend</c>, <c>_wduration</c> may be used.</summary>
    public bool WindowColumns { get; set; }

    private bool _insideAggregate;

    public static bool IsAggregateName(string name) => name is "count" or "avg" or "sum" or "min" or "max" or "spread" or "first" or "last"
        or "last_row" or "stddev" or "stddev_pop" or "hyperloglog" or "percentile" or "apercentile" or "elapsed"
        or "mode" or "irate" or "twa" or "leastsquares";

    public static bool IsSelectorName(string name) => name is "min" or "max" or "first" or "last" or "last_row";

    public CExpr Compile(Expr e)
    {
        var c = CompileCore(e);
        if (c.IsConstant && !c.IsNullLiteral && c.DurationUnit == '\0')
        {
            // Fold constants so that NOW() is read once and literals are not re-converted per row.
            object? v = c.Eval(new EvalContext());
            return new CExpr { Type = c.Type, Length = c.Length, Eval = _ => v, IsConstant = true, IsIntegerLiteral = c.IsIntegerLiteral };
        }
        return c;
    }

    private CExpr CompileCore(Expr e) => e switch
    {
        LiteralExpr lit => CompileLiteral(lit),
        ColumnExpr col => CompileColumn(col),
        FunctionExpr fn => CompileFunction(fn),
        UnaryExpr u => CompileUnary(u),
        BinaryExpr b => CompileBinary(b),
        BetweenExpr bt => CompileBetween(bt),
        InExpr inExpr => CompileIn(inExpr),
        IsNullExpr isNull => CompileIsNull(isNull),
        CastExpr cast => CompileCast(cast),
        CaseExpr ce => CompileCase(ce),
        StarExpr => throw SyntaxError(e.Text.Length > 0 ? e.Text : "*"),
        _ => throw SyntaxError(e.Text),
    };

    public static TaosServerException SyntaxError(string near) =>
        new(ServerErrorCode.SyntaxError, "syntax error near \"" + near + "\"");

    private CExpr CompileLiteral(LiteralExpr lit)
    {
        switch (lit.Kind)
        {
            case LiteralKind.Integer:
                return lit.Value is ulong u
                    ? CExpr.Constant(TaosDataType.UBigInt, 8, u, isInt: true)
                    : CExpr.Constant(TaosDataType.BigInt, 8, System.Convert.ToInt64(lit.Value, CultureInfo.InvariantCulture), isInt: true);
            case LiteralKind.Float:
                return CExpr.Constant(TaosDataType.Double, 8, System.Convert.ToDouble(lit.Value, CultureInfo.InvariantCulture));
            case LiteralKind.String:
                {
                    string s = (string)lit.Value!;
                    return CExpr.Constant(TaosDataType.VarChar, Values.Utf8Length(s), s);
                }
            case LiteralKind.Bool:
                return CExpr.Constant(TaosDataType.Bool, 1, (bool)lit.Value!);
            case LiteralKind.Null:
                return CExpr.Constant(TaosDataType.VarChar, 0, null, isNull: true);
            case LiteralKind.Duration:
                {
                    var d = (Duration)lit.Value!;
                    long ticks = QueryTime.FixedTicks(d, Precision);
                    return new CExpr
                    {
                        Type = TaosDataType.BigInt, Length = 8, Eval = _ => ticks, IsConstant = true,
                        DurationUnit = d.Unit, DurationValue = d.Value,
                    };
                }
            case LiteralKind.Timestamp:
                {
                    string s = (string)lit.Value!;
                    if (!QueryTime.TryParseTimestamp(s, Precision, Zone, out long ticks))
                    {
                        throw new TaosServerException(ServerErrorCode.InvalidValue, "syntax error near '" + s + "' (invalid timestamp)");
                    }
                    return CExpr.Constant(TaosDataType.Timestamp, 8, ticks);
                }
            default:
                throw SyntaxError(lit.Text);
        }
    }

    private CExpr CompileColumn(ColumnExpr col)
    {
        string name = col.Name;
        switch (name.ToLowerInvariant())
        {
            case "_wstart":
            case "_wend":
            case "_wduration":
                if (!WindowColumns)
                {
                    throw new TaosServerException(0x2658, "_WSTART, _WEND and _WDURATION can only be used in window query");
                }
                return name.ToLowerInvariant() switch
                {
                    "_wstart" => new CExpr { Type = TaosDataType.Timestamp, Length = 8, Eval = c => c.WStart },
                    "_wend" => new CExpr { Type = TaosDataType.Timestamp, Length = 8, Eval = c => c.WEnd },
                    _ => new CExpr { Type = TaosDataType.BigInt, Length = 8, Eval = c => c.WDuration },
                };
            case "_rowts":
            case "_c0":
                if (Layout is { TsIndex: >= 0 } l)
                {
                    int ti = l.TsIndex;
                    return new CExpr { Type = TaosDataType.Timestamp, Length = 8, Eval = c => c.Row[ti], UsesColumns = true };
                }
                break;
        }
        var slot = Layout?.Find(name) ?? throw new TaosServerException(ServerErrorCode.InvalidColumnName, "Invalid column name: " + name);
        int index = slot.Index;
        return slot.Kind switch
        {
            SlotKind.Column => new CExpr { Type = slot.Type, Length = slot.Length, Eval = c => c.Row[index], UsesColumns = true, Slot = slot },
            SlotKind.Tag => new CExpr { Type = slot.Type, Length = slot.Length, Eval = c => c.Table?.TagValues?[index], Slot = slot },
            _ => new CExpr { Type = slot.Type, Length = slot.Length, Eval = c => c.Table?.Name, Slot = slot },
        };
    }

    private CExpr CompileUnary(UnaryExpr u)
    {
        var operand = Compile(u.Operand);
        switch (u.Op)
        {
            case UnaryOp.Plus:
                return operand;
            case UnaryOp.Not:
                return Derive(TaosDataType.Bool, 1, c => operand.Eval(c) is { } v ? !Values.ToBool(v) : null, operand);
            default:
                if (operand.IsIntegerLiteral && operand.Type == TaosDataType.BigInt)
                {
                    long v = -(long)operand.Eval(new EvalContext())!;
                    return CExpr.Constant(TaosDataType.BigInt, 8, v, isInt: true);
                }
                return Derive(TaosDataType.Double, 8, c => operand.Eval(c) is { } v ? -Values.ToDouble(v) : null, operand);
        }
    }

    /// <summary>A new expression over <paramref name="parts"/>, inheriting their constness and dependencies.</summary>
    private static CExpr Derive(TaosDataType type, int length, Func<EvalContext, object?> eval, params CExpr[] parts) => new()
    {
        Type = type,
        Length = length,
        Eval = eval,
        IsConstant = parts.All(p => p.IsConstant),
        HasAggregate = parts.Any(p => p.HasAggregate),
        UsesColumns = parts.Any(p => p.UsesColumns),
    };

    private CExpr CompileBinary(BinaryExpr b)
    {
        switch (b.Op)
        {
            case BinaryOp.And:
                {
                    var l = Compile(b.Left);
                    var r = Compile(b.Right);
                    return Derive(TaosDataType.Bool, 1, c =>
                    {
                        var lv = l.Eval(c);
                        if (lv is not null && !Values.ToBool(lv)) return false;
                        var rv = r.Eval(c);
                        if (rv is not null && !Values.ToBool(rv)) return false;
                        return lv is null || rv is null ? null : true;
                    }, l, r);
                }
            case BinaryOp.Or:
                {
                    var l = Compile(b.Left);
                    var r = Compile(b.Right);
                    return Derive(TaosDataType.Bool, 1, c =>
                    {
                        var lv = l.Eval(c);
                        if (lv is not null && Values.ToBool(lv)) return true;
                        var rv = r.Eval(c);
                        if (rv is not null && Values.ToBool(rv)) return true;
                        return lv is null || rv is null ? null : false;
                    }, l, r);
                }
            case BinaryOp.JsonGet:
                return CompileJsonGet(b);
            case BinaryOp.Contains:
                return CompileContains(b);
            case BinaryOp.Like:
            case BinaryOp.NotLike:
            case BinaryOp.Match:
            case BinaryOp.NotMatch:
                return CompilePattern(b);
        }
        var left = Compile(b.Left);
        var right = Compile(b.Right);
        switch (b.Op)
        {
            case BinaryOp.Add:
            case BinaryOp.Subtract:
            case BinaryOp.Multiply:
            case BinaryOp.Divide:
            case BinaryOp.Modulo:
                return CompileArithmetic(b.Op, left, right);
            case BinaryOp.BitAnd:
            case BinaryOp.BitOr:
                {
                    bool and = b.Op == BinaryOp.BitAnd;
                    return Derive(TaosDataType.BigInt, 8, c =>
                    {
                        if (left.Eval(c) is not { } lv || right.Eval(c) is not { } rv) return null;
                        long x = Values.ToLong(lv), y = Values.ToLong(rv);
                        return and ? x & y : x | y;
                    }, left, right);
                }
            default:
                return CompileComparison(b.Op, left, right);
        }
    }

    private CExpr CompileArithmetic(BinaryOp op, CExpr left, CExpr right)
    {
        bool lts = left.Type == TaosDataType.Timestamp, rts = right.Type == TaosDataType.Timestamp;
        if ((op == BinaryOp.Add || op == BinaryOp.Subtract) && (lts ^ rts))
        {
            var ts = lts ? left : right;
            var other = lts ? right : left;
            if (op == BinaryOp.Subtract && rts)
            {
                // integer − timestamp is plain arithmetic
            }
            else if (other.DurationUnit is 'n' or 'y')
            {
                long months = other.DurationUnit == 'y' ? other.DurationValue * 12 : other.DurationValue;
                if (op == BinaryOp.Subtract) months = -months;
                var p = Precision;
                var z = Zone;
                return Derive(TaosDataType.Timestamp, 8, c => ts.Eval(c) is { } v ? QueryTime.AddMonths(Values.ToLong(v), months, p, z) : null, left, right);
            }
            else if (TaosTypes.IsInteger(other.Type) || other.Type == TaosDataType.Bool)
            {
                bool sub = op == BinaryOp.Subtract;
                return Derive(TaosDataType.Timestamp, 8, c =>
                {
                    if (left.Eval(c) is not { } lv || right.Eval(c) is not { } rv) return null;
                    long x = Values.ToLong(lv), y = Values.ToLong(rv);
                    return sub ? x - y : x + y;
                }, left, right);
            }
        }
        return Derive(TaosDataType.Double, 8, c =>
        {
            if (left.Eval(c) is not { } lv || right.Eval(c) is not { } rv) return null;
            double x = Values.ToDouble(lv), y = Values.ToDouble(rv);
            switch (op)
            {
                case BinaryOp.Add: return x + y;
                case BinaryOp.Subtract: return x - y;
                case BinaryOp.Multiply: return x * y;
                case BinaryOp.Divide: return y == 0 ? null : x / y;
                default: return y == 0 ? null : x % y;
            }
        }, left, right);
    }

    /// <summary>Brings a string constant compared with a TIMESTAMP to ticks (read in the server zone).</summary>
    private CExpr CoerceForTimestamp(CExpr other)
    {
        if (other.IsString && other.IsConstant)
        {
            var v = other.Eval(new EvalContext());
            if (v is string s)
            {
                if (QueryTime.TryParseTimestamp(s, Precision, Zone, out long ticks)) return CExpr.Constant(TaosDataType.Timestamp, 8, ticks);
                if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return CExpr.Constant(TaosDataType.Timestamp, 8, l);
                throw new TaosServerException(ServerErrorCode.InvalidValue, "syntax error near '" + s + "' (invalid timestamp)");
            }
        }
        return other;
    }

    /// <summary>
    /// A numeric constant compared with a FLOAT value is first rounded to FLOAT, as TDengine's filter converts
    /// constants to the column's type (so <c>current = 10.3</c> matches the stored 10.3f).
    /// </summary>
    private static CExpr ForFloat(CExpr value, CExpr other)
    {
        if (value.Type != TaosDataType.Float || !other.IsConstant || other.Type != TaosDataType.Double) return other;
        var v = other.Eval(new EvalContext());
        return v is null ? other : CExpr.Constant(TaosDataType.Float, 4, (float)Values.ToDouble(v));
    }

    private CExpr CompileComparison(BinaryOp op, CExpr left, CExpr right)
    {
        left = Scalarize(left);
        right = Scalarize(right);
        right = ForFloat(left, right);
        left = ForFloat(right, left);
        if (left.Type == TaosDataType.Timestamp) right = CoerceForTimestamp(right);
        if (right.Type == TaosDataType.Timestamp) left = CoerceForTimestamp(left);
        Func<int, bool> test = op switch
        {
            BinaryOp.Equal => r => r == 0,
            BinaryOp.NotEqual => r => r != 0,
            BinaryOp.Less => r => r < 0,
            BinaryOp.LessOrEqual => r => r <= 0,
            BinaryOp.Greater => r => r > 0,
            _ => r => r >= 0,
        };
        var l = left;
        var r = right;
        return Derive(TaosDataType.Bool, 1, c =>
        {
            if (l.Eval(c) is not { } lv || r.Eval(c) is not { } rv) return null;
            return test(Values.Compare(lv, rv));
        }, left, right);
    }

    private CExpr CompileBetween(BetweenExpr bt)
    {
        var x = Scalarize(Compile(bt.Operand));
        var lo = Compile(bt.Low);
        var hi = Compile(bt.High);
        if (x.Type == TaosDataType.Timestamp)
        {
            lo = CoerceForTimestamp(lo);
            hi = CoerceForTimestamp(hi);
        }
        lo = ForFloat(x, lo);
        hi = ForFloat(x, hi);
        bool negated = bt.Negated;
        return Derive(TaosDataType.Bool, 1, c =>
        {
            if (x.Eval(c) is not { } v || lo.Eval(c) is not { } l || hi.Eval(c) is not { } h) return null;
            bool inside = Values.Compare(v, l) >= 0 && Values.Compare(v, h) <= 0;
            return inside != negated;
        }, x, lo, hi);
    }

    private CExpr CompileIn(InExpr inExpr)
    {
        var x = Scalarize(Compile(inExpr.Operand));
        var items = inExpr.Values.Select(Compile).Select(i => x.Type == TaosDataType.Timestamp ? CoerceForTimestamp(i) : ForFloat(x, i)).ToArray();
        bool negated = inExpr.Negated;
        return Derive(TaosDataType.Bool, 1, c =>
        {
            if (x.Eval(c) is not { } v) return null;
            bool found = false;
            foreach (var item in items)
            {
                if (item.Eval(c) is { } iv && Values.Compare(v, iv) == 0)
                {
                    found = true;
                    break;
                }
            }
            return found != negated;
        }, [x, .. items]);
    }

    private CExpr CompileIsNull(IsNullExpr isNull)
    {
        var x = Compile(isNull.Operand);
        bool negated = isNull.Negated;
        return Derive(TaosDataType.Bool, 1, c => (x.Eval(c) is null) != negated, x);
    }

    private CExpr CompilePattern(BinaryExpr b)
    {
        var x = Scalarize(Compile(b.Left));
        var p = Compile(b.Right);
        bool like = b.Op is BinaryOp.Like or BinaryOp.NotLike;
        bool negated = b.Op is BinaryOp.NotLike or BinaryOp.NotMatch;
        Regex? fixedRegex = null;
        if (p.IsConstant && p.Eval(new EvalContext()) is string ps)
        {
            fixedRegex = like ? LikeToRegex(ps) : TryRegex(ps);
            if (fixedRegex is null)
            {
                throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Invalid regular expression: " + ps);
            }
        }
        return Derive(TaosDataType.Bool, 1, c =>
        {
            if (x.Eval(c) is not { } v) return null;
            var regex = fixedRegex;
            if (regex is null)
            {
                if (p.Eval(c) is not { } pv) return null;
                string pattern = Values.ToText(pv);
                regex = like ? LikeToRegex(pattern) : TryRegex(pattern);
                if (regex is null) return false;
            }
            return regex.IsMatch(Values.ToText(v)) != negated;
        }, x, p);
    }

    private static Regex? TryRegex(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static Regex LikeToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char ch = pattern[i];
            if (ch == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '%' or '_' or '\\')
            {
                sb.Append(Regex.Escape(pattern[i + 1].ToString()));
                i++;
            }
            else if (ch == '%') sb.Append(".*");
            else if (ch == '_') sb.Append('.');
            else sb.Append(Regex.Escape(ch.ToString()));
        }
        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    private CExpr CompileJsonGet(BinaryExpr b)
    {
        var j = Compile(b.Left);
        var k = Compile(b.Right);
        return Derive(TaosDataType.Json, 4095, c =>
        {
            if (j.Eval(c) is not string text || k.Eval(c) is not { } key) return null;
            return JsonMember(text, Values.ToText(key));
        }, j, k);
    }

    private static string? JsonMember(string json, string key)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                if (prop.Name == key)
                {
                    return prop.Value.ValueKind == JsonValueKind.Null ? null : prop.Value.GetRawText();
                }
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A JSON value compared with a plain value: strings unquoted, numbers as DOUBLE, booleans as BOOL.</summary>
    private static CExpr Scalarize(CExpr e)
    {
        if (e.Type != TaosDataType.Json) return e;
        return new CExpr
        {
            Type = TaosDataType.VarChar, Length = e.Length, IsConstant = e.IsConstant, HasAggregate = e.HasAggregate, UsesColumns = e.UsesColumns,
            Eval = c => e.Eval(c) is string text ? JsonScalar(text) : null,
        };
    }

    private static object? JsonScalar(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var r = doc.RootElement;
            return r.ValueKind switch
            {
                JsonValueKind.String => r.GetString(),
                JsonValueKind.Number => r.GetDouble(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => json,
            };
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private CExpr CompileContains(BinaryExpr b)
    {
        var j = Compile(b.Left);
        var k = Compile(b.Right);
        return Derive(TaosDataType.Bool, 1, c =>
        {
            var jv = j.Eval(c);
            if (jv is not string text || k.Eval(c) is not { } key) return jv is null ? false : null;
            try
            {
                using var doc = JsonDocument.Parse(text);
                return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(Values.ToText(key), out _);
            }
            catch (JsonException)
            {
                return false;
            }
        }, j, k);
    }

    private CExpr CompileCast(CastExpr cast)
    {
        var x = Compile(cast.Operand);
        var t = cast.Type.Type;
        int length = TaosTypesLength(cast.Type);
        var p = Precision;
        var z = Zone;
        bool isString = t is TaosDataType.VarChar or TaosDataType.NChar;
        bool fromTimestampToString = x.Type == TaosDataType.Timestamp && isString;
        bool timestampToTimestamp = x.Type == TaosDataType.Timestamp && t == TaosDataType.Timestamp;
        bool toNumber = t is not (TaosDataType.VarChar or TaosDataType.NChar or TaosDataType.VarBinary or TaosDataType.Geometry or TaosDataType.Json
            or TaosDataType.Bool or TaosDataType.Timestamp);
        return Derive(t, length, c =>
        {
            var v = x.Eval(c);
            if (v is null) return null;
            object? r;
            if (fromTimestampToString)
            {
                r = Values.ToLong(v).ToString(CultureInfo.InvariantCulture);
            }
            else if (timestampToTimestamp)
            {
                r = v;
            }
            else if (v is string sv)
            {
                // CAST reads strings as C's strtol/strtod do: a leading number or 0 ('true' → false, bad time → 0).
                if (t == TaosDataType.Bool) r = LeadingNumber(sv) != 0;
                else if (t == TaosDataType.Timestamp) r = Values.Convert(sv, t, p, z) ?? 0L;
                else if (toNumber)
                {
                    string trimmed = sv.Trim();
                    r = long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out long exact) ? Values.Convert(exact, t, p, z)
                        : ulong.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong uexact) ? Values.Convert(uexact, t, p, z)
                        : Values.Convert(LeadingNumber(sv), t, p, z);
                }
                else r = Values.Convert(sv, t, p, z);
            }
            else
            {
                r = Values.Convert(v, t, p, z);
            }
            if (isString && r is string s)
            {
                r = t == TaosDataType.NChar ? TruncateChars(s, length) : TruncateBytes(s, length);
            }
            return r;
        }, x);
    }

    /// <summary>The longest numeric prefix of <paramref name="s"/> (after leading spaces) as a double, 0 when none.</summary>
    private static double LeadingNumber(string s)
    {
        var t = s.TrimStart();
        int n = 0;
        if (n < t.Length && (t[n] == '+' || t[n] == '-')) n++;
        while (n < t.Length && char.IsAsciiDigit(t[n])) n++;
        if (n < t.Length && t[n] == '.')
        {
            n++;
            while (n < t.Length && char.IsAsciiDigit(t[n])) n++;
        }
        if (n < t.Length && (t[n] == 'e' || t[n] == 'E'))
        {
            int m = n + 1;
            if (m < t.Length && (t[m] == '+' || t[m] == '-')) m++;
            if (m < t.Length && char.IsAsciiDigit(t[m]))
            {
                while (m < t.Length && char.IsAsciiDigit(t[m])) m++;
                n = m;
            }
        }
        return double.TryParse(t.AsSpan(0, n), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : 0;
    }

    private static int TaosTypesLength(TypeSpec spec) =>
        Protocol.TaosTypes.FixedSize(spec.Type) ?? spec.Length;

    public static string TruncateBytes(string s, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(s) <= maxBytes) return s;
        var bytes = Encoding.UTF8.GetBytes(s);
        int n = maxBytes;
        while (n > 0 && (bytes[n] & 0xC0) == 0x80) n--;
        return Encoding.UTF8.GetString(bytes, 0, n);
    }

    public static string TruncateChars(string s, int maxChars)
    {
        // No string has more code points than UTF-16 units: the common short value needs no rune list.
        if (s.Length <= maxChars) return s;
        var runes = s.EnumerateRunes().ToList();
        return runes.Count <= maxChars ? s : string.Concat(runes.Take(maxChars).Select(r => r.ToString()));
    }

    private CExpr CompileCase(CaseExpr ce)
    {
        var operand = ce.Operand is null ? null : Compile(ce.Operand);
        var branches = ce.Branches.Select(br => (When: Compile(br.When), Then: Compile(br.Then))).ToArray();
        var elseExpr = ce.Else is null ? null : Compile(ce.Else);
        var typed = branches.Select(br => br.Then).Append(elseExpr).FirstOrDefault(x => x is not null && !x.IsNullLiteral) ?? branches[0].Then;
        var type = typed.Type;
        int length = typed.Length;
        if (typed.IsString)
        {
            length = branches.Select(br => br.Then).Append(elseExpr).Where(x => x is { IsString: true }).Max(x => x!.Length);
        }
        var p = Precision;
        var z = Zone;
        var parts = branches.SelectMany(br => new[] { br.When, br.Then }).Concat(operand is null ? [] : [operand]).Concat(elseExpr is null ? [] : [elseExpr]).ToArray();
        return Derive(type, length, c =>
        {
            object? key = operand?.Eval(c);
            foreach (var (when, then) in branches)
            {
                bool hit;
                if (operand is null)
                {
                    hit = Values.IsTrue(when.Eval(c));
                }
                else
                {
                    var wv = when.Eval(c);
                    hit = key is not null && wv is not null && Values.Compare(key, wv) == 0;
                }
                if (hit) return Values.Convert(then.Eval(c), type, p, z);
            }
            return elseExpr is null ? null : Values.Convert(elseExpr.Eval(c), type, p, z);
        }, parts);
    }
}
