using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace Taos.Protocol.Rest;

/// <summary>
/// The fast path of <see cref="RestEnvelopeReader"/>: decodes one data row (<c>,[v,v,…]</c>, after an earlier row)
/// straight from the bytes, for the shapes the server writes — numbers of integer and floating-point columns,
/// timestamps, unescaped strings, <c>null</c>, booleans, no whitespace. Anything else (escapes, JSON and binary
/// columns, unusual numbers, the end of the data, a row cut by the end of the buffer, malformed JSON) makes it
/// decline, and the reader decodes that row with its <see cref="System.Text.Json.Utf8JsonReader"/> — which also
/// reports the errors. A row it takes is decoded exactly as the reader would have decoded it.
/// </summary>
/// <remarks>
/// Each value is read in one pass that finds its end while it converts it: an integer's digits are summed as they
/// are found, a short decimal becomes its digits and a scale (then Clinger's exact division), a timestamp is read at
/// the fixed positions of its RFC 3339 form up to its closing quote, and a string is searched once for the first byte
/// that is not plain printable ASCII (its closing quote, when it is plain).
/// </remarks>
internal static class RestRowScanner
{
    // The bytes a plain string holds: printable ASCII and DEL, without the quote and the backslash.
    private static readonly SearchValues<byte> PlainAscii = SearchValues.Create(
        Enumerable.Range(0x20, 0x60).Where(b => b is not '"' and not '\\').Select(b => (byte)b).ToArray());

    // The bytes that end the reading of a string that is not plain ASCII: its closing quote, an escape, or a control
    // character (invalid JSON).
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    /// <summary>
    /// Decodes the row at the start of <paramref name="span"/> into <paramref name="row"/>; returns the bytes it
    /// took, or 0 when it declines (then <paramref name="row"/> may be partly written and must be decoded again).
    /// </summary>
    public static int TryScanRow(ReadOnlySpan<byte> span, TaosDataType[] types, TaosValue[] row)
    {
        if (span.Length < 3 || span[0] != (byte)',' || span[1] != (byte)'[' || row.Length < types.Length) return 0;
        int pos = 2;
        int last = types.Length - 1;
        for (int i = 0; i <= last; i++)
        {
            int length = TryScanValue(span[pos..], types[i], ref row[i]);
            if (length == 0) return 0;
            pos += length;
            if ((uint)pos >= (uint)span.Length || span[pos] != (i == last ? (byte)']' : (byte)',')) return 0;
            pos++;
        }
        return pos;
    }

    // One value and the bytes it took, or 0 to decline. Inlined into the row's loop: one call per value, to the
    // routine of its type.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TryScanValue(ReadOnlySpan<byte> span, TaosDataType type, ref TaosValue value)
    {
        if (span.IsEmpty) return 0;
        switch (span[0])
        {
            case (byte)'"':
                return type == TaosDataType.Timestamp ? TryScanTimestamp(span, ref value) : TryScanString(span, type, ref value);
            case (byte)'n':
                if (!span.StartsWith("null"u8)) return 0;
                value.Ref = null;
                value.Kind = TaosValueKind.Null;
                return 4;
            case (byte)'t' or (byte)'f' when type != TaosDataType.Json:
            {
                bool isTrue = span.StartsWith("true"u8);
                if (!isTrue && !span.StartsWith("false"u8)) return 0;
                value.Ref = null;
                value.Kind = TaosValueKind.Bool;
                value.Int64 = isTrue ? 1 : 0;
                return isTrue ? 4 : 5;
            }
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                return type switch
                {
                    TaosDataType.TinyInt or TaosDataType.SmallInt or TaosDataType.Int or TaosDataType.BigInt => TryScanInteger(span, ref value),
                    TaosDataType.UTinyInt or TaosDataType.USmallInt or TaosDataType.UInt or TaosDataType.UBigInt => TryScanUnsigned(span, ref value),
                    TaosDataType.Float => TryScanFloat(span, ref value),
                    TaosDataType.Double => TryScanDouble(span, ref value),
                    _ => 0,
                };
            default:
                return 0;
        }
    }

