namespace Taos.Server.Engine.Time;

/// <summary>
/// Calendar steps of months and years (TDengine's <c>taosTimeAdd</c> for <c>n</c>/<c>y</c>): the local date moves
/// by whole months in the zone keeping the time of day, the day clamped to the target month's length; and month
/// indexes for aligning <c>INTERVAL(1n)</c> windows.
/// </summary>
internal static class CalendarMonths
{
    /// <summary>The largest month step taken (10 000 years); larger steps leave the calendar.</summary>
    private const long MaxMonths = 120_000;

    /// <summary><paramref name="ticks"/> moved by <paramref name="months"/> calendar months in <paramref name="zone"/>.</summary>
    public static long Add(long ticks, long months, TaosPrecision precision, TimeZoneInfo zone)
    {
        var (seconds, fraction) = TimeZones.Split(ticks, precision);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddSeconds(seconds), zone);
        return TimeZones.LocalToTicks(local.AddMonths((int)months), fraction, zone, precision);
    }

    /// <summary><see cref="Add"/>, false when the step or its result leaves the calendar or the tick range.</summary>
    public static bool TryAdd(long ticks, long months, TaosPrecision precision, TimeZoneInfo zone, out long result)
    {
        result = 0;
        if (months is > MaxMonths or < -MaxMonths) return false;
        try
        {
            result = Add(ticks, months, precision, zone);
            return true;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>Month index (year·12 + month−1) of a timestamp in <paramref name="zone"/>.</summary>
    public static long MonthIndex(long ticks, TaosPrecision precision, TimeZoneInfo zone)
    {
        var local = TimeZones.ToLocal(ticks, precision, zone);
        return local.Year * 12L + local.Month - 1;
    }

    /// <summary>Ticks of local midnight on the first day of month <paramref name="monthIndex"/>.</summary>
    public static long MonthStart(long monthIndex, TaosPrecision precision, TimeZoneInfo zone)
    {
        var local = new DateTime((int)(monthIndex / 12), (int)(monthIndex % 12) + 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return TimeZones.LocalToTicks(local, 0, zone, precision);
    }
}
