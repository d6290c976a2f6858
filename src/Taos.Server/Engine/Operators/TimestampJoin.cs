using Taos.Server.Engine.Binding;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// Joins two row sets on their primary timestamps, each joined row being the left row's values then the right
/// row's (NULLs for a side without a match). The driving side (LEFT/RIGHT) is walked in ts order; for each of its
/// rows the other side's candidates are found in that side's rows sorted by ts: equal timestamps (inner, outer,
/// semi, anti), the closest by the ASOF comparison, or those within the WINDOW offsets; a candidate matches when
/// the pair meets <paramref name="pairCondition"/> (ON's other terms), up to JLIMIT matches. FULL joins add the
/// right rows no left row matched.
/// </summary>
internal sealed class TimestampJoin(BoundJoin join, IEnumerable<object?[]> left, IEnumerable<object?[]> right, Func<object?[], bool>? pairCondition = null)
{
    /// <summary>The joined rows, computed when enumerated.</summary>
    public IEnumerable<object?[]> Rows()
    {
        bool rightDrives = join.Driving == "right";
        var leftKeyed = Keyed(left, join.LeftKey, join.LeftTs);
        var rightKeyed = Keyed(right, join.RightKey, join.RightTs);
        var driving = rightDrives ? rightKeyed : leftKeyed;
        var keyedOther = rightDrives ? leftKeyed : rightKeyed;
        var keys = keyedOther.Select(k => k.Key).ToArray();
        var other = keyedOther.Select(k => k.Row).ToList();
        var matchedOther = join.Driving == "full" ? new bool[other.Count] : null;
        foreach (var (row, key) in driving)
        {
            var matches = Matches(keys, key, row, other, rightDrives);
            switch (join.Kind)
            {
                case JoinKind.Semi:
                    if (matches.Count > 0) yield return Combine(row, other[matches[0]], rightDrives);
                    continue;
                case JoinKind.Anti:
                    if (matches.Count == 0) yield return Combine(row, null, rightDrives);
                    continue;
            }
            if (matches.Count == 0 && join.Kind != JoinKind.Inner)
            {
                yield return Combine(row, null, rightDrives);
                continue;
            }
            foreach (int i in matches)
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

    /// <summary>The positions (in ts order) of the other side's rows matching a driving row at <paramref name="ts"/>, at most JLIMIT.</summary>
    private List<int> Matches(long[] keys, long ts, object?[] row, List<object?[]> other, bool rightDrives)
    {
        long limit = join.JLimit ?? long.MaxValue;
        var found = new List<int>();
        foreach (int i in Candidates(keys, ts))
        {
            if (found.Count >= limit) break;
            if (pairCondition is null || pairCondition(Combine(row, other[i], rightDrives))) found.Add(i);
        }
        found.Sort();
        return found;
    }

    /// <summary>
    /// The other side's rows a driving row at <paramref name="ts"/> may match, nearest first: equal timestamps,
    /// those within the WINDOW offsets, or for ASOF those satisfying <c>ts op other.ts</c>, closest first.
    /// </summary>
    private IEnumerable<int> Candidates(long[] keys, long ts)
    {
        int from, to;
        if (join.Kind == JoinKind.Window)
        {
            (from, to) = (LowerBound(keys, SaturatingAdd(ts, join.WindowLow)), UpperBound(keys, SaturatingAdd(ts, join.WindowHigh)));
        }
        else if (join.Kind == JoinKind.Asof && join.AsofOp is BinaryOp.GreaterOrEqual or BinaryOp.Greater)
        {
            // other.ts <= ts (or < ts): the rows at or before it, latest first.
            int end = join.AsofOp == BinaryOp.Greater ? LowerBound(keys, ts) : UpperBound(keys, ts);
            for (int i = end - 1; i >= 0; i--) yield return i;
            yield break;
        }
        else if (join.Kind == JoinKind.Asof && join.AsofOp is BinaryOp.LessOrEqual or BinaryOp.Less)
        {
            (from, to) = (join.AsofOp == BinaryOp.Less ? UpperBound(keys, ts) : LowerBound(keys, ts), keys.Length);
        }
        else
        {
            (from, to) = (LowerBound(keys, ts), UpperBound(keys, ts));
        }
        for (int i = from; i < to; i++) yield return i;
    }

    private object?[] Combine(object?[] row, object?[]? match, bool rightDrives)
    {
        var values = new object?[join.LeftWidth + join.RightWidth];
        var (l, r) = rightDrives ? (match, row) : (row, match);
        if (l is not null) Array.Copy(l, 0, values, 0, join.LeftWidth);
        if (r is not null) Array.Copy(r, 0, values, join.LeftWidth, join.RightWidth);
        return values;
    }

    /// <summary>The rows with a join key (the timestamp, or <paramref name="key"/> of the row), sorted by it.</summary>
    private static List<(object?[] Row, long Key)> Keyed(IEnumerable<object?[]> rows, Func<object?[], long?>? key, int ts) =>
        rows.Select(r => (Row: r, Key: key is null ? r[ts] as long? : key(r)))
            .Where(k => k.Key is not null)
            .Select(k => (k.Row, Key: k.Key!.Value))
            .OrderBy(k => k.Key)
            .ToList();

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
