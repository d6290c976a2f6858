using System.Globalization;
using Taos.Protocol;

namespace Taos.Server.Engine.Time;

/// <summary>Epoch ticks and local wall-clock time in a zone, both ways, and the zone's offset.</summary>
internal static class TimeZones
{
    /// <summary>Splits ticks into whole seconds and the sub-second remainder (non-negative).</summary>
    public static (long Seconds, long Fraction) Split(long ticks, TaosPrecision precision)
    {
        long perSecond = PrecisionTicks.PerSecond(precision);
        long seconds = Math.DivRem(ticks, perSecond, out long fraction);
        if (fraction < 0)
        {
            fraction += perSecond;
            seconds--;
        }
        return (seconds, fraction);
    }

    /// <summary>The local wall-clock time (whole seconds) of <paramref name="ticks"/> in <paramref name="zone"/>.</summary>
    public static DateTime ToLocal(long ticks, TaosPrecision precision, TimeZoneInfo zone)
    {
        var (seconds, _) = Split(ticks, precision);
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddSeconds(seconds), zone);
    }

    /// <summary>
    /// Ticks of the local wall-clock time <paramref name="local"/> in <paramref name="zone"/> plus
    /// <paramref name="fractionTicks"/>. A time skipped by a DST change is read with the zone's standard offset;
    /// an ambiguous one as standard time. Throws <see cref="OverflowException"/> past the tick range.
    /// </summary>
    public static long LocalToTicks(DateTime local, long fractionTicks, TimeZoneInfo zone, TaosPrecision precision)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = zone.IsInvalidTime(local) ? zone.BaseUtcOffset : zone.GetUtcOffset(local);
        return checked(UtcSeconds(local - offset) * PrecisionTicks.PerSecond(precision) + fractionTicks);
    }

    /// <summary>Seconds since the epoch of a UTC wall-clock time.</summary>
    public static long UtcSeconds(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;

    /// <summary>The zone's offset from UTC at <paramref name="ticks"/>, in ticks.</summary>
    public static long OffsetTicks(long ticks, TaosPrecision precision, TimeZoneInfo zone)
    {
        var (seconds, _) = Split(ticks, precision);
        var offset = zone.GetUtcOffset(DateTime.UnixEpoch.AddSeconds(seconds));
        return (long)offset.TotalSeconds * PrecisionTicks.PerSecond(precision);
    }

    /// <summary>A UTC offset as strftime's %z writes it: sign, two-digit hours, two-digit minutes (+0800).</summary>
    public static string OffsetText(TimeSpan offset)
    {
        var abs = offset.Duration();
        return (offset < TimeSpan.Zero ? "-" : "+") + ((int)abs.TotalHours).ToString("D2", CultureInfo.InvariantCulture) +
               abs.Minutes.ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>The zone as TIMEZONE() shows it: <c>UTC (UTC, +0000)</c>, <c>Asia/Shanghai (Asia/Shanghai, +0800)</c>.</summary>
    public static string DisplayText(TimeZoneInfo zone)
    {
        string id = zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;
        return id + " (" + id + ", " + OffsetText(zone.GetUtcOffset(DateTime.UtcNow)) + ")";
    }
}
