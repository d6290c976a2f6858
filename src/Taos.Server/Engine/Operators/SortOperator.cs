using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// ORDER BY: a stable sort; with a LIMIT only the first <paramref name="keep"/> (offset + count) rows are kept
/// while reading, in a bounded heap (top-N).
/// </summary>
internal sealed class SortOperator(RowOperator input, IReadOnlyList<OrderKey> order, long keep) : RowOperator
{
    public override IEnumerable<OutRow> Open()
    {
        Comparison<(OutRow Row, long Seq)> cmp = (a, b) =>
        {
            int c = CompareRows(a.Row, b.Row);
            return c != 0 ? c : a.Seq.CompareTo(b.Seq);
        };
        return keep < 100_000 ? TopN(cmp) : SortAll(cmp);
    }

    private IEnumerable<OutRow> TopN(Comparison<(OutRow Row, long Seq)> cmp)
    {
        if (keep <= 0) return [];
        // Max-heap of the best `keep` rows: the root is the worst kept row.
        var heap = new PriorityQueue<(OutRow Row, long Seq), (OutRow Row, long Seq)>(Comparer<(OutRow Row, long Seq)>.Create((a, b) => cmp(b, a)));
        long seq = 0;
        foreach (var r in input.Open())
        {
            var e = (r, seq++);
            if (heap.Count < keep)
            {
                heap.Enqueue(e, e);
            }
            else if (cmp(e, heap.Peek()) < 0)
            {
                heap.EnqueueDequeue(e, e);
            }
        }
        var list = new List<(OutRow Row, long Seq)>(heap.Count);
        while (heap.Count > 0) list.Add(heap.Dequeue());
        list.Reverse();
        return list.Select(x => x.Row);
    }

    private IEnumerable<OutRow> SortAll(Comparison<(OutRow Row, long Seq)> cmp)
    {
        var list = input.Open().Select((r, i) => (r, (long)i)).ToList();
        bool sorted = true;
        for (int i = 1; i < list.Count && sorted; i++)
        {
            if (cmp(list[i - 1], list[i]) > 0) sorted = false;
        }
        if (!sorted) list.Sort(cmp);
        return list.Select(x => x.Item1);
    }

    private int CompareRows(OutRow a, OutRow b)
    {
        for (int i = 0; i < order.Count; i++)
        {
            var (item, _, desc, nullsFirst) = order[i];
            object? x = item >= 0 ? a.Values[item] : a.Keys![i];
            object? y = item >= 0 ? b.Values[item] : b.Keys![i];
            if (x is null || y is null)
            {
                if (x is null && y is null) continue;
                return x is null ? (nullsFirst ? -1 : 1) : (nullsFirst ? 1 : -1);
            }
            int c = Values.Compare(x, y);
            if (c != 0) return desc ? -c : c;
        }
        return 0;
    }
}