    // A timestamp's text straight up to its closing quote (the parser stops at the first byte its form does not allow).
    private static int TryScanTimestamp(ReadOnlySpan<byte> span, ref TaosValue value)
    {
        int length = RestTimestamp.ParseUtf8Prefix(span[1..], out long ticks, out var precision, out int offsetMinutes);
        if (length == 0 || 1 + length >= span.Length || span[1 + length] != (byte)'"') return 0;
        value.Ref = null;
        value.Kind = TaosValueKind.Timestamp;
        value.Int64 = ticks;
        value.Precision = precision;
        value.OffsetMinutes = (short)offsetMinutes;
        return length + 2;
    }

    private static int TryScanString(ReadOnlySpan<byte> span, TaosDataType type, ref TaosValue value)
    {
        if (type is TaosDataType.Json or TaosDataType.VarBinary or TaosDataType.Geometry or TaosDataType.Blob or TaosDataType.MediumBlob) return 0;
        var text = span[1..];
        int end = text.IndexOfAnyExcept(PlainAscii);
        if (end < 0) return 0;
        string decoded;
        if (text[end] == (byte)'"')
        {
            // Plain ASCII: every byte is its character, as Latin-1 decodes it (without UTF-8's validation pass).
            decoded = Encoding.Latin1.GetString(text[..end]);
        }
        else if (text[end] >= 0x80)
        {
            int stop = text[end..].IndexOfAny(StringStops);
            if (stop < 0) return 0;
            end += stop;
            if (text[end] != (byte)'"' || !Utf8.IsValid(text[..end])) return 0;
            decoded = Encoding.UTF8.GetString(text[..end]);
        }
        else
        {
            return 0;
        }
        value.Kind = TaosValueKind.String;
        value.Ref = decoded;
        return end + 2;
    }

    // The end of an integer's digits (JSON allows no leading zero), or 0 when it is not one or may go on in the next read.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IntegerEnd(ReadOnlySpan<byte> span, int start, out ulong magnitude)
    {
        magnitude = 0;
        int pos = start;
        while ((uint)pos < (uint)span.Length)
        {
            uint digit = (uint)(span[pos] - '0');
            if (digit > 9) break;
            magnitude = magnitude * 10 + digit;
            pos++;
        }
        int digits = pos - start;
        // 19 digits cannot overflow 64 bits; a fraction or an exponent is not an integer's (the reader decides those).
        if (digits == 0 || digits > 19 || (digits > 1 && span[start] == (byte)'0') || pos == span.Length) return 0;
        byte next = span[pos];
        return next == (byte)'.' || (next | 0x20) == (byte)'e' ? 0 : pos;
    }

    private static int TryScanInteger(ReadOnlySpan<byte> span, ref TaosValue value)
    {
        bool negative = span[0] == (byte)'-';
        int end = IntegerEnd(span, negative ? 1 : 0, out ulong magnitude);
        if (end == 0 || magnitude > (negative ? 1UL << 63 : (ulong)long.MaxValue)) return 0;
        value.Ref = null;
        value.Kind = TaosValueKind.Int64;
        value.Int64 = negative ? unchecked(-(long)magnitude) : (long)magnitude;
        return end;
    }

    private static int TryScanUnsigned(ReadOnlySpan<byte> span, ref TaosValue value)
    {
        // A negative number does not read as unsigned: the reader reports it.
        if (span[0] == (byte)'-') return 0;
        int end = IntegerEnd(span, 0, out ulong magnitude);
        if (end == 0) return 0;
        value.Ref = null;
        value.Kind = TaosValueKind.UInt64;
        value.Int64 = unchecked((long)magnitude);
        return end;
    }

