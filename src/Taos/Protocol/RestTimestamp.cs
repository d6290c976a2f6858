using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Taos.Protocol;

/// <summary>
/// TDengine's REST rendering of timestamps: RFC 3339 with exactly the precision's fraction digits
/// (3, 6 or 9) and <c>Z</c> or the zone's offset, as Go's <c>Z07:00</c> layout writes it.
/// </summary>
internal static class RestTimestamp
{
    /// <summary>Room enough for any timestamp <see cref="FormatTo"/> writes.</summary>
    public const int MaxFormattedLength = 48;

    /// <summary>Formats epoch ticks of <paramref name="precision"/> in <paramref name="zone"/> (UTC when null).</summary>
    public static string Format(long ticks, TaosPrecision precision, TimeZoneInfo? zone)
    {
        Span<char> buffer = stackalloc char[MaxFormattedLength];
        return new string(buffer[..FormatTo(buffer, ticks, precision, zone)]);
    }

    /// <summary>
    /// <see cref="Format"/> into <paramref name="buffer"/> (at least <see cref="MaxFormattedLength"/> long), without
    /// allocating: the server writes a timestamp per row this way. Returns the number of characters written.
    /// </summary>
    public static int FormatTo(Span<char> buffer, long ticks, TaosPrecision precision, TimeZoneInfo? zone)
    {
        long perSecond = PrecisionTicks.PerSecond(precision);
        long seconds = Math.DivRem(ticks, perSecond, out long fraction);
        if (fraction < 0)
        {
            fraction += perSecond;
            seconds--;
        }
        var utc = DateTime.UnixEpoch.AddSeconds(seconds);
        var offset = zone is null ? TimeSpan.Zero : zone.GetUtcOffset(utc);
        var local = utc + offset;
        int n = 0;
        local.TryFormat(buffer, out int written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);
        n += written;
        buffer[n++] = '.';
        fraction.TryFormat(buffer[n..], out written, FractionFormat(precision), CultureInfo.InvariantCulture);
        n += written;
        if (offset == TimeSpan.Zero)
        {
            buffer[n++] = 'Z';
        }
        else
        {
            buffer[n++] = offset < TimeSpan.Zero ? '-' : '+';
            var abs = offset.Duration();
            ((int)abs.TotalHours).TryFormat(buffer[n..], out written, "D2", CultureInfo.InvariantCulture);
            n += written;
            buffer[n++] = ':';
            abs.Minutes.TryFormat(buffer[n..], out written, "D2", CultureInfo.InvariantCulture);
            n += written;
        }
        return n;
    }

    private static string FractionFormat(TaosPrecision precision) => precision switch
    {
        TaosPrecision.Milliseconds => "D3",
        TaosPrecision.Microseconds => "D6",
        TaosPrecision.Nanoseconds => "D9",
        _ => throw new ArgumentOutOfRangeException(nameof(precision)),
    };

    /// <summary>
    /// Parses an RFC 3339 timestamp as the REST interface renders it. The precision is read off the
    /// number of fraction digits (3 → ms, 6 → us, 9 → ns); the result is epoch ticks in that precision.
    /// False for anything else, including a moment the precision's 64-bit ticks cannot hold.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long ticks, out TaosPrecision precision, out TimeSpan offset)
    {
        // RFC 3339 is ASCII; the longest form (9 fraction digits and an offset) has 35 characters.
        Span<byte> utf8 = stackalloc byte[MaxLength];
        if (text.Length > MaxLength || Ascii.FromUtf16(text, utf8, out int written) != OperationStatus.Done)
        {
            ticks = 0;
            precision = TaosPrecision.Milliseconds;
            offset = TimeSpan.Zero;
            return false;
        }
        return TryParseUtf8(utf8[..written], out ticks, out precision, out offset);
    }

    /// <summary>
    /// <see cref="TryParse"/> straight from the UTF-8 bytes of the JSON string, without culture-aware number parsing
    /// (the decoder parses one timestamp per row).
    /// </summary>
    public static bool TryParseUtf8(ReadOnlySpan<byte> text, out long ticks, out TaosPrecision precision, out TimeSpan offset)
    {
        int length = ParseUtf8Prefix(text, out ticks, out precision, out int offsetMinutes);
        bool parsed = length > 0 && length == text.Length;
        offset = parsed ? new TimeSpan(0, offsetMinutes, 0) : TimeSpan.Zero;
        if (!parsed)
        {
            ticks = 0;
            precision = TaosPrecision.Milliseconds;
        }
        return parsed;
    }

