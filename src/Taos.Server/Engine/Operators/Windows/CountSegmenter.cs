namespace Taos.Server.Engine.Operators.Windows;

/// <summary>COUNT_WINDOW: windows of <paramref name="count"/> rows, a new one every <paramref name="sliding"/> rows.</summary>
internal sealed class CountSegmenter(long count, long? sliding) : WindowSegmenter
{
    public override List<WindowSegment>? Segments(List<BufferedRow> sorted)
    {
        var result = new List<WindowSegment>();
        long step = sliding ?? count;
        for (long lo = 0; lo < sorted.Count; lo += step)
        {
            // With a sliding step, every step starts a window, even one holding only rows an earlier window had.
            AddRun(result, sorted, (int)lo, (int)Math.Min(sorted.Count, lo + count));
        }
        return result;
    }
}
