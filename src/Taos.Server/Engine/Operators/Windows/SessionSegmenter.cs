using Taos.Server.Sql.Ast;
using Taos.Server.Engine.Time;

namespace Taos.Server.Engine.Operators.Windows;

/// <summary>SESSION: a new window wherever consecutive rows are further apart than the gap.</summary>
internal sealed class SessionSegmenter(Duration gap, TaosPrecision precision) : WindowSegmenter
{
    public override List<WindowSegment>? Segments(List<BufferedRow> sorted)
    {
        var result = new List<WindowSegment>();
        long ticks = Durations.Ticks(gap, precision);
        int start = 0;
        for (int i = 1; i <= sorted.Count; i++)
        {
            if (i == sorted.Count || sorted[i].Ts - sorted[i - 1].Ts > ticks)
            {
                AddRun(result, sorted, start, i);
                start = i;
            }
        }
        return result;
    }
}
