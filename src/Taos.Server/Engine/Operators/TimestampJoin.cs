using Taos.Server.Engine.Binding;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// Joins two row sets on their primary timestamps, each joined row being the left row's values then the right
/// row's (NULLs for a side without a match). The driving side (LEFT/RIGHT) is walked in ts order; for each of its
/// rows the other side's matches are found in that side's rows sorted by ts: equal timestamps (inner, outer, semi,
/// anti), the closest by the ASOF comparison (up to JLIMIT), or those within the WINDOW offsets. FULL joins add the
/// right rows no left row matched.
/// </summary>
internal sealed class TimestampJoin(BoundJoin join, IEnumerable<object?[]> left, IEnumerable<object?[]> right)
{
    /// <summary>The joined rows, computed when enumerated.</summary>
    public IEnumerable<object?[]> Rows()
    {
        bool rightDrives = join.Driving == "right";
        var driving = SortedByTs(rightDrives ? right : left, rightDrives ? join.RightTs : join.LeftTs);
        var other = SortedByTs(rightDrives ? left : right, rightDrives ? join.LeftTs : join.RightTs);
        int otherTs = rightDrives ? join.LeftTs : join.RightTs;
        int drivingTs = rightDrives ? join.RightTs : join.LeftTs;
        var keys = other.Select(r => (long)r[otherTs]!).ToArray();
        var matchedOther = join.Driving == "full" ? new bool[other.Count] : null;
        foreach (var row in driving)
        {
            long ts = (long)row[drivingTs]!;
            var (lo, hi) = join.Kind == JoinKind.Asof ? Closest(keys, ts) : Matches(keys, ts);
            bool any = hi > lo;
            switch (join.Kind)
            {
                case JoinKind.Semi:
                    if (any) yield return Combine(row, other[lo], rightDrives);
                    continue;
                case JoinKind.Anti:
                    if (!any) yield return Combine(row, null, rightDrives);
                    continue;
            }
            if (!any && join.Kind != JoinKind.Inner)
            {
                yield return Combine(row, null, rightDrives);
                continue;
            }
            long limit = join.JLimit ?? long.MaxValue;
            for (int i = lo; i < hi && i - lo < limit; i++)
            {
                if (matchedOther is not null) matchedOther[i] = true;
                yield return Combine(row, other[i], rightDrives);
            }
        }
        if (matchedOther is null) yield break;
        for (int i = 0; i < other.Count; i++)
        {
            if (!matchedOther[i]) yield return Combine(other[i], null, rightDrives: true);
        }
    }

    /// <summary>The other side's rows matching a driving row at <paramref name="ts"/>: equal, or within the WINDOW offsets.</summary>
    private (int Lo, int Hi) Matches(long[] keys, long ts) => join.Kind == JoinKind.Window
        ? (LowerBound(keys, SaturatingAdd(ts, join.WindowLow)), UpperBound(keys, SaturatingAdd(ts, join.WindowHigh)))
        : (LowerBound(keys, ts), UpperBound(keys, ts));

    /// <summary>ASOF: the JLIMIT other-side rows nearest to <paramref name="ts"/> that satisfy <c>ts op other.ts</c>, in ts order.</summary>
    private (int Lo, int Hi) Closest(long[] keys, long ts)
    {
        int limit = (int)Math.Min(int.MaxValue, join.JLimit ?? 1);
        switch (join.AsofOp)
        {
            case BinaryOp.GreaterOrEqual or BinaryOp.Greater:
                {
                    // other.ts <= ts (or < ts): the last rows at or before it.
                    int end = join.AsofOp == BinaryOp.Greater ? LowerBound(keys, ts) : UpperBound(keys, ts);
                    return (Math.Max(0, end - limit), end);
                }
            case BinaryOp.LessOrEqual or BinaryOp.Less:
                {
                    int start = join.AsofOp == BinaryOp.Less ? UpperBound(keys, ts) : LowerBound(keys, ts);
                    return (start, Math.Min(keys.Length, start + limit));
                }
            default:
                return (LowerBound(keys, ts), UpperBound(keys, ts));
        }
    }

    private object?[] Combine(object?[] row, object?[]? match, bool rightDrives)
    {
        var values = new object?[join.LeftWidth + join.RightWidth];
        var (l, r) = rightDrives ? (match, row) : (row, match);
        if (l is not null) Array.Copy(l, 0, values, 0, join.LeftWidth);
        if (r is not null) Array.Copy(r, 0, values, join.LeftWidth, join.RightWidth);
        return values;
    }

    private static List<object?[]> SortedByTs(IEnumerable<object?[]> rows, int ts) =>
        rows.Where(r => r[ts] is not null).OrderBy(r => (long)r[ts]!).ToList();

    private static long SaturatingAdd(long a, long b) =>
        b > 0 && a > long.MaxValue - b ? long.MaxValue : b < 0 && a < long.MinValue - b ? long.MinValue : a + b;

    /// <summary>The first index whose key is at least <paramref name="ts"/>.</summary>
    private static int LowerBound(long[] keys, long ts)
    {
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < ts) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The first index whose key is above <paramref name="ts"/>.</summary>
    private static int UpperBound(long[] keys, long ts) => ts == long.MaxValue ? keys.Length : LowerBound(keys, ts + 1);
}
