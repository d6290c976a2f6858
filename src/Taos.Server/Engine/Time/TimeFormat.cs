using System.Globalization;
using System.Text;
using Taos.Protocol;

namespace Taos.Server.Engine.Time;

/// <summary>TO_CHAR / TO_TIMESTAMP format strings (YYYY, MM, DD, HH24, MI, SS, MS, US, NS, MONTH, DAY, AM, TZH …).</summary>
internal static class TimeFormat
{
    // Longest first so that HH24 wins over HH and MONTH over MON.
    private static readonly string[] Tokens =
    [
        "A.M.", "a.m.", "P.M.", "p.m.", "MONTH", "Month", "month", "HH24", "hh24", "HH12", "hh12", "YYYY", "yyyy",
        "YYY", "yyy", "MON", "Mon", "mon", "DAY", "Day", "day", "DDD", "ddd", "TZH", "tzh", "YY", "yy", "MM", "mm", "DD", "dd",
        "DY", "Dy", "dy", "HH", "hh", "MI", "mi", "SS", "ss", "MS", "ms", "US", "us", "NS", "ns", "AM", "am", "PM", "pm", "Y", "y", "D", "d",
    ];

    private static string? TokenAt(string format, int i)
    {
        foreach (var t in Tokens)
        {
            if (string.CompareOrdinal(format, i, t, 0, t.Length) == 0) return t;
        }
        return null;
    }

    private static string Cased(string token, string value) =>
        char.IsUpper(token[0]) ? (token.Length > 1 && char.IsUpper(token[1]) ? value.ToUpperInvariant() : value) : value.ToLowerInvariant();

    /// <summary>TO_CHAR: <paramref name="ticks"/> as local time in <paramref name="zone"/> laid out as <paramref name="format"/>.</summary>
    public static string Format(long ticks, string format, TaosPrecision p, TimeZoneInfo zone)
    {
        // TDengine splits with C division: before 1970 the second rounds toward zero and the fraction is negative.
        long perSecond = PrecisionTicks.PerSecond(p);
        long seconds = ticks / perSecond;
        long ns = ticks % perSecond * PrecisionTicks.NanosecondsPerTick(p);
        var utc = DateTime.UnixEpoch.AddSeconds(seconds);
        var offset = zone.GetUtcOffset(utc);
        var t = utc + offset;
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        for (int i = 0; i < format.Length;)
        {
            string? tok = TokenAt(format, i);
            if (tok is null)
            {
                sb.Append(format[i++]);
                continue;
            }
            i += tok.Length;
            int hour12 = t.Hour % 12 == 0 ? 12 : t.Hour % 12;
            sb.Append(tok.ToUpperInvariant() switch
            {
                "YYYY" => t.Year.ToString("D4", inv),
                "YYY" => (t.Year % 1000).ToString("D3", inv),
                "YY" => (t.Year % 100).ToString("D2", inv),
                "Y" => (t.Year % 10).ToString(inv),
                "MONTH" => Cased(tok, t.ToString("MMMM", inv)).PadRight(9),
                "MON" => Cased(tok, t.ToString("MMM", inv)),
                "MM" => t.Month.ToString("D2", inv),
                "DD" => t.Day.ToString("D2", inv),
                "DAY" => Cased(tok, t.ToString("dddd", inv)).PadRight(9),
                "DY" => Cased(tok, t.ToString("ddd", inv)),
                "DDD" => t.DayOfYear.ToString("D3", inv),
                "D" => ((int)t.DayOfWeek + 1).ToString(inv),
                "HH24" => t.Hour.ToString("D2", inv),
                "HH12" or "HH" => hour12.ToString("D2", inv),
                "MI" => t.Minute.ToString("D2", inv),
                "SS" => t.Second.ToString("D2", inv),
                "MS" => ZeroPadded(ns / 1_000_000, 3),
                "US" => ZeroPadded(ns / 1_000, 6),
                "NS" => ZeroPadded(ns, 9),
                "AM" or "PM" => Cased(tok, t.Hour < 12 ? "AM" : "PM"),
                "A.M." or "P.M." => Cased(tok, t.Hour < 12 ? "A.M." : "P.M."),
                "TZH" => (offset < TimeSpan.Zero ? "-" : "+") + ((int)offset.Duration().TotalHours).ToString("D2", inv),
                _ => tok,
            });
        }
        return sb.ToString();
    }

