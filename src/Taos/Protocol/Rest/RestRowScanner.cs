using System.Buffers;
using System.Buffers.Text;
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
internal static class RestRowScanner
{
    // The bytes that end the fast reading of a string: its closing quote, an escape, or a control character (invalid JSON).
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
        for (int i = 0; i < types.Length; i++)
        {
            int length = TryScanValue(span[pos..], types[i], ref row[i]);
            if (length == 0) return 0;
            pos += length;
            if (pos >= span.Length) return 0;
            byte next = span[pos++];
            if (next != (i == types.Length - 1 ? (byte)']' : (byte)',')) return 0;
        }
        return pos;
    }

    // One value and the bytes it took, or 0 to decline.
    private static int TryScanValue(ReadOnlySpan<byte> span, TaosDataType type, ref TaosValue value)
    {
        if (span.IsEmpty) return 0;
        switch (span[0])
        {
            case (byte)'"':
                return TryScanString(span, type, ref value);
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
                return TryScanNumber(span, type, ref value);
            default:
                return 0;
        }
    }

    private static int TryScanString(ReadOnlySpan<byte> span, TaosDataType type, ref TaosValue value)
    {
        int end = span[1..].IndexOfAny(StringStops);
        if (end < 0 || span[1 + end] != (byte)'"') return 0;
        var text = span.Slice(1, end);
        switch (type)
        {
            case TaosDataType.Timestamp:
                if (!RestTimestamp.TryParseUtf8(text, out long ticks, out var precision, out var offset)) return 0;
                value.Ref = null;
                value.Kind = TaosValueKind.Timestamp;
                value.Int64 = ticks;
                value.Precision = precision;
                value.OffsetMinutes = (short)offset.TotalMinutes;
                return end + 2;
            case TaosDataType.Json or TaosDataType.VarBinary or TaosDataType.Geometry or TaosDataType.Blob or TaosDataType.MediumBlob:
                return 0;
            default:
                if (!Utf8.IsValid(text)) return 0;
                value.Kind = TaosValueKind.String;
                value.Ref = Encoding.UTF8.GetString(text);
                return end + 2;
        }
    }

    // JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?; integral when it has neither part.
    private static int NumberLength(ReadOnlySpan<byte> span, out bool integral)
    {
        integral = true;
        int pos = span[0] == (byte)'-' ? 1 : 0;
        int digits = Digits(span, pos);
        if (digits == 0 || (digits > 1 && span[pos] == (byte)'0')) return 0;
        pos += digits;
        if (pos < span.Length && span[pos] == (byte)'.')
        {
            integral = false;
            digits = Digits(span, ++pos);
            if (digits == 0) return 0;
            pos += digits;
        }
        if (pos < span.Length && (span[pos] | 0x20) == (byte)'e')
        {
            integral = false;
            pos++;
            if (pos < span.Length && (span[pos] == (byte)'+' || span[pos] == (byte)'-')) pos++;
            digits = Digits(span, pos);
            if (digits == 0) return 0;
            pos += digits;
        }
        return pos;
    }

    private static int Digits(ReadOnlySpan<byte> span, int start)
    {
        int n = 0;
        while (start + n < span.Length && (uint)(span[start + n] - '0') <= 9) n++;
        return n;
    }

    // Powers of ten that float and double hold exactly.
    private static readonly float[] FloatPowers = [1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f];
    private static readonly double[] DoublePowers =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    // A number without exponent as digits and a count of fraction digits, when it has at most maxDigits digits.
    private static bool TryDecimal(ReadOnlySpan<byte> number, int maxDigits, out long digits, out int scale, out bool negative)
    {
        digits = 0;
        scale = 0;
        negative = number[0] == (byte)'-';
        int count = 0;
        bool fraction = false;
        for (int i = negative ? 1 : 0; i < number.Length; i++)
        {
            uint digit = (uint)(number[i] - '0');
            if (digit <= 9)
            {
                if (++count > maxDigits) return false;
                digits = digits * 10 + digit;
                if (fraction) scale++;
            }
            else if (number[i] == (byte)'.')
            {
                fraction = true;
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    // Clinger's fast path: digits and a power of ten that both fit the type exactly divide to the correctly rounded
    // value, which is what the full parser returns; anything else goes to the full parser (Utf8JsonReader's).
    private static bool TryParseFloat(ReadOnlySpan<byte> number, out float value)
    {
        if (TryDecimal(number, 7, out long digits, out int scale, out bool negative) && scale < FloatPowers.Length)
        {
            value = digits / FloatPowers[scale];
            if (negative) value = -value;
            return true;
        }
        return Utf8Parser.TryParse(number, out value, out int used) && used == number.Length && float.IsFinite(value);
    }

    private static bool TryParseDouble(ReadOnlySpan<byte> number, out double value)
    {
        if (TryDecimal(number, 15, out long digits, out int scale, out bool negative) && scale < DoublePowers.Length)
        {
            value = digits / DoublePowers[scale];
            if (negative) value = -value;
            return true;
        }
        return Utf8Parser.TryParse(number, out value, out int used) && used == number.Length && double.IsFinite(value);
    }

    private static int TryScanNumber(ReadOnlySpan<byte> span, TaosDataType type, ref TaosValue value)
    {
        int length = NumberLength(span, out bool integral);
        // A number that runs to the end of the buffer may go on in the next read.
        if (length == 0 || length == span.Length) return 0;
        var number = span[..length];
        switch (type)
        {
            case TaosDataType.Float:
                if (!TryParseFloat(number, out float f)) return 0;
                value.Kind = TaosValueKind.Float;
                value.Double = f;
                break;
            case TaosDataType.Double:
                if (!TryParseDouble(number, out double d)) return 0;
                value.Kind = TaosValueKind.Double;
                value.Double = d;
                break;
            case TaosDataType.TinyInt or TaosDataType.SmallInt or TaosDataType.Int or TaosDataType.BigInt:
                // Fractions, and integers beyond a long, take the reader's path.
                if (!integral || !Utf8Parser.TryParse(number, out long l, out int usedLong) || usedLong != length) return 0;
                value.Kind = TaosValueKind.Int64;
                value.Int64 = l;
                break;
            default:
                return 0;
        }
        value.Ref = null;
        return length;
    }
}
