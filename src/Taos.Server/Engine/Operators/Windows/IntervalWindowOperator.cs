using Taos.Server.Engine.Binding;
using Taos.Server.Sql.Ast;
using Taos.Server.Engine.Time;

namespace Taos.Server.Engine.Operators.Windows;

/// <summary>
/// INTERVAL over a table scan, aggregating while scanning: each row goes straight into the windows holding it,
/// so no row is kept. For tumbling windows a run of a batch's rows inside one window goes to the accumulators as
/// a range of typed vectors.
/// </summary>
internal sealed class IntervalWindowOperator(
    BatchOperator input, Partitioner partitioner, AggregateSet aggregates, WindowSpec spec, TimeRange range, WindowOutput output, int rowWidth)
    : RowOperator
{
    /// <summary>One group's windows by start, and the window the last run went into (rows mostly come in ts order).</summary>
    private sealed class Group(GroupState state, SortedDictionary<long, WindowData> windows)
    {
        public GroupState State { get; } = state;
        public SortedDictionary<long, WindowData> Windows { get; } = windows;
        public WindowData? Last { get; set; }
    }

    public override IEnumerable<OutRow> Open()
    {
        var table = partitioner.NewTable();
        var groups = new List<Group>();
        var ctx = new EvalContext();
        long ordinal = 0;
        foreach (var batch in input.Open())
        {
            if (batch.Length == 0) continue;
            if (batch.Vectors is not null && partitioner.KeysPerTable && spec.IsTumbling)
            {
                AddRuns(batch, GroupOf(batch, 0, table, groups, ctx), ctx);
                ordinal += batch.Length;
                continue;
            }
            for (int k = 0; k < batch.Length; k++)
            {
                var group = GroupOf(batch, k, table, groups, ctx);
                AddRow(batch, batch.RowAt(k), batch.TsAt(batch.RowAt(k), ordinal++), group.Windows, ctx);
            }
        }
        if (groups.Count == 0 && partitioner.IsSingleGroup && output.Fill is FillMode.NullF or FillMode.ValueF)
        {
            groups.Add(new Group(GroupState.Empty([], new object?[rowWidth], null), []));
        }
        int gi = 0;
        foreach (var group in partitioner.Select(groups))
        {
            foreach (var row in output.Emit(group.State, WindowsOf(group.Windows), gi)) yield return row;
            gi++;
        }
    }

    private List<WindowData> WindowsOf(SortedDictionary<long, WindowData> windows)
    {
        if (output.Fill == FillMode.None) return windows.Values.Where(w => w.Any).ToList();
        var list = new List<WindowData>();
        foreach (long s in WindowStarts.Covering(spec, range))
        {
            list.Add(windows.TryGetValue(s, out var w) ? w : NewWindow(s));
        }
        return list;
    }

    private WindowData NewWindow(long start) => new() { Start = start, End = spec.End(start), Accs = aggregates.NewAccumulators() };

    /// <summary>The group of the <paramref name="k"/>-th selected row, leaving <paramref name="ctx"/> on it.</summary>
    private Group GroupOf(DataBatch batch, int k, GroupTable table, List<Group> groups, EvalContext ctx)
    {
        int row = batch.RowAt(k);
        batch.Position(ctx, row);
        int g = table.GroupOf(ctx, out bool isNew);
        if (isNew) groups.Add(new Group(new GroupState(), []));
        var state = groups[g].State;
        if (state.Wants(batch.TableIndex)) state.Take(batch.Materialize(row), batch.Table, batch.TableIndex);
        return groups[g];
    }

    private void AddRow(DataBatch batch, int row, long ts, SortedDictionary<long, WindowData> windows, EvalContext ctx)
    {
        batch.Position(ctx, row);
        for (long s = spec.FirstStartHolding(ts); s <= ts; s = spec.Next(s))
        {
            if (!windows.TryGetValue(s, out var w))
            {
                w = NewWindow(s);
                windows[s] = w;
            }
            if (ts >= w.End) continue;
            foreach (var acc in w.Accs) acc.Add(ctx, ts);
            if (w.IsEarlier(ts)) w.SetFirst(ts, ctx.CurrentRow(), ctx.Table);
            w.Any = true;
        }
    }

    /// <summary>Tumbling windows: each run of selected rows inside one window is added as a range.</summary>
    private void AddRuns(DataBatch batch, Group group, EvalContext ctx)
    {
        int k = 0;
        while (k < batch.Length)
        {
            long ts = batch.TsAt(batch.RowAt(k), 0);
            var w = group.Last is { } last && ts >= last.Start && ts < last.End ? last : WindowHolding(group, ts);
            group.Last = w;
            int first = batch.RowAt(k);
            long firstTs = ts;
            int j = k + 1;
            for (; j < batch.Length; j++)
            {
                long t = batch.TsAt(batch.RowAt(j), 0);
                if (t < w.Start || t >= w.End) break;
                if (t < firstTs)
                {
                    firstTs = t;
                    first = batch.RowAt(j);
                }
            }
            AggregateSet.AddRange(w.Accs, batch, k, j, ctx);
            if (w.IsEarlier(firstTs)) w.SetFirst(firstTs, batch.Materialize(first), batch.Table);
            w.Any = true;
            k = j;
        }
    }

    /// <summary>The (tumbling) window holding <paramref name="ts"/>, created when new.</summary>
    private WindowData WindowHolding(Group group, long ts)
    {
        long start = spec.FirstStartHolding(ts);
        if (!group.Windows.TryGetValue(start, out var w))
        {
            w = NewWindow(start);
            group.Windows[start] = w;
        }
        return w;
    }
}
