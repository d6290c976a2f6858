using Taos.Protocol;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Time;

/// <summary>
/// TDengine's reading of time: timestamp strings in the server zone, durations, NOW/TODAY, all as epoch ticks of a
/// database precision.
/// </summary>
internal static class TaosTime
{
    public static long TicksPerSecond(TaosPrecision precision) => RestTimestamp.TicksPerSecond(precision);

    /// <summary>Nanoseconds per tick of <paramref name="precision"/>.</summary>
    public static long NanosPerTick(TaosPrecision precision) => RestTimestamp.NanosecondsPerTick(precision);

    /// <summary>Parses <c>'ms'</c>/<c>'us'</c>/<c>'ns'</c> (any case).</summary>
    public static bool TryParsePrecision(string text, out TaosPrecision precision)
    {
        switch (text.ToLowerInvariant())
        {
            case "ms": precision = TaosPrecision.Milliseconds; return true;
            case "us": precision = TaosPrecision.Microseconds; return true;
            case "ns": precision = TaosPrecision.Nanoseconds; return true;
            default: precision = default; return false;
        }
    }

    public static string PrecisionName(TaosPrecision precision) => precision switch
    {
        TaosPrecision.Milliseconds => "ms",
        TaosPrecision.Microseconds => "us",
        _ => "ns",
    };

    /// <summary>The current time in ticks of <paramref name="precision"/>.</summary>
    public static long Now(TaosPrecision precision)
    {
        // DateTime ticks are 100 ns: enough for us; ns gets the 100 ns resolution the clock has.
        long ticks100 = DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks;
        return precision switch
        {
            TaosPrecision.Milliseconds => ticks100 / 10_000,
            TaosPrecision.Microseconds => ticks100 / 10,
            _ => ticks100 * 100,
        };
    }