    // Powers of ten that float and double hold exactly.
    private static ReadOnlySpan<float> FloatPowers => [1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f];
    private static ReadOnlySpan<double> DoublePowers =>
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    // A number without exponent as its digits and the count of its fraction digits, read up to its end. Returns the
    // end, or 0 when it is not such a number, has more than maxDigits digits, or may go on in the next read.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DecimalEnd(ReadOnlySpan<byte> span, int maxDigits, out ulong digits, out int scale)
    {
        digits = 0;
        scale = 0;
        int start = span[0] == (byte)'-' ? 1 : 0;
        int pos = start;
        uint digit;
        while ((uint)pos < (uint)span.Length && (digit = (uint)(span[pos] - '0')) <= 9)
        {
            digits = digits * 10 + digit;
            pos++;
        }
        int count = pos - start;
        if (count == 0 || (count > 1 && span[start] == (byte)'0')) return 0;
        if ((uint)pos < (uint)span.Length && span[pos] == (byte)'.')
        {
            int fractionStart = ++pos;
            while ((uint)pos < (uint)span.Length && (digit = (uint)(span[pos] - '0')) <= 9)
            {
                digits = digits * 10 + digit;
                pos++;
            }
            scale = pos - fractionStart;
            if (scale == 0) return 0;
            count += scale;
        }
        // Beyond maxDigits (at most 19) the digits may have wrapped: the full parser decides.
        if (count > maxDigits || (uint)pos >= (uint)span.Length || (span[pos] | 0x20) == (byte)'e') return 0;
        return pos;
    }

    // Clinger's fast path: digits and a power of ten that both fit the type exactly divide to the correctly rounded
    // value, which is what the full parser returns; anything else goes to the full parser (Utf8JsonReader's).
    private static int TryScanFloat(ReadOnlySpan<byte> span, ref TaosValue value)
    {
        float f;
        int end = DecimalEnd(span, 7, out ulong digits, out int scale);
        if (end != 0 && scale < FloatPowers.Length)
        {
            f = (long)digits / FloatPowers[scale];
            if (span[0] == (byte)'-') f = -f;
        }
        else if ((end = NumberEnd(span)) == 0 || !Utf8Parser.TryParse(span[..end], out f, out int used) || used != end || !float.IsFinite(f))
        {
            return 0;
        }
        value.Ref = null;
        value.Kind = TaosValueKind.Float;
        value.Double = f;
        return end;
    }

    private static int TryScanDouble(ReadOnlySpan<byte> span, ref TaosValue value)
    {
        double d;
        int end = DecimalEnd(span, 15, out ulong digits, out int scale);
        if (end != 0 && scale < DoublePowers.Length)
        {
            d = (long)digits / DoublePowers[scale];
            if (span[0] == (byte)'-') d = -d;
        }
        else if ((end = NumberEnd(span)) == 0 || !Utf8Parser.TryParse(span[..end], out d, out int used) || used != end || !double.IsFinite(d))
        {
            return 0;
        }
        value.Ref = null;
        value.Kind = TaosValueKind.Double;
        value.Double = d;
        return end;
    }

    // JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?. Its end, or 0 when it is not one or
    // runs to the end of the buffer (it may go on in the next read).
    private static int NumberEnd(ReadOnlySpan<byte> span)
    {
        int pos = span[0] == (byte)'-' ? 1 : 0;
        int digits = Digits(span, pos);
        if (digits == 0 || (digits > 1 && span[pos] == (byte)'0')) return 0;
        pos += digits;
        if (pos < span.Length && span[pos] == (byte)'.')
        {
            digits = Digits(span, ++pos);
            if (digits == 0) return 0;
            pos += digits;
        }
        if (pos < span.Length && (span[pos] | 0x20) == (byte)'e')
        {
            pos++;
            if (pos < span.Length && (span[pos] == (byte)'+' || span[pos] == (byte)'-')) pos++;
            digits = Digits(span, pos);
            if (digits == 0) return 0;
            pos += digits;
        }
        return pos == span.Length ? 0 : pos;
    }

    private static int Digits(ReadOnlySpan<byte> span, int start)
    {
        int n = 0;
        while (start + n < span.Length && (uint)(span[start + n] - '0') <= 9) n++;
        return n;
    }
}
