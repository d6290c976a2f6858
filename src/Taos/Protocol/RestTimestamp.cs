using System.Buffers;
using System.Globalization;
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
        ticks = 0;
        precision = TaosPrecision.Milliseconds;
        offset = TimeSpan.Zero;
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':')
            return false;
        int year = Digits(text, 0, 4), month = Digits(text, 5, 2), day = Digits(text, 8, 2);
        int hour = Digits(text, 11, 2), minute = Digits(text, 14, 2), second = Digits(text, 17, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
            return false;
        int pos = 19;
        long fraction = 0;
        int digits = 0;
        if (text[pos] == '.')
        {
            pos++;
            while (pos < text.Length && (uint)(text[pos] - '0') <= 9)
            {
                if (digits == 9) return false;
                fraction = fraction * 10 + (text[pos] - '0');
                digits++;
                pos++;
            }
        }
        precision = digits switch { <= 3 => TaosPrecision.Milliseconds, <= 6 => TaosPrecision.Microseconds, _ => TaosPrecision.Nanoseconds };
        fraction *= Pow10((digits <= 3 ? 3 : digits <= 6 ? 6 : 9) - digits);
        if (pos >= text.Length) return false;
        if (text[pos] == 'Z' && pos + 1 == text.Length)
        {
            offset = TimeSpan.Zero;
        }
        else if ((text[pos] == '+' || text[pos] == '-') && text.Length - pos == 6 && text[pos + 3] == ':' &&
                 Digits(text, pos + 1, 2) is >= 0 and var oh && Digits(text, pos + 4, 2) is >= 0 and var om)
        {
            offset = new TimeSpan(oh, om, 0);
            if (text[pos] == '-') offset = -offset;
        }
        else
        {
            return false;
        }
        long days = new DateOnly(year, month, day).DayNumber - UnixEpochDayNumber;
        long unixSeconds = days * 86_400 + hour * 3600 + minute * 60 + second - (long)offset.TotalSeconds;
        // Seconds within ±9999 years times at most 10^9 per second: the product fits in Int128, not always in long.
        Int128 exact = (Int128)unixSeconds * PrecisionTicks.PerSecond(precision) + fraction;
        if (exact < long.MinValue || exact > long.MaxValue) return false;
        ticks = (long)exact;
        return true;
    }

    private const int MaxLength = 40;

    private static readonly int UnixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    // The value of count ASCII digits at start, or -1 when one is not a digit.
    private static int Digits(ReadOnlySpan<byte> text, int start, int count)
    {
        int value = 0;
        foreach (byte b in text.Slice(start, count))
        {
            uint digit = (uint)(b - '0');
            if (digit > 9) return -1;
            value = value * 10 + (int)digit;
        }
        return value;
    }

    private static long Pow10(int n)
    {
        long r = 1;
        for (int i = 0; i < n; i++) r *= 10;
        return r;
    }
}
