using System.Globalization;
using System.Text;
using Taos.Server.Engine.Time;

namespace Taos.Server.Engine.Binding;

/// <summary>
/// Conversions and comparisons over result values as <see cref="RowSetResult"/> types them
/// (sbyte…ulong, float, double, bool, string, byte[], long ticks for TIMESTAMP).
/// </summary>
internal static class Values
{
    public static bool IsIntegral(object v) => v is sbyte or short or int or long or byte or ushort or uint or ulong;

    public static bool IsNumeric(object v) => IsIntegral(v) || v is float or double;

    public static double ToDouble(object v) => v switch
    {
        sbyte x => x,
        short x => x,
        int x => x,
        long x => x,
        byte x => x,
        ushort x => x,
        uint x => x,
        ulong x => x,
        float x => x,
        double x => x,
        bool b => b ? 1 : 0,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : 0,
        _ => 0,
    };

    public static long ToLong(object v) => v switch
    {
        sbyte x => x,
        short x => x,
        int x => x,
        long x => x,
        byte x => x,
        ushort x => x,
        uint x => x,
        ulong x => unchecked((long)x),
        float x => SaturatingLong(x),
        double x => SaturatingLong(x),
        bool b => b ? 1 : 0,
        string s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) ? l : SaturatingLong(ToDouble(s)),
        _ => 0,
    };

    private static long SaturatingLong(double d)
    {
        if (double.IsNaN(d)) return 0;
        if (d >= 9.2233720368547758E18) return long.MaxValue;
        if (d <= -9.2233720368547758E18) return long.MinValue;
        return (long)d;
    }

    public static bool ToBool(object v) => v switch
    {
        bool b => b,
        string s => s.Equals("true", StringComparison.OrdinalIgnoreCase) || (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d != 0),
        _ => ToDouble(v) != 0,
    };

    /// <summary>Truthiness of a predicate result: NULL counts as false.</summary>
    public static bool IsTrue(object? v) => v is not null && ToBool(v);

    /// <summary>Three-way comparison of two non-null values; numbers exactly when both are integral.</summary>
    public static int Compare(object a, object b)
    {
        if (IsIntegral(a) && IsIntegral(b))
        {
            if (a is ulong ua)
            {
                if (b is ulong ub) return ua.CompareTo(ub);
                long lb = ToLong(b);
                return lb < 0 ? 1 : ua.CompareTo((ulong)lb);
            }
            if (b is ulong ub2)
            {
                long la = ToLong(a);
                return la < 0 ? -1 : ((ulong)la).CompareTo(ub2);
            }
            return ToLong(a).CompareTo(ToLong(b));
        }
        if (a is string sa && b is string sb) return CompareStrings(sa, sb);
        if (a is byte[] ba && b is byte[] bb) return ba.AsSpan().SequenceCompareTo(bb);
        if (a is bool xa && b is bool xb) return xa.CompareTo(xb);
        if (a is string s1 && !(b is string)) return ToDouble(s1).CompareTo(ToDouble(b));
        if (b is string s2 && !(a is string)) return ToDouble(a).CompareTo(ToDouble(s2));
        return ToDouble(a).CompareTo(ToDouble(b));
    }

    /// <summary>Byte order of the UTF-8 forms, which is code point order.</summary>
    public static int CompareStrings(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            char ca = a[i], cb = b[i];
            if (ca == cb) continue;
            // UTF-16 order differs from code point order only between surrogates and U+E000..U+FFFF.
            bool sa = char.IsSurrogate(ca), sb = char.IsSurrogate(cb);
            if (sa != sb) return sa ? 1 : -1;
            return ca < cb ? -1 : 1;
        }
        return a.Length.CompareTo(b.Length);
    }

    public static int Utf8Length(string s) => Encoding.UTF8.GetByteCount(s);

    /// <summary>Characters (code points; a lone surrogate counts as one) without LINQ boxing the rune enumerator.</summary>
    public static int RuneCount(string s)
    {
        int n = 0;
        foreach (var _ in s.EnumerateRunes()) n++;
        return n;
    }

    /// <summary>Converts <paramref name="v"/> to the representation of <paramref name="type"/>; null when impossible.</summary>
    public static object? Convert(object? v, TaosDataType type, TaosPrecision precision, TimeZoneInfo zone)
    {
        if (v is null) return null;
        switch (type)
        {
            case TaosDataType.Bool: return ToBool(v);
            case TaosDataType.TinyInt: return unchecked((sbyte)ToLong(v));
            case TaosDataType.SmallInt: return unchecked((short)ToLong(v));
            case TaosDataType.Int: return unchecked((int)ToLong(v));
            case TaosDataType.BigInt: return ToLong(v);
            case TaosDataType.UTinyInt: return unchecked((byte)ToLong(v));
            case TaosDataType.USmallInt: return unchecked((ushort)ToLong(v));
            case TaosDataType.UInt: return unchecked((uint)ToLong(v));
            case TaosDataType.UBigInt:
                if (v is ulong u) return u;
                if (v is string us && ulong.TryParse(us, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong pu)) return pu;
                if (v is float or double)
                {
                    double d = ToDouble(v);
                    return d <= 0 ? 0UL : d >= 1.8446744073709552E19 ? ulong.MaxValue : (ulong)d;
                }
                return unchecked((ulong)ToLong(v));
            case TaosDataType.Float: return (float)ToDouble(v);
            case TaosDataType.Double: return ToDouble(v);
            case TaosDataType.Timestamp:
                if (v is string ts)
                {
                    if (TimestampText.TryParse(ts, precision, zone, out long ticks)) return ticks;
                    return long.TryParse(ts, NumberStyles.Integer, CultureInfo.InvariantCulture, out long li) ? li : null;
                }
                return ToLong(v);
            case TaosDataType.VarChar:
            case TaosDataType.NChar:
                return ToText(v);
            case TaosDataType.VarBinary:
            case TaosDataType.Geometry:
                return v is byte[] b ? b : v is string s ? Encoding.UTF8.GetBytes(s) : Encoding.UTF8.GetBytes(ToText(v));
            case TaosDataType.Json:
                return v is string j ? j : ToText(v);
            default:
                return v;
        }
    }

    /// <summary>The text TDengine gives a value cast to a string type.</summary>
    public static string ToText(object v) => v switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        float f => ((double)f).ToString("F6", CultureInfo.InvariantCulture),
        double d => d.ToString("F6", CultureInfo.InvariantCulture),
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    /// <summary>A key that makes equal values equal (for grouping and DISTINCT).</summary>
    public static string KeyOf(object? v) => v switch
    {
        null => "\u0000N",
        string s => "S" + s,
        byte[] b => "B" + System.Convert.ToHexString(b),
        bool x => x ? "T" : "F",
        float f => "D" + ((double)f).ToString("R", CultureInfo.InvariantCulture),
        double d => "D" + d.ToString("R", CultureInfo.InvariantCulture),
        ulong u => "I" + u.ToString(CultureInfo.InvariantCulture),
        _ when IsIntegral(v) => "I" + ToLong(v).ToString(CultureInfo.InvariantCulture),
        _ => "O" + v,
    };

    public static string KeyOf(object?[] values)
    {
        if (values.Length == 1) return KeyOf(values[0]);
        var sb = new StringBuilder();
        foreach (var v in values)
        {
            string k = KeyOf(v);
            sb.Append(k.Length).Append(':').Append(k);
        }
        return sb.ToString();
    }
}
