namespace Taos.Protocol;

/// <summary>
/// The tick facts of a timestamp precision: how many ticks make a second and how many nanoseconds make a tick.
/// Client and server both count epoch time in ticks of the database's precision.
/// </summary>
internal static class PrecisionTicks
{
    /// <summary>Ticks per second of <paramref name="precision"/> (1 000, 1 000 000 or 1 000 000 000).</summary>
    public static long PerSecond(TaosPrecision precision) => precision switch
    {
        TaosPrecision.Milliseconds => 1_000L,
        TaosPrecision.Microseconds => 1_000_000L,
        TaosPrecision.Nanoseconds => 1_000_000_000L,
        _ => throw new ArgumentOutOfRangeException(nameof(precision)),
    };

    /// <summary>Nanoseconds per tick of <paramref name="precision"/> (1 000 000, 1 000 or 1).</summary>
    public static long NanosecondsPerTick(TaosPrecision precision) => precision switch
    {
        TaosPrecision.Milliseconds => 1_000_000L,
        TaosPrecision.Microseconds => 1_000L,
        TaosPrecision.Nanoseconds => 1L,
        _ => throw new ArgumentOutOfRangeException(nameof(precision)),
    };
}
