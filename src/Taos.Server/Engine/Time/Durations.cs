using System.Globalization;
using Taos.Protocol;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Time;

/// <summary>
/// Durations in ticks of a precision, as TDengine reads them (ttime.c <c>getDuration</c>): fixed units b … w are
/// exact tick counts with sub-tick parts truncated (<c>1u</c> in a ms database is 0); a count too large for the
/// tick range is an error, never a wrapped number. The calendar units n and y are steps of months (see
/// <see cref="CalendarMonths"/>); where a fixed length is still asked of them (the offset limit of a calendar
/// INTERVAL, a month offset of a fixed INTERVAL, TIMEDIFF/ELAPSED units, a bare <c>1n</c> value) a month counts as
/// 30 days and a year as 365.
/// </summary>
internal static class Durations
{
    /// <summary>TDengine's TSDB_CODE_PAR_WRONG_VALUE_TYPE (0x2605), raised for a duration out of range.</summary>
    private const int WrongValueType = 9733;

    private const long MonthNanos = 30 * 86_400_000_000_000L;
    private const long YearNanos = 365 * 86_400_000_000_000L;

    /// <summary>
    /// A fixed-length duration (b … w) in ticks of <paramref name="precision"/>. False for n/y, unknown units and
    /// counts whose ticks leave the 64-bit range.
    /// </summary>
    public static bool TryTicks(long value, char unit, TaosPrecision precision, out long ticks) =>
        TryScale(value, DurationUnit.Nanoseconds(unit), precision, out ticks);

    /// <summary>
    /// The ticks of <paramref name="duration"/> where any unit is accepted (expressions, INTERVAL): b … w exactly, n as
    /// 30 days, y as 365 days. A count out of range is TDengine's 9733 <c>Invalid value type: 1000000000000d</c>.
    /// </summary>
    public static long Ticks(Duration duration, TaosPrecision precision) =>
        Ticks(duration.Value, duration.Unit, precision, duration.Text);

    /// <summary><see cref="Ticks(Duration, TaosPrecision)"/> for a count and unit.</summary>
    public static long Ticks(long value, char unit, TaosPrecision precision) =>
        Ticks(value, unit, precision, value.ToString(CultureInfo.InvariantCulture) + unit);

    /// <summary><see cref="Ticks(Duration, TaosPrecision)"/> for a count and unit written as <paramref name="text"/>.</summary>
    public static long Ticks(long value, char unit, TaosPrecision precision, string text)
    {
        long? nanos = unit switch
        {
            'n' => MonthNanos,
            'y' => YearNanos,
            _ => DurationUnit.Nanoseconds(unit) ?? throw new ArgumentOutOfRangeException(nameof(unit)),
        };
        if (!TryScale(value, nanos, precision, out long ticks))
        {
            throw new TaosServerException(WrongValueType, "Invalid value type: " + text);
        }
        return ticks;
    }

    /// <summary>
    /// <paramref name="ts"/> + <paramref name="value"/> units. b … w add fixed tick counts; n and y step calendar
    /// months/years in <paramref name="zone"/>. False on overflow or an unknown unit.
    /// </summary>
    public static bool TryAdd(long ts, long value, char unit, TaosPrecision precision, TimeZoneInfo zone, out long result)
    {
        result = 0;
        if (DurationUnit.IsCalendar(unit))
        {
            long months;
            try
            {
                months = unit == 'y' ? checked(value * 12) : value;
            }
            catch (OverflowException)
            {
                return false;
            }
            return CalendarMonths.TryAdd(ts, months, precision, zone, out result);
        }
        if (!TryTicks(value, unit, precision, out long delta)) return false;
        try
        {
            result = checked(ts + delta);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool TryScale(long value, long? unitNanos, TaosPrecision precision, out long ticks)
    {
        ticks = 0;
        if (unitNanos is not { } nanos) return false;
        long perTick = PrecisionTicks.NanosecondsPerTick(precision);
        try
        {
            ticks = nanos >= perTick ? checked(value * (nanos / perTick)) : value / (perTick / nanos);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
