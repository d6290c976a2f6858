using System.Buffers;
using System.Buffers.Binary;
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
    /// the first byte that cannot continue it, in one straight pass over the fixed positions of the form. Returns the
    /// bytes it took, or 0 when the start is no such timestamp or its moment does not fit the precision's ticks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ParseUtf8Prefix(ReadOnlySpan<byte> text, out long ticks, out TaosPrecision precision, out int offsetMinutes)
    {
        ticks = 0;
        precision = TaosPrecision.Milliseconds;
        offsetMinutes = 0;
        if (text.Length < 20) return 0;
        // "YYYY-MM-DDTHH:MM:SS" in three 8-byte words (bytes 0-7, 8-15 and 11-18), checked and converted eight
        // bytes at a time: the separators compared, the digits' bytes checked to be 0x30-0x39, and each two
        // neighbouring digits combined into their value in one multiply-add.
        ulong date = BinaryPrimitives.ReadUInt64LittleEndian(text);
        ulong day = BinaryPrimitives.ReadUInt64LittleEndian(text[8..]);
        ulong time = BinaryPrimitives.ReadUInt64LittleEndian(text[11..]);
        byte separator = text[10];
        if ((date & DateSeparators) != DateSeparatorBytes || (time & TimeSeparators) != TimeSeparatorBytes ||
            (separator != 'T' && separator != ' ') ||
            !AreDigits(date, ~DateSeparators) || !AreDigits(day, 0xFFFF) || !AreDigits(time, ~TimeSeparators))
            return 0;
        ulong datePairs = Pairs(date), dayPairs = Pairs(day), timePairs = Pairs(time);
        int year = (int)(datePairs & 0xFF) * 100 + (int)((datePairs >> 16) & 0xFF), month = (int)((datePairs >> 40) & 0xFF);
        int dayOfMonth = (int)(dayPairs & 0xFF);
        int hour = (int)(timePairs & 0xFF), minute = (int)((timePairs >> 24) & 0xFF), second = (int)((timePairs >> 48) & 0xFF);
        if (year < 1 || (uint)(month - 1) > 11 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month) ||
            hour > 23 || minute > 59 || second > 59)
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

    // The bytes of the separators in "YYYY-MM-" (bytes 4 and 7) and "HH:MM:SS" (bytes 2 and 5), little-endian.
    private const ulong DateSeparators = 0xFF00_00FF_0000_0000;
    private const ulong DateSeparatorBytes = 0x2D00_002D_0000_0000;
    private const ulong TimeSeparators = 0x0000_FF00_00FF_0000;
    private const ulong TimeSeparatorBytes = 0x0000_3A00_003A_0000;
    private const ulong Threes = 0x3030_3030_3030_3030;
    private const ulong HighNibbles = 0xF0F0_F0F0_F0F0_F0F0;

    // True when the bytes of word that lanes selects are all ASCII digits: their high nibble is 3, and still 3
    // after adding 6 (0x3A-0x3F carry into 4). A byte of 0xFA or more that carries into its neighbour fails itself.
    private static bool AreDigits(ulong word, ulong lanes) =>
        ((word & HighNibbles & lanes) == (Threes & lanes)) && (((word + 0x0606_0606_0606_0606) & HighNibbles & lanes) == (Threes & lanes));

    // Each byte of the result is ten times the digit in that byte plus the digit in the next: the value of the
    // two-digit number that starts there (no byte overflows: 9 × 10 + 9 = 99).
    private static ulong Pairs(ulong digits)
    {
        ulong values = digits & 0x0F0F_0F0F_0F0F_0F0F;
        return values * 10 + (values >> 8);
    }
}
