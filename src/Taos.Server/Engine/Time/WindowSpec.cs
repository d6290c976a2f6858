using Taos.Protocol;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Time;

/// <summary>
/// The windows of <c>INTERVAL(len[, offset]) [SLIDING(step)]</c>: starts are multiples of the step from the epoch
/// (shifted by the offset — calendar months when both are <c>n</c>/<c>y</c>; <c>d</c>/<c>w</c> by the server zone;
/// <c>n</c>/<c>y</c> on calendar months), each window
/// <c>[start, start + len)</c>.
/// </summary>
internal sealed class WindowSpec
{
    private readonly TaosPrecision _precision;
    private readonly TimeZoneInfo _zone;
    private readonly bool _calendar;
    private readonly long _lengthTicks;
    private readonly long _lengthMonths;
    private readonly long _stepTicks;
    private readonly long _offsetTicks;
    private readonly long _offsetMonths;
    private readonly bool _zoneAligned;

    /// <summary>
    /// Checks <paramref name="window"/> as TDengine's translater does (9749 too small, 9773–9778 offset and sliding
    /// rules, 9733 a count out of range) and fixes its lengths in ticks of <paramref name="precision"/>.
    /// </summary>
    public WindowSpec(IntervalWindow window, TaosPrecision precision, TimeZoneInfo zone)
    {
        _precision = precision;
        _zone = zone;
        var len = window.Length;
        var step = window.Sliding ?? window.Length;
        if (window.Sliding is { } sliding && !DurationUnit.IsAllowed(sliding.Unit, DurationContext.Sliding)) throw SlidingUnit();
        if (DurationUnit.IsCalendar(len.Unit))
        {
            _calendar = true;
            _lengthMonths = DurationUnit.Months(len);
            if (_lengthMonths <= 0) throw TooSmall();
            if (window.Sliding is not null) throw SlidingUnit();
        }
        else
        {
            _lengthTicks = Durations.Ticks(len, precision);
            // TDengine compares the length in ticks of the database's precision with 1: 500u is 0 ticks in a
            // millisecond database (too small), 1u is 1000 ticks in a nanosecond one.
            if (_lengthTicks < 1) throw TooSmall();
            _stepTicks = Durations.Ticks(step, precision);
            if (_stepTicks <= 0) throw TooSmall();
            if (_stepTicks > _lengthTicks)
            {
                throw new TaosServerException(9777, "sliding value no larger than the interval value");
            }
            if (_lengthTicks / _stepTicks > 100)
            {
                throw new TaosServerException(9778, "sliding value can not less than 1% of interval value");
            }
            _zoneAligned = step.Unit is 'd' or 'w';
        }
        if (window.Offset is { } off)
        {
            if (len.Unit == 'n' && off.Unit == 'y')
            {
                throw new TaosServerException(9774, "Cannot use 'year' as offset when interval is 'month'");
            }
            long offTicks = Durations.Ticks(off, precision);
            if (offTicks <= 0) throw new TaosServerException(9773, "Interval offset cannot be negative");
            long limit = _calendar ? Durations.Ticks(_lengthMonths, 'n', precision) : _lengthTicks;
            if (offTicks >= limit) throw new TaosServerException(9775, "Interval offset should be shorter than interval");
            // A month/year offset of a calendar interval is a calendar step (taosTimeAdd), not 30/365 days.
            if (_calendar && DurationUnit.IsCalendar(off.Unit)) _offsetMonths = DurationUnit.Months(off);
            else _offsetTicks = offTicks;
        }
    }

    private static TaosServerException SlidingUnit() => new(9776, "Does not support sliding when interval is natural month/year");

    private static TaosServerException TooSmall() => new(ServerErrorCode.IntervalTooSmall, "Interval cannot be less than 1 ms");

    /// <summary>The latest window start at or before <paramref name="ts"/>.</summary>
    public long LatestStartAtOrBefore(long ts)
    {
        if (_calendar)
        {
            long m = CalendarMonths.MonthIndex(ts - _offsetTicks, _precision, _zone);
            long aligned = FloorDiv(m - _offsetMonths, _lengthMonths) * _lengthMonths + _offsetMonths;
            return CalendarMonths.MonthStart(aligned, _precision, _zone) + _offsetTicks;
        }
        long shift = _offsetTicks;
        if (_zoneAligned) shift -= TimeZones.OffsetTicks(ts, _precision, _zone);
        return FloorDiv(ts - shift, _stepTicks) * _stepTicks + shift;
    }

    /// <summary>The earliest window start whose window holds <paramref name="ts"/>.</summary>
    public long FirstStartHolding(long ts)
    {
        long s = LatestStartAtOrBefore(ts);
        while (true)
        {
            long prev = Previous(s);
            if (End(prev) > ts) s = prev;
            else return s;
        }
    }

    /// <summary>Windows do not overlap (no SLIDING shorter than the interval): each timestamp is in exactly one.</summary>
    public bool IsTumbling => _calendar || _stepTicks == _lengthTicks;

    /// <summary>The window start after <paramref name="start"/> (one step, or one calendar length).</summary>
    public long Next(long start) => _calendar ? AddMonths(start, _lengthMonths) : start + _stepTicks;

    /// <summary>The window start before <paramref name="start"/>.</summary>
    public long Previous(long start) => _calendar ? AddMonths(start, -_lengthMonths) : start - _stepTicks;

    /// <summary>The exclusive end of the window starting at <paramref name="start"/>.</summary>
    public long End(long start) => _calendar ? AddMonths(start, _lengthMonths) : start + _lengthTicks;

    private long AddMonths(long start, long months)
    {
        long baseStart = start - _offsetTicks;
        return CalendarMonths.Add(baseStart, months, _precision, _zone) + _offsetTicks;
    }

    private static long FloorDiv(long a, long b)
    {
        long q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
        return q;
    }
}
