using System.Globalization;
using Taos.Protocol;

namespace Taos.Server.Engine.Time;

/// <summary>
/// Timestamp text in SQL: the strings TDengine reads as timestamps (in the server zone unless they carry one) and
/// the zone suffixes they may carry.
/// </summary>
internal static class TimestampText
{
    /// <summary>
    /// Parses a TDengine timestamp string: <c>YYYY-MM-DD HH:MM:SS[.frac]</c> (or <c>T</c> between date and time),
    /// <c>YYYY-MM-DD</c> (midnight), optionally followed by <c>Z</c>, <c>±hh:mm</c> or <c>±hhmm</c>. Without a zone
    /// suffix the time is read in <paramref name="zone"/>. Fraction digits beyond the precision are truncated.
    /// </summary>
    public static bool TryParse(string text, TaosPrecision precision, TimeZoneInfo zone, out long ticks)
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
        long fractionTicks = Precisions.Convert(fractionNanos, TaosPrecision.Nanoseconds, precision);
        try
        {
            ticks = offset is { } o
                ? checked(TimeZones.UtcSeconds(local - o) * PrecisionTicks.PerSecond(precision) + fractionTicks)
                : TimeZones.LocalToTicks(local, fractionTicks, zone, precision);
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

    /// <summary>A zone suffix of timestamp text: <c>Z</c>, <c>±hh</c>, <c>±hhmm</c> or <c>±hh:mm</c>.</summary>
    public static bool TryParseZoneSuffix(ReadOnlySpan<char> s, out TimeSpan offset)
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
}
