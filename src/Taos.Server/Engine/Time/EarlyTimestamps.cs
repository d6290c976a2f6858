using Taos.Protocol;

namespace Taos.Server.Engine.Time;

/// <summary>
/// TDengine 3.3.0.1's TIMETRUNCATE and TIMEDIFF read a TIMESTAMP column whose whole seconds (counted toward zero)
/// stay below 10^9 — every time before 2001-09-09, 1970 and earlier included — as whole seconds: the fraction is
/// dropped before the function computes.
/// </summary>
internal static class EarlyTimestamps
{
    private const long SecondsLimit = 1_000_000_000L;

    /// <summary><paramref name="ticks"/> as those functions read a TIMESTAMP column's value.</summary>
    public static long AsRead(long ticks, TaosPrecision precision)
    {
        long perSecond = PrecisionTicks.PerSecond(precision);
        long seconds = ticks / perSecond;
        return seconds < SecondsLimit ? seconds * perSecond : ticks;
    }
}
