using Taos.Protocol;
using System.Globalization;
using System.Numerics;
using System.Text;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Time;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Write;

/// <summary>
/// Turns INSERT and tag value tokens into typed values (see <see cref="RowSetResult"/>) the way TDengine's insert
/// parser does, failing with its exact 534/9811/9834 texts.
/// </summary>
internal sealed class ValueCoercer
{
    private readonly string _sql;
    private readonly TimeZoneInfo _zone;
    private readonly TaosPrecision _precision;

    public ValueCoercer(string sql, TimeZoneInfo zone, TaosPrecision precision)
    {
        _sql = sql;
        _zone = zone;
        _precision = precision;
    }

    /// <summary>534 <c>syntax error near '&lt;text&gt;' (&lt;reason&gt;)</c> quoting at most 63 bytes of <paramref name="source"/>.</summary>
    public static TaosServerException SyntaxError(string source, string reason) => SqlErrors.InsertSyntax(source, 0, reason);

    /// <summary>The same error quoting the statement from <paramref name="position"/> on.</summary>
    public TaosServerException SyntaxErrorAt(int position, string reason) => SqlErrors.InsertSyntax(_sql, position, reason);

    private TaosServerException Error(InsertValue value, string reason) =>
        value.Kind == InsertValueKind.String ? SyntaxError(value.Text, reason) : SyntaxErrorAt(value.Position, reason);

    private static bool IsStringType(TaosDataType type) =>
        type is TaosDataType.VarChar or TaosDataType.NChar or TaosDataType.VarBinary;

    /// <summary>Coerces one value for <paramref name="column"/>; <paramref name="primaryKey"/> marks the first column of a row.</summary>
    public object? Coerce(InsertValue value, ColumnInfo column, bool primaryKey)
    {
        if (value.Kind == InsertValueKind.Word) throw Error(value, "invalid data or symbol");
        bool isNull = value.Kind == InsertValueKind.Null ||
                      (value.Kind == InsertValueKind.String && !IsStringType(column.Type) && column.Type != TaosDataType.Json &&
                       value.Text.Equals("null", StringComparison.OrdinalIgnoreCase));
        if (isNull)
        {
            if (primaryKey) throw Error(value, "Primary timestamp column should not be null");
            return null;
        }
        if (TaosTypes.IsNumeric(column.Type) && value.Kind == InsertValueKind.String && value.Text.Length == 0)
            throw Error(value, "invalid numeric data");
        switch (column.Type)
        {
            case TaosDataType.Bool: return ToBool(value);
            case TaosDataType.TinyInt: return (sbyte)Signed(value, sbyte.MinValue, sbyte.MaxValue, "tinyint");
            case TaosDataType.SmallInt: return (short)Signed(value, short.MinValue, short.MaxValue, "smallint");
            case TaosDataType.Int: return (int)Signed(value, int.MinValue, int.MaxValue, "int");
            case TaosDataType.BigInt: return Signed(value, long.MinValue, long.MaxValue, "bigint");
            case TaosDataType.UTinyInt: return (byte)Unsigned(value, byte.MaxValue, "tinyint");
            case TaosDataType.USmallInt: return (ushort)Unsigned(value, ushort.MaxValue, "smallint");
            case TaosDataType.UInt: return (uint)Unsigned(value, uint.MaxValue, "int");
            case TaosDataType.UBigInt: return Unsigned(value, ulong.MaxValue, "bigint");
            case TaosDataType.Float:
            {
                if (!TryDouble(value, out double d) || !double.IsFinite(d) || Math.Abs(d) > float.MaxValue)
                    throw Error(value, "illegal float data");
                return (float)d;
            }
            case TaosDataType.Double:
            {
                if (!TryDouble(value, out double d) || !double.IsFinite(d)) throw Error(value, "illegal double data");
                return d;
            }
            case TaosDataType.Timestamp: return Timestamp(value);
            case TaosDataType.VarChar:
            {
                string s = value.Text;
                if (Encoding.UTF8.GetByteCount(s) > column.Length) throw TooLong(column);
                return s;
            }
            case TaosDataType.NChar:
            {
                string s = value.Text;
                if (s.EnumerateRunes().Count() > column.Length) throw TooLong(column);
                return s;
            }
            case TaosDataType.VarBinary:
            {
                var bytes = Varbinary(value, column);
                if (bytes.Length > column.Length) throw TooLong(column);
                return bytes;
            }
            case TaosDataType.Geometry:
            {
                var wkb = WktReader.TryRead(value.Text, out string? error) ?? throw Error(value, error!);
                if (wkb.Length > column.Length) throw TooLong(column);
                return wkb;
            }
            case TaosDataType.Json:
            {
                if (value.Kind != InsertValueKind.String) throw Error(value, "json parse error");
                if (Encoding.UTF8.GetByteCount(value.Text) > 4095) throw SyntaxError(value.Text, "json string too long than 4095");
                if (!JsonTag.TryNormalize(value.Text, out string? normalized, out string? reason, out string? quoted))
                    throw SyntaxError(quoted!, reason!);
                return normalized;
            }
            default:
                throw Error(value, "invalid data or symbol");
        }
    }

    private static TaosServerException TooLong(ColumnInfo column) =>
        new(ServerErrorCode.ValueTooLong, "Value too long for column/tag: " + column.Name);

