using Taos.Server.Engine.Binding;
using Taos.Server.Sql.Ast;
using Taos.Server.Engine.Time;

namespace Taos.Server.Engine.Operators.Windows;

/// <summary>INTERVAL windows as [start, end): those holding rows, or with FILL every window of the queried range.</summary>
internal sealed class IntervalSegmenter(WindowSpec spec, FillMode fill, TimeRange range) : WindowSegmenter
{
    public override List<WindowSegment>? Segments(List<BufferedRow> sorted)
    {
        List<long> starts;
        if (fill == FillMode.None)
        {
            if (sorted.Count == 0) return null;
            starts = StartsHoldingRows(sorted);
        }
        else
        {
            if (sorted.Count == 0 && fill is not (FillMode.NullF or FillMode.ValueF)) return null;
            starts = WindowStarts.Covering(spec, range);
        }
        var segments = new List<WindowSegment>(starts.Count);
        int lo = 0;
        foreach (long s in starts)
        {
            long e = spec.End(s);
            while (lo < sorted.Count && sorted[lo].Ts < s) lo++;
            int hi = lo;
            while (hi < sorted.Count && sorted[hi].Ts < e) hi++;
            segments.Add(new WindowSegment(s, e, lo, hi));
        }
        return segments;
    }

    private List<long> StartsHoldingRows(List<BufferedRow> sorted)
    {
        var starts = new List<long>();
        long s = spec.FirstStartHolding(sorted[0].Ts);
        long last = sorted[^1].Ts;
        int probe = 0;
        while (s <= last)
        {
            long e = spec.End(s);
            while (probe < sorted.Count && sorted[probe].Ts < s) probe++;
            if (probe < sorted.Count && sorted[probe].Ts < e)
            {
                starts.Add(s);
                s = spec.Next(s);
            }
            else if (probe < sorted.Count)
            {
                long jump = spec.FirstStartHolding(sorted[probe].Ts);
                s = jump > s ? jump : spec.Next(s);
            }
            else break;
        }
        return starts;
    }
}
