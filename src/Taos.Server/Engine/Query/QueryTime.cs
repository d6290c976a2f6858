using System.Globalization;
using Taos.Protocol;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Query;

/// <summary>Time arithmetic the query needs: duration ticks, calendar steps, timestamp strings in the server zone.</summary>
internal static class QueryTime
{
    public static long TicksPerSecond(TaosPrecision p) => RestTimestamp.TicksPerSecond(p);

    public static bool IsCalendar(char unit) => unit is 'n' or 'y';

    /// <summary>Ticks of a fixed-length duration (b–w) in <paramref name="p"/>; sub-tick parts are truncated.</summary>
    public static long FixedTicks(Duration d, TaosPrecision p) => FixedTicks(d.Value, d.Unit, p);

    public static long FixedTicks(long value, char unit, TaosPrecision p)
    {
        long perSecond = TicksPerSecond(p);
        return unit switch
        {
            'b' => value * perSecond / 1_000_000_000L,
            'u' => value * perSecond / 1_000_000L,
            'a' => value * perSecond / 1_000L,
            's' => value * perSecond,
            'm' => value * 60 * perSecond,
            'h' => value * 3600 * perSecond,
            'd' => value * 86400 * perSecond,
            'w' => value * 7 * 86400 * perSecond,
            'n' => value * 30 * 86400 * perSecond,
            'y' => value * 365 * 86400 * perSecond,
            _ => throw new ArgumentOutOfRangeException(nameof(unit)),
        };
    }

    /// <summary>Months of a calendar duration (n or y).</summary>
    public static long Months(Duration d) => d.Unit == 'y' ? d.Value * 12 : d.Value;

    /// <summary>Splits ticks into whole seconds and the sub-second remainder (non-negative).</summary>
    private static (long Seconds, long Fraction) Split(long ticks, TaosPrecision p)
    {
        long perSecond = TicksPerSecond(p);
        long seconds = Math.DivRem(ticks, perSecond, out long frac);
        if (frac < 0) { frac += perSecond; seconds--; }
        return (seconds, frac);
    }

    /// <summary>Adds calendar months in <paramref name="zone"/>, clamping the day to the target month's length.</summary>
    public static long AddMonths(long ticks, long months, TaosPrecision p, TimeZoneInfo zone)
    {
        var (seconds, frac) = Split(ticks, p);
        var utc = DateTime.UnixEpoch.AddSeconds(seconds);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var shifted = local.AddMonths((int)months);
        var back = LocalToUtc(shifted, zone);
        return (long)(back - DateTime.UnixEpoch).TotalSeconds * TicksPerSecond(p) + frac;
    }

    /// <summary>Month index (year·12 + month−1) of a timestamp in <paramref name="zone"/>.</summary>
    public static long MonthIndex(long ticks, TaosPrecision p, TimeZoneInfo zone)
    {
        var (seconds, _) = Split(ticks, p);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddSeconds(seconds), zone);
        return local.Year * 12L + local.Month - 1;
    }

    /// <summary>Ticks of local midnight on the first day of month <paramref name="monthIndex"/>.</summary>
    public static long MonthStart(long monthIndex, TaosPrecision p, TimeZoneInfo zone)
    {
        var local = new DateTime((int)(monthIndex / 12), (int)(monthIndex % 12) + 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return (long)(LocalToUtc(local, zone) - DateTime.UnixEpoch).TotalSeconds * TicksPerSecond(p);
    }

    /// <summary>The zone's offset from UTC at <paramref name="ticks"/>, in ticks.</summary>
    public static long ZoneOffsetTicks(long ticks, TaosPrecision p, TimeZoneInfo zone)
    {
        var (seconds, _) = Split(ticks, p);
        var offset = zone.GetUtcOffset(DateTime.UnixEpoch.AddSeconds(seconds));
        return (long)offset.TotalSeconds * TicksPerSecond(p);
    }

    private static DateTime LocalToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>Local midnight of today in <paramref name="zone"/>.</summary>
    public static long Today(long nowTicks, TaosPrecision p, TimeZoneInfo zone)
    {
        var (seconds, _) = Split(nowTicks, p);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddSeconds(seconds), zone);
        return (long)(LocalToUtc(local.Date, zone) - DateTime.UnixEpoch).TotalSeconds * TicksPerSecond(p);
    }

    public static long Now(TaosPrecision p)
    {
        long ns = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        return p switch
        {
            TaosPrecision.Milliseconds => ns / 1_000_000,
            TaosPrecision.Microseconds => ns / 1_000,
            _ => ns,
        };
    }

    /// <summary>A timestamp string read in <paramref name="zone"/> (the engine's reading, shared with INSERT).</summary>
    public static bool TryParseTimestamp(string text, TaosPrecision p, TimeZoneInfo zone, out long ticks) =>
        Time.TaosTime.TryParseTimestamp(text, zone, p, out ticks);

    /// <summary>ISO 8601 text as TO_ISO8601 writes it: local time with the fraction of the precision and the zone offset.</summary>
    public static string ToIso8601(long ticks, TaosPrecision p, TimeZoneInfo zone)
    {
        var (seconds, frac) = Split(ticks, p);
        var utc = DateTime.UnixEpoch.AddSeconds(seconds);
        var offset = zone.GetUtcOffset(utc);
        var local = utc + offset;
        string digits = frac.ToString(p switch { TaosPrecision.Milliseconds => "D3", TaosPrecision.Microseconds => "D6", _ => "D9" }, CultureInfo.InvariantCulture);
        // TO_ISO8601 without a zone argument gets the server zone as strftime's %z (+hhmm).
        return local.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture) + "." + digits + OffsetText(offset);
    }

    /// <summary>A UTC offset as strftime's %z writes it: sign, two-digit hours, two-digit minutes (+0800).</summary>
    public static string OffsetText(TimeSpan offset)
    {
        var abs = offset.Duration();
        return (offset < TimeSpan.Zero ? "-" : "+") + ((int)abs.TotalHours).ToString("D2", CultureInfo.InvariantCulture) +
               abs.Minutes.ToString("D2", CultureInfo.InvariantCulture);
    }
}