    /// <summary>
    /// Parses the timestamp at the start of <paramref name="text"/> (the form <see cref="TryParseUtf8"/> takes), up to
    /// the first byte that cannot continue it, in one pass over the fixed positions of the form. Returns the
    /// bytes it took, or 0 when the start is no such timestamp or its moment does not fit the precision's ticks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ParseUtf8Prefix(ReadOnlySpan<byte> text, out long ticks, out TaosPrecision precision, out int offsetMinutes)
    {
        ticks = 0;
        precision = TaosPrecision.Milliseconds;
        offsetMinutes = 0;
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':')
            return 0;
        int century = Digits2(text, 0), yearOfCentury = Digits2(text, 2), month = Digits2(text, 5), dayOfMonth = Digits2(text, 8);
        int hour = Digits2(text, 11), minute = Digits2(text, 14), second = Digits2(text, 17);
        int year = century < 0 || yearOfCentury < 0 ? -1 : century * 100 + yearOfCentury;
        if (year < 1 || (uint)(month - 1) > 11 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month) ||
            (uint)hour > 23 || (uint)minute > 59 || (uint)second > 59)
            return 0;
        int pos = 19;
        long fraction = 0;
        int digits = 0;
        if (text[pos] == '.')
        {
            pos++;
            uint digit;
            while (pos < text.Length && (digit = (uint)(text[pos] - '0')) <= 9)
            {
                if (digits == 9) return 0;
                fraction = fraction * 10 + digit;
                digits++;
                pos++;
            }
        }
        int scaleDigits = digits <= 3 ? 3 : digits <= 6 ? 6 : 9;
        precision = scaleDigits == 3 ? TaosPrecision.Milliseconds : scaleDigits == 6 ? TaosPrecision.Microseconds : TaosPrecision.Nanoseconds;
        fraction *= Powers[scaleDigits - digits];
        if (pos >= text.Length) return 0;
        if (text[pos] == 'Z')
        {
            pos++;
        }
        else if ((text[pos] == '+' || text[pos] == '-') && text.Length - pos >= 6 && text[pos + 3] == ':' &&
                 Digits2(text, pos + 1) is >= 0 and var oh && Digits2(text, pos + 4) is >= 0 and var om)
        {
            offsetMinutes = text[pos] == '-' ? -(oh * 60 + om) : oh * 60 + om;
            pos += 6;
        }
        else
        {
            return 0;
        }
        long unixSeconds = DaysFromCivil(year, month, dayOfMonth) * 86_400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60L;
        if (scaleDigits < 9)
        {
            // Years 1 to 9999 are within ±2.6e11 seconds: in micro- or milliseconds that fits a long.
            ticks = unixSeconds * Powers[scaleDigits] + fraction;
            return pos;
        }
        // Nanoseconds: the product fits in Int128, not always in long.
        Int128 exact = (Int128)unixSeconds * 1_000_000_000 + fraction;
        if (exact < long.MinValue || exact > long.MaxValue) return 0;
        ticks = (long)exact;
        return pos;
    }

    private const int MaxLength = 40;

    private static ReadOnlySpan<long> Powers => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

    // Days since 1970-01-01 of a valid proleptic Gregorian date of year 1 or later (Howard Hinnant's days_from_civil,
    // in unsigned arithmetic: every quantity is non-negative here, so the divisions need no sign corrections).
    private static long DaysFromCivil(int year, int month, int day)
    {
        uint y = (uint)(month <= 2 ? year - 1 : year);
        uint era = y / 400;
        uint yearOfEra = y - era * 400;
        uint dayOfYear = (153 * (uint)(month > 2 ? month - 3 : month + 9) + 2) / 5 + (uint)day - 1;
        uint dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    // The value of the two ASCII digits at start, or -1 when one is not a digit.
    private static int Digits2(ReadOnlySpan<byte> text, int start)
    {
        uint tens = (uint)(text[start] - '0'), ones = (uint)(text[start + 1] - '0');
        return tens <= 9 && ones <= 9 ? (int)(tens * 10 + ones) : -1;
    }
}
