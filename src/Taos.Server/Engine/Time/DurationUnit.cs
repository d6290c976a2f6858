using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Time;

/// <summary>
/// The letters of TDengine durations: <c>b</c> ns, <c>u</c> µs, <c>a</c> ms, <c>s</c>, <c>m</c> minute, <c>h</c>,
/// <c>d</c>, <c>w</c> (fixed lengths) and the calendar units <c>n</c> month and <c>y</c> year.
/// </summary>
internal static class DurationUnit
{
    /// <summary>Nanoseconds in one unit b … w; null for n, y and unknown letters.</summary>
    public static long? Nanoseconds(char unit) => unit switch
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
    public static bool IsCalendar(char unit) => unit is 'n' or 'y';

    /// <summary>Whether TDengine accepts <paramref name="unit"/> in a duration written in <paramref name="context"/>.</summary>
    public static bool IsAllowed(char unit, DurationContext context) => context switch
    {
        DurationContext.Expression or DurationContext.Interval => Nanoseconds(unit) is not null || IsCalendar(unit),
        DurationContext.Insert or DurationContext.Sliding => Nanoseconds(unit) is not null,
        DurationContext.Retention => unit is 'm' or 'h' or 'd',
        _ => false,
    };

    /// <summary>Months of a calendar duration (n or y).</summary>
    public static long Months(Duration duration) => duration.Unit == 'y' ? checked(duration.Value * 12) : duration.Value;
}