    /// <summary>Midnight today in <paramref name="zone"/>, in ticks of <paramref name="precision"/>.</summary>
    public static long Today(TaosPrecision precision, TimeZoneInfo zone)
    {
        var localNow = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone);
        return LocalToTicks(localNow.Date, 0, zone, precision);
    }

    /// <summary>
    /// Parses a TDengine timestamp string: <c>YYYY-MM-DD HH:MM:SS[.frac]</c> (or <c>T</c> between date and time),
    /// <c>YYYY-MM-DD</c> (midnight), optionally followed by <c>Z</c>, <c>±hh:mm</c> or <c>±hhmm</c>. Without a zone
    /// suffix the time is read in <paramref name="zone"/>. Fraction digits beyond the precision are truncated.
    /// </summary>
    public static bool TryParseTimestamp(string text, TimeZoneInfo zone, TaosPrecision precision, out long ticks)
    {
        ticks = 0;
        var s = text.AsSpan().Trim();
        int pos = 0;
        if (!ReadInt(s, ref pos, 1, 4, out int year) || !Expect(s, ref pos, '-') ||
            !ReadInt(s, ref pos, 1, 2, out int month) || !Expect(s, ref pos, '-') ||
            !ReadInt(s, ref pos, 1, 2, out int day))
            return false;
        int hour = 0, minute = 0, second = 0;
        long fractionNanos = 0;
        TimeSpan? offset = null;
        if (pos < s.Length)
        {
            if (s[pos] != ' ' && s[pos] != 'T' && s[pos] != 't') return false;
            pos++;
            while (pos < s.Length && s[pos] == ' ') pos++;
            if (!ReadInt(s, ref pos, 1, 2, out hour) || !Expect(s, ref pos, ':') ||
                !ReadInt(s, ref pos, 1, 2, out minute) || !Expect(s, ref pos, ':') ||
                !ReadInt(s, ref pos, 1, 2, out second))
                return false;
            if (pos < s.Length && s[pos] == '.')
            {
                pos++;
                int digits = 0;
                int start = pos;
                while (pos < s.Length && char.IsAsciiDigit(s[pos]))
                {
                    if (digits < 9)
                    {
                        fractionNanos = fractionNanos * 10 + (s[pos] - '0');
                        digits++;
                    }
                    pos++;
                }
                if (pos == start) return false;
                for (; digits < 9; digits++) fractionNanos *= 10;
            }
            if (pos < s.Length)
            {
                if (!TryParseZoneSuffix(s[pos..], out var parsed)) return false;
                offset = parsed;
                pos = s.Length;
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) ||
            hour > 23 || minute > 59 || second > 59 || year < 1)
            return false;
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        long fractionTicks = fractionNanos / NanosPerTick(precision);
        try
        {
            ticks = offset is { } o
                ? checked(UtcSeconds(local - o) * TicksPerSecond(precision) + fractionTicks)
                : LocalToTicks(local, fractionTicks, zone, precision);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool TryParseZoneSuffix(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s.Length == 1 && (s[0] == 'Z' || s[0] == 'z')) return true;
        if (s.Length < 3 || (s[0] != '+' && s[0] != '-')) return false;
        int pos = 1;
        if (!ReadInt(s, ref pos, 2, 2, out int hours)) return false;
        int minutes = 0;
        if (pos < s.Length)
        {
            if (s[pos] == ':') pos++;
            if (!ReadInt(s, ref pos, 2, 2, out minutes) || pos != s.Length) return false;
        }
        if (hours > 12 || minutes > 59) return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (s[0] == '-') offset = -offset;
        return true;
    }

    private static long UtcSeconds(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;

    private static long LocalToTicks(DateTime local, long fractionTicks, TimeZoneInfo zone, TaosPrecision precision)
    {
        var offset = zone.IsInvalidTime(local) ? zone.BaseUtcOffset : zone.GetUtcOffset(local);
        return checked(UtcSeconds(local - offset) * TicksPerSecond(precision) + fractionTicks);
    }

    private static bool ReadInt(ReadOnlySpan<char> s, ref int pos, int minDigits, int maxDigits, out int value)
    {
        value = 0;
        int start = pos;
        while (pos < s.Length && pos - start < maxDigits && char.IsAsciiDigit(s[pos]))
        {
            value = value * 10 + (s[pos] - '0');
            pos++;
        }
        return pos - start >= minDigits;
    }

    private static bool Expect(ReadOnlySpan<char> s, ref int pos, char c)
    {
        if (pos < s.Length && s[pos] == c)
        {
            pos++;
            return true;
        }
        return false;
    }

    /// <summary>Nanoseconds in one unit b, u, a, s, m, h, d, w; null for n (month), y (year) and unknown letters.</summary>
    public static long? UnitNanos(char unit) => unit switch
    {
        'b' => 1L,
        'u' => 1_000L,
        'a' => 1_000_000L,
        's' => 1_000_000_000L,
        'm' => 60_000_000_000L,
        'h' => 3_600_000_000_000L,
        'd' => 86_400_000_000_000L,
        'w' => 604_800_000_000_000L,
        _ => null,
    };

    /// <summary>True for the calendar units n (month) and y (year).</summary>
    public static bool IsCalendarUnit(char unit) => unit is 'n' or 'y';

    /// <summary>
    /// A fixed-length duration (b … w) in ticks of <paramref name="precision"/>; sub-tick parts are truncated
    /// (<c>1u</c> in a ms database is 0). False for n/y, unknown units and overflow.
    /// </summary>
    public static bool TryDurationTicks(long value, char unit, TaosPrecision precision, out long ticks)
    {
        ticks = 0;
        if (UnitNanos(unit) is not { } nanos) return false;
        long perTick = NanosPerTick(precision);
        try
        {
            ticks = nanos >= perTick ? checked(value * (nanos / perTick)) : value / (perTick / nanos);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static bool TryDurationTicks(Duration duration, TaosPrecision precision, out long ticks) =>
        TryDurationTicks(duration.Value, duration.Unit, precision, out ticks);

    /// <summary>
    /// <paramref name="ts"/> + <paramref name="value"/> units. b … w add fixed tick counts; n and y step calendar
    /// months/years in <paramref name="zone"/> keeping the time of day (the day is clamped to the month's length).
    /// False on overflow or an unknown unit.
    /// </summary>
    public static bool TryAdd(long ts, long value, char unit, TaosPrecision precision, TimeZoneInfo zone, out long result)
    {
        result = 0;
        if (IsCalendarUnit(unit))
        {
            long months;
            try
            {
                months = unit == 'y' ? checked(value * 12) : value;
            }
            catch (OverflowException)
            {
                return false;
            }
            if (months is > 120_000 or < -120_000) return false;
            long perSecond = TicksPerSecond(precision);
            long seconds = Math.DivRem(ts, perSecond, out long fraction);
            if (fraction < 0)
            {
                fraction += perSecond;
                seconds--;
            }
            try
            {
                var utc = DateTime.UnixEpoch.AddSeconds(seconds);
                var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
                var moved = local.AddMonths((int)months);
                result = LocalToTicks(DateTime.SpecifyKind(moved, DateTimeKind.Unspecified), fraction, zone, precision);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
            catch (OverflowException)
            {
                return false;
            }
        }
        if (!TryDurationTicks(value, unit, precision, out long delta)) return false;
        try
        {
            result = checked(ts + delta);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static bool TryAdd(long ts, Duration duration, TaosPrecision precision, TimeZoneInfo zone, out long result) =>
        TryAdd(ts, duration.Value, duration.Unit, precision, zone, out result);

    /// <summary>Converts ticks between precisions (truncating toward negative infinity when coarsening).</summary>
    public static long Convert(long ticks, TaosPrecision from, TaosPrecision to)
    {
        if (from == to) return ticks;
        long f = NanosPerTick(from), t = NanosPerTick(to);
        return f > t ? checked(ticks * (f / t)) : Math.DivRem(ticks, t / f) is var (q, r) && r < 0 ? q - 1 : q;
    }
}
