using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Time;

namespace Taos.Server.Engine.Operators.Windows;

/// <summary>The window starts FILL reports: every window from the one holding the lower bound to the one holding the upper bound.</summary>
internal static class WindowStarts
{
    public static List<long> Covering(WindowSpec spec, TimeRange range)
    {
        var starts = new List<long>();
        long s = spec.FirstStartHolding(range.Min);
        while (s <= range.Max)
        {
            starts.Add(s);
            s = spec.Next(s);
            if (starts.Count > 10_000_000)
            {
                throw new TaosServerException(ServerErrorCode.TimeRangeRequired, "Start(end) time of query range required or time range too large");
            }
        }
        return starts;
    }
}
