namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// The unit of the timestamps in schemaless data (taos.h <c>TSDB_SML_TIMESTAMP_TYPE</c>). <see cref="NotConfigured"/>
/// reads line protocol as nanoseconds and OpenTSDB by the number of digits (10 seconds, 13 milliseconds).
/// </summary>
internal enum SmlTimeUnit { NotConfigured, Hours, Minutes, Seconds, Milliseconds, Microseconds, Nanoseconds }

/// <summary>The precision strings taosAdapter understands and the nanoseconds of each unit.</summary>
internal static class SmlTimeUnits
{
    /// <summary>
    /// taosAdapter's precision strings: <c>h</c>, <c>m</c>, <c>s</c>, <c>ms</c>, <c>u</c>/<c>μ</c>, <c>ns</c>; anything
    /// else (also <c>us</c>) is "not configured", as taosAdapter 3.3.0.1 maps it.
    /// </summary>
    public static SmlTimeUnit Parse(string? text) => text switch
    {
        "h" => SmlTimeUnit.Hours,
        "m" => SmlTimeUnit.Minutes,
        "s" => SmlTimeUnit.Seconds,
        "ms" => SmlTimeUnit.Milliseconds,
        "u" or "μ" => SmlTimeUnit.Microseconds,
        "ns" => SmlTimeUnit.Nanoseconds,
        _ => SmlTimeUnit.NotConfigured,
    };

    /// <summary>Nanoseconds per unit (<see cref="SmlTimeUnit.NotConfigured"/> is not a unit: 0).</summary>
    public static long Nanoseconds(SmlTimeUnit unit) => unit switch
    {
        SmlTimeUnit.Hours => 3_600_000_000_000L,
        SmlTimeUnit.Minutes => 60_000_000_000L,
        SmlTimeUnit.Seconds => 1_000_000_000L,
        SmlTimeUnit.Milliseconds => 1_000_000L,
        SmlTimeUnit.Microseconds => 1_000L,
        SmlTimeUnit.Nanoseconds => 1L,
        _ => 0L,
    };
}
