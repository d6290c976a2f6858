using System.Globalization;
using System.Text;
using Taos.Protocol;
using Taos.Server.Engine.Write;

namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// Reads a field value of the line protocol (and the value of a telnet line) as clientSml's <c>smlParseValue</c>
/// does: <c>"…"</c> VARCHAR, <c>L"…"</c> NCHAR, <c>b"…"</c> VARBINARY (hex with <c>\x</c>, else the bytes),
/// <c>g"…"</c> GEOMETRY (WKT), <c>t/true/f/false</c> BOOL, numbers DOUBLE unless a suffix says otherwise
/// (<c>i</c>/<c>i64</c>, <c>u64</c>, <c>i32</c>, <c>u32</c>, <c>i16</c>, <c>u16</c>, <c>i8</c>, <c>u8</c>, <c>f32</c>, <c>f64</c>).
/// </summary>
internal static class SmlValueParser
{
    private const int MaxBinaryBytes = 65517;

    /// <summary>The typed value of <paramref name="text"/> (escapes already removed), or null when clientSml refuses it.</summary>
    public static SmlKv? TryParse(string key, ReadOnlySpan<char> text)
    {
        if (text.Length == 0) return null;
        if (text[0] == '"')
        {
            if (text.Length < 2 || text[^1] != '"') return null;
            var s = text[1..^1];
            int bytes = Encoding.UTF8.GetByteCount(s);
            return bytes > MaxBinaryBytes ? null : new SmlKv(key, TaosDataType.VarChar, s.ToString(), bytes);
        }
        if (text.Length >= 3 && text[1] == '"' && text[^1] == '"' && char.ToLowerInvariant(text[0]) is 'l' or 'b' or 'g')
            return Prefixed(key, char.ToLowerInvariant(text[0]), text[2..^1].ToString());
        if (text[0] is 't' or 'T' or 'f' or 'F') return Bool(key, text);
        return Number(key, text);
    }

    private static SmlKv? Prefixed(string key, char prefix, string s)
    {
        switch (prefix)
        {
            case 'l':
                return new SmlKv(key, TaosDataType.NChar, s, Encoding.UTF8.GetByteCount(s));
            case 'b':
            {
                byte[] bytes = s.StartsWith("\\x", StringComparison.OrdinalIgnoreCase) ? Hex(s[2..]) ?? [] : Encoding.UTF8.GetBytes(s);
                if (bytes.Length == 0 && s.Length > 0) return null;
                return new SmlKv(key, TaosDataType.VarBinary, bytes, bytes.Length);
            }
            default:
            {
                var wkb = WktReader.TryRead(s, out _);
                return wkb is null ? null : new SmlKv(key, TaosDataType.Geometry, wkb, wkb.Length);
            }
        }
    }

    private static byte[]? Hex(string hex)
    {
        if (hex.Length == 0 || hex.Length % 2 != 0) return null;
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static SmlKv? Bool(string key, ReadOnlySpan<char> text)
    {
        if (text.Length == 1 || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase))
            return new SmlKv(key, TaosDataType.Bool, text[0] is 't' or 'T', 1);
        return null;
    }

    /// <summary>A number and its suffix, within the suffix type's range.</summary>
    private static SmlKv? Number(string key, ReadOnlySpan<char> text)
    {
        int end = NumberEnd(text);
        // The usual BIGINT (digits and "i64" or "i") needs no double: its digits always read as one too.
        if (end > 0 && (text[end..].Equals("i64", StringComparison.OrdinalIgnoreCase) || text[end..].SequenceEqual("i"))
            && long.TryParse(text[..end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
            return new SmlKv(key, TaosDataType.BigInt, integer, 8);
        if (end == 0 || !double.TryParse(text[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return null;
        var suffix = text[end..];
        var digits = text[..end];
        if (suffix.Length == 0 || suffix.Equals("f64", StringComparison.OrdinalIgnoreCase)) return new SmlKv(key, TaosDataType.Double, d, 8);
        if (suffix.Equals("f32", StringComparison.OrdinalIgnoreCase)) return Math.Abs(d) > float.MaxValue ? null : new SmlKv(key, TaosDataType.Float, (float)d, 4);
        if (suffix.Equals("u64", StringComparison.OrdinalIgnoreCase)) return Unsigned(key, digits, d);
        // A lone "i" only in lower case (clientSml compares it with ==, the others case-insensitively).
        if (suffix.Equals("i64", StringComparison.OrdinalIgnoreCase) || suffix.SequenceEqual("i"))
            return Signed(key, digits, d, TaosDataType.BigInt, long.MinValue, long.MaxValue);
        if (suffix.Length is < 2 or > 3) return null;
        Span<char> lower = stackalloc char[3];
        int n = suffix.ToLowerInvariant(lower);
        return lower[..n] switch
        {
            "i32" => Signed(key, digits, d, TaosDataType.Int, int.MinValue, int.MaxValue),
            "u32" => Signed(key, digits, d, TaosDataType.UInt, 0, uint.MaxValue),
            "i16" => Signed(key, digits, d, TaosDataType.SmallInt, short.MinValue, short.MaxValue),
            "u16" => Signed(key, digits, d, TaosDataType.USmallInt, 0, ushort.MaxValue),
            "i8" => Signed(key, digits, d, TaosDataType.TinyInt, sbyte.MinValue, sbyte.MaxValue),
            "u8" => Signed(key, digits, d, TaosDataType.UTinyInt, 0, byte.MaxValue),
            _ => null,
        };
    }

    /// <summary>Where the number at the start of <paramref name="text"/> ends (what strtod would read).</summary>
    private static int NumberEnd(ReadOnlySpan<char> text)
    {
        int i = 0;
        if (i < text.Length && text[i] is '+' or '-') i++;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
        if (i < text.Length && text[i] is 'e' or 'E' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] is '+' or '-'))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        return i;
    }

    private static SmlKv? Signed(string key, ReadOnlySpan<char> digits, double d, TaosDataType type, long min, long max)
    {
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
        {
            if (d < min || d > max || double.IsNaN(d)) return null;
            v = (long)d;
        }
        if (v < min || v > max) return null;
        object value = type switch
        {
            TaosDataType.TinyInt => (object)(sbyte)v,
            TaosDataType.SmallInt => (short)v,
            TaosDataType.Int => (int)v,
            TaosDataType.UTinyInt => (byte)v,
            TaosDataType.USmallInt => (ushort)v,
            TaosDataType.UInt => (uint)v,
            _ => v,
        };
        return new SmlKv(key, type, value, TaosTypes.FixedSize(type)!.Value);
    }

    private static SmlKv? Unsigned(string key, ReadOnlySpan<char> digits, double d)
    {
        if (ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out ulong v)) return new SmlKv(key, TaosDataType.UBigInt, v, 8);
        if (d < 0 || d >= ulong.MaxValue || double.IsNaN(d)) return null;
        return new SmlKv(key, TaosDataType.UBigInt, (ulong)d, 8);
    }
}
