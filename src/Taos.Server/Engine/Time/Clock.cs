namespace Taos.Server.Engine.Time;

/// <summary>NOW and TODAY: the current time and local midnight in ticks of a precision.</summary>
internal static class Clock
{
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
    public static long Today(TaosPrecision precision, TimeZoneInfo zone) => Today(Now(precision), precision, zone);

    /// <summary>Local midnight of the day holding <paramref name="nowTicks"/> in <paramref name="zone"/>.</summary>
    public static long Today(long nowTicks, TaosPrecision precision, TimeZoneInfo zone) =>
        TimeZones.LocalToTicks(TimeZones.ToLocal(nowTicks, precision, zone).Date, 0, zone, precision);
}
