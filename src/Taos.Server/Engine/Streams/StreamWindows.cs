using Taos.Server.Engine.Time;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Streams;

/// <summary>
/// Which windows of a stream a source timestamp touches, when a window is closed and when data is expired: an
/// INTERVAL's pending ranges hold window starts (the windows holding the timestamps); a SESSION, STATE_WINDOW,
/// EVENT_WINDOW or COUNT_WINDOW range runs from the timestamp to the end of time (a change may move every later
/// window of its group); a stream without a window recomputes exactly the rows written.
/// </summary>
internal sealed class StreamWindows(StreamDefinition definition)
{
    private WindowSpec? Interval => definition.Interval;

    /// <summary>The pending range of windows that source timestamps <paramref name="from"/>..<paramref name="to"/> touch.</summary>
    public PendingRange Affected(long from, long to, long since) => definition.Window switch
    {
        null => new PendingRange(from, to, since),
        IntervalWindow => new PendingRange(Interval!.FirstStartHolding(from), Interval.LatestStartAtOrBefore(to), since),
        CountWindow => new PendingRange(long.MinValue, long.MaxValue, since),
        _ => new PendingRange(from, long.MaxValue, since),
    };

    /// <summary>
    /// Whether a row at <paramref name="ts"/> is expired data: every window that could hold it closed before it
    /// came (<paramref name="closed"/> is the latest timestamp seen minus the watermark).
    /// </summary>
    public bool Expired(long ts, long closed) => definition.Window switch
    {
        null => false,
        IntervalWindow => Interval!.End(Interval.LatestStartAtOrBefore(ts)) - 1 < closed,
        _ => ts < closed,
    };

    /// <summary>The source timestamps the query reads to recompute <paramref name="range"/>'s windows.</summary>
    public (long From, long To) QueryRange(PendingRange range) => definition.Window is IntervalWindow
        ? (range.From, Interval!.End(range.To) - 1)
        : (range.From, range.To);

    /// <summary>Whether <paramref name="range"/> holds window starts (an INTERVAL's) rather than source timestamps.</summary>
    public bool HoldsWindowStarts => definition.Window is IntervalWindow;

    /// <summary>
    /// Whether the window from <paramref name="start"/> to <paramref name="end"/> (its <c>_wend</c>) is closed once
    /// the watermark reached <paramref name="closed"/>; <paramref name="last"/> says whether it is its group's latest.
    /// </summary>
    public bool IsClosed(long start, long end, bool last, long closed) => definition.Window switch
    {
        null => true,
        IntervalWindow => end - 1 < closed,
        SessionWindow session => end + SessionGap(session) < closed,
        EventWindow => true,
        _ => !last,
    };

    private long SessionGap(SessionWindow session) => Durations.Ticks(session.Gap, definition.Precision);
}
