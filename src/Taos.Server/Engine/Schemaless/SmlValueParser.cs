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

    /// <summary>The typed value of the UTF-8 <paramref name="text"/> (escapes already removed), or null when clientSml refuses it.</summary>
    public static SmlKv? TryParse(string key, ReadOnlySpan<byte> text)
    {
        if (text.Length == 0) return null;
        if (text[0] == '"')
        {
            if (text.Length < 2 || text[^1] != '"') return null;
            var s = text[1..^1];
            return s.Length > MaxBinaryBytes ? null : new SmlKv(key, TaosDataType.VarChar, Encoding.UTF8.GetString(s), s.Length);
        }
        if (text.Length >= 3 && text[1] == '"' && text[^1] == '"' && (text[0] | 0x20) is (byte)'l' or (byte)'b' or (byte)'g')
            return Prefixed(key, (byte)(text[0] | 0x20), text[2..^1]);
        if (text[0] is (byte)'t' or (byte)'T' or (byte)'f' or (byte)'F') return Bool(key, text);
        return Number(key, text);
    }

    private static SmlKv? Prefixed(string key, byte prefix, ReadOnlySpan<byte> s)
    {
        switch (prefix)
        {
            case (byte)'l':
                return new SmlKv(key, TaosDataType.NChar, Encoding.UTF8.GetString(s), s.Length);
            case (byte)'b':
            {
                byte[] bytes = s.Length >= 2 && s[0] == '\\' && (s[1] | 0x20) == 'x' ? Hex(Encoding.UTF8.GetString(s[2..])) ?? [] : s.ToArray();
                if (bytes.Length == 0 && s.Length > 0) return null;
                return new SmlKv(key, TaosDataType.VarBinary, bytes, bytes.Length);
            }
            default:
            {
                var wkb = WktReader.TryRead(Encoding.UTF8.GetString(s), out _);
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

    private static SmlKv? Bool(string key, ReadOnlySpan<byte> text)
    {
        if (text.Length == 1 || Ascii.EqualsIgnoreCase(text, "true"u8) || Ascii.EqualsIgnoreCase(text, "false"u8))
            return new SmlKv(key, TaosDataType.Bool, text[0] is (byte)'t' or (byte)'T', 1);
        return null;
    }

    /// <summary>A number and its suffix, within the suffix type's range.</summary>
    private static SmlKv? Number(string key, ReadOnlySpan<byte> text)
    {
        int end = NumberEnd(text);
        // The usual BIGINT (digits and "i64" or "i") needs no double: its digits always read as one too.
        if (end > 0 && (Ascii.EqualsIgnoreCase(text[end..], "i64"u8) || text[end..].SequenceEqual("i"u8))
            && long.TryParse(text[..end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
            return new SmlKv(key, TaosDataType.BigInt, integer, 8);
        if (end == 0 || !double.TryParse(text[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return null;
        var suffix = text[end..];
        var digits = text[..end];
        if (suffix.Length == 0 || Ascii.EqualsIgnoreCase(suffix, "f64"u8)) return new SmlKv(key, TaosDataType.Double, d, 8);
        if (Ascii.EqualsIgnoreCase(suffix, "f32"u8)) return Math.Abs(d) > float.MaxValue ? null : new SmlKv(key, TaosDataType.Float, (float)d, 4);
        if (Ascii.EqualsIgnoreCase(suffix, "u64"u8)) return Unsigned(key, digits, d);
        // A lone "i" only in lower case (clientSml compares it with ==, the others case-insensitively).
        if (Ascii.EqualsIgnoreCase(suffix, "i64"u8) || suffix.SequenceEqual("i"u8))
            return Signed(key, digits, d, TaosDataType.BigInt, long.MinValue, long.MaxValue);
        if (Ascii.EqualsIgnoreCase(suffix, "i32"u8)) return Signed(key, digits, d, TaosDataType.Int, int.MinValue, int.MaxValue);
        if (Ascii.EqualsIgnoreCase(suffix, "u32"u8)) return Signed(key, digits, d, TaosDataType.UInt, 0, uint.MaxValue);
        if (Ascii.EqualsIgnoreCase(suffix, "i16"u8)) return Signed(key, digits, d, TaosDataType.SmallInt, short.MinValue, short.MaxValue);
        if (Ascii.EqualsIgnoreCase(suffix, "u16"u8)) return Signed(key, digits, d, TaosDataType.USmallInt, 0, ushort.MaxValue);
        if (Ascii.EqualsIgnoreCase(suffix, "i8"u8)) return Signed(key, digits, d, TaosDataType.TinyInt, sbyte.MinValue, sbyte.MaxValue);
        return Ascii.EqualsIgnoreCase(suffix, "u8"u8) ? Signed(key, digits, d, TaosDataType.UTinyInt, 0, byte.MaxValue) : null;
    }

    /// <summary>Where the number at the start of <paramref name="text"/> ends (what strtod would read).</summary>
    private static int NumberEnd(ReadOnlySpan<byte> text)
    {
        int i = 0;
        if (i < text.Length && text[i] is (byte)'+' or (byte)'-') i++;
        while (i < text.Length && (char.IsAsciiDigit((char)text[i]) || text[i] == '.')) i++;
        if (i < text.Length && text[i] is (byte)'e' or (byte)'E' && i + 1 < text.Length
            && (char.IsAsciiDigit((char)text[i + 1]) || text[i + 1] is (byte)'+' or (byte)'-'))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit((char)text[i])) i++;
        }
        return i;
    }

    private static SmlKv? Signed(string key, ReadOnlySpan<byte> digits, double d, TaosDataType type, long min, long max)
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

    private static SmlKv? Unsigned(string key, ReadOnlySpan<byte> digits, double d)
    {
        if (ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out ulong v)) return new SmlKv(key, TaosDataType.UBigInt, v, 8);
        if (d < 0 || d >= ulong.MaxValue || double.IsNaN(d)) return null;
        return new SmlKv(key, TaosDataType.UBigInt, (ulong)d, 8);
    }
}