    /// <summary>C's <c>%0Nd</c>: zero-padded to <paramref name="width"/> characters, a minus sign included.</summary>
    private static string ZeroPadded(long value, int width)
    {
        string digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        return value < 0 ? "-" + digits.PadLeft(width - 1, '0') : digits.PadLeft(width, '0');
    }

    /// <summary>Reads <paramref name="text"/> laid out as <paramref name="format"/>; missing parts default to 1970-01-01 00:00:00.</summary>
    public static bool TryParse(string text, string format, TaosPrecision p, TimeZoneInfo zone, out long ticks)
    {
        ticks = 0;
        int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
        long ns = 0;
        bool pm = false, twelve = false;
        TimeSpan? tz = null;
        int pos = 0;
        int ReadInt(int maxDigits)
        {
            int start = pos, v = 0;
            while (pos < text.Length && pos - start < maxDigits && char.IsAsciiDigit(text[pos])) v = v * 10 + (text[pos++] - '0');
            if (pos == start) throw new FormatException();
            return v;
        }
        try
        {
            for (int i = 0; i < format.Length;)
            {
                string? tok = TokenAt(format, i);
                if (tok is null)
                {
                    if (pos < text.Length && text[pos] == format[i]) pos++;
                    i++;
                    continue;
                }
                i += tok.Length;
                switch (tok.ToUpperInvariant())
                {
                    case "YYYY": year = ReadInt(4); break;
                    case "YY": year = 2000 + ReadInt(2); break;
                    case "MM": month = ReadInt(2); break;
                    case "DD": day = ReadInt(2); break;
                    case "HH24": hour = ReadInt(2); break;
                    case "HH12":
                    case "HH": hour = ReadInt(2); twelve = true; break;
                    case "MI": minute = ReadInt(2); break;
                    case "SS": second = ReadInt(2); break;
                    case "MS": ns = ReadInt(3) * 1_000_000L; break;
                    case "US": ns = ReadInt(6) * 1_000L; break;
                    case "NS": ns = ReadInt(9); break;
                    case "AM":
                    case "PM":
                        if (pos + 2 > text.Length) return false;
                        pm = text.Substring(pos, 2).Equals("PM", StringComparison.OrdinalIgnoreCase);
                        pos += 2;
                        break;
                    case "MON":
                    case "MONTH":
                        month = ReadMonthName(text, ref pos, abbreviated: tok.Length == 3);
                        if (month == 0) return false;
                        break;
                    case "TZH":
                        {
                            if (pos >= text.Length || (text[pos] != '+' && text[pos] != '-')) return false;
                            bool neg = text[pos++] == '-';
                            int h = ReadInt(2);
                            tz = TimeSpan.FromHours(neg ? -h : h);
                            break;
                        }
                    default:
                        return false;
                }
            }
            if (twelve)
            {
                hour %= 12;
                if (pm) hour += 12;
            }
            var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
            var utc = tz is { } o ? local - o : TimeZoneInfo.ConvertTimeToUtc(local, zone);
            long perSecond = PrecisionTicks.PerSecond(p);
            ticks = (long)(utc - DateTime.UnixEpoch).TotalSeconds * perSecond + ns / (1_000_000_000L / perSecond);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The month (1–12) whose English name starts <paramref name="text"/> at <paramref name="pos"/> (moving past it), or 0.</summary>
    private static int ReadMonthName(string text, ref int pos, bool abbreviated)
    {
        var names = abbreviated ? CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames : CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
        for (int m = 0; m < 12; m++)
        {
            if (names[m].Length > 0 && string.Compare(text, pos, names[m], 0, names[m].Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                pos += names[m].Length;
                return m + 1;
            }
        }
        return 0;
    }
}