    private static byte[] Varbinary(InsertValue value, ColumnInfo column)
    {
        if (value.Kind != InsertValueKind.String) throw InvalidVarbinary(column);
        string s = value.Text;
        if (s.Length >= 2 && s[0] == '\\' && (s[1] == 'x' || s[1] == 'X'))
        {
            var hex = s.AsSpan(2);
            if (hex.Length % 2 != 0) throw InvalidVarbinary(column);
            try
            {
                return Convert.FromHexString(hex);
            }
            catch (FormatException)
            {
                throw InvalidVarbinary(column);
            }
        }
        return Encoding.UTF8.GetBytes(s);
    }

    private static TaosServerException InvalidVarbinary(ColumnInfo column) =>
        new(ServerErrorCode.InvalidVarbinary, "Invalid varbinary value: " + column.Name);

    private bool ToBool(InsertValue value)
    {
        string t = value.Text;
        switch (value.Kind)
        {
            case InsertValueKind.Bool or InsertValueKind.String:
                if (t.Length > 0 && "true".StartsWith(t, StringComparison.Ordinal)) return true;
                if (t.Length > 0 && "false".StartsWith(t, StringComparison.Ordinal)) return false;
                throw Error(value, "invalid bool data");
            case InsertValueKind.Number:
                if (TryInteger(t, out BigInteger i, allowFraction: false)) return !i.IsZero;
                if (TryDouble(value, out double d)) return d != 0;
                throw Error(value, "invalid bool data");
            default:
                throw Error(value, "invalid bool data");
        }
    }

    private long Signed(InsertValue value, long min, long max, string name)
    {
        if (!ParseInteger(value, out BigInteger v) || v < long.MinValue || v > long.MaxValue)
            throw Error(value, "invalid " + name + " data");
        if (v < min || v > max) throw Error(value, name + " data overflow");
        return (long)v;
    }

    private ulong Unsigned(InsertValue value, ulong max, string name)
    {
        if (!ParseInteger(value, out BigInteger v) || v.Sign < 0 || v > ulong.MaxValue)
            throw Error(value, "invalid unsigned " + name + " data");
        if (v > max) throw Error(value, "unsigned " + name + " data overflow");
        return (ulong)v;
    }

    private static bool ParseInteger(InsertValue value, out BigInteger result)
    {
        result = default;
        if (value.Kind is not (InsertValueKind.Number or InsertValueKind.String)) return false;
        return TryInteger(value.Text.Trim(), out result, allowFraction: true);
    }

    /// <summary>Decimal, hex (0x) or binary (0b) integers; with <paramref name="allowFraction"/> decimals and exponents rounded half away from zero.</summary>
    private static bool TryInteger(string text, out BigInteger result, bool allowFraction)
    {
        result = default;
        if (text.Length == 0) return false;
        var s = text.AsSpan();
        bool negative = false;
        if (s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s.Length == 0) return false;
        if (s.Length > 2 && s[0] == '0' && (s[1] is 'x' or 'X' or 'b' or 'B'))
        {
            bool hex = s[1] is 'x' or 'X';
            BigInteger v = BigInteger.Zero;
            foreach (char c in s[2..])
            {
                int digit = hex ? HexDigit(c) : c is '0' or '1' ? c - '0' : -1;
                if (digit < 0) return false;
                v = v * (hex ? 16 : 2) + digit;
            }
            result = negative ? -v : v;
            return true;
        }
        if (s.IndexOfAnyExceptInRange('0', '9') < 0)
        {
            if (s.Length <= 18)
            {
                long small = long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
                result = negative ? -small : small;
                return true;
            }
            result = BigInteger.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
            if (negative) result = -result;
            return true;
        }
        if (!allowFraction) return false;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || !double.IsFinite(d) || IsSpecialWord(text))
            return false;
        d = Math.Round(d, MidpointRounding.AwayFromZero);
        if (d < -9.3e18 || d > 1.9e19) return false;
        result = new BigInteger(d);
        return true;
    }

    private static bool IsSpecialWord(string text) =>
        text.Contains("inf", StringComparison.OrdinalIgnoreCase) || text.Contains("nan", StringComparison.OrdinalIgnoreCase);

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool TryDouble(InsertValue value, out double result)
    {
        result = 0;
        if (value.Kind is not (InsertValueKind.Number or InsertValueKind.String)) return false;
        string t = value.Text.Trim();
        if (t.Length == 0) return false;
        if (TryInteger(t, out BigInteger i, allowFraction: false))
        {
            result = (double)i;
            return true;
        }
        if (IsSpecialWord(t)) return false;
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    private long Timestamp(InsertValue value)
    {
        long ts;
        switch (value.Kind)
        {
            case InsertValueKind.TimeFunction:
                ts = value.Text == "today" ? Clock.Today(_precision, _zone) : Clock.Now(_precision);
                break;
            case InsertValueKind.Number:
                if (!long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ts))
                    throw Error(value, "invalid timestamp");
                break;
            case InsertValueKind.String:
            {
                string t = value.Text.Trim();
                if (t.Equals("now", StringComparison.OrdinalIgnoreCase)) ts = Clock.Now(_precision);
                else if (t.Equals("today", StringComparison.OrdinalIgnoreCase)) ts = Clock.Today(_precision, _zone);
                else if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n)) ts = n;
                else if (!TimestampText.TryParse(t, _precision, _zone, out ts)) throw Error(value, "invalid timestamp");
                break;
            }
            default:
                throw Error(value, "invalid timestamp");
        }
        foreach (var (sign, duration) in value.Offsets)
        {
            if (!DurationUnit.IsAllowed(duration.Unit, DurationContext.Insert) ||
                !Durations.TryAdd(ts, sign == '-' ? -duration.Value : duration.Value, duration.Unit, _precision, _zone, out ts))
                throw Error(value, "invalid timestamp");
        }
        return ts;
    }
}
