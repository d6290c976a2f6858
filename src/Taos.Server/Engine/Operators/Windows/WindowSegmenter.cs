namespace Taos.Server.Engine.Operators.Windows;

/// <summary>Cuts a group's rows (in ts order) into windows.</summary>
internal abstract class WindowSegmenter
{
    /// <summary>The windows over <paramref name="sorted"/>; null when the group yields no windows at all.</summary>
    public abstract List<WindowSegment>? Segments(List<BufferedRow> sorted);

    /// <summary>A window from row <paramref name="lo"/> to before <paramref name="hi"/>, reported from its first to its last row's timestamp.</summary>
    protected static void AddRun(List<WindowSegment> result, List<BufferedRow> sorted, int lo, int hi)
    {
        if (hi > lo) result.Add(new WindowSegment(sorted[lo].Ts, sorted[hi - 1].Ts, lo, hi));
    }
}
