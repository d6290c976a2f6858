using Taos.Server.Engine.Binding;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Operators.Windows;

/// <summary>
/// Windows that need a group's rows together in ts order — SESSION, STATE, EVENT and COUNT windows, and INTERVAL
/// over rows not read from tables: keeps each group's rows, sorts them by ts, and cuts them into windows.
/// </summary>
internal sealed class BufferedWindowOperator(
    BatchOperator input, Partitioner partitioner, AggregateSet aggregates, WindowSegmenter segmenter, WindowOutput output, int rowWidth)
    : RowOperator
{
    public override IEnumerable<OutRow> Open()
    {
        var groups = GroupedRows.Collect(input, partitioner);
        if (groups.Count == 0 && partitioner.IsSingleGroup && output.Fill is FillMode.NullF or FillMode.ValueF)
        {
            groups.Add((GroupState.Empty([], new object?[rowWidth], null), []));
        }
        int gi = 0;
        foreach (var (state, rows) in partitioner.Select(groups))
        {
            foreach (var row in output.Emit(state, Windows(InTsOrder(rows)), gi)) yield return row;
            gi++;
        }
    }

    private List<WindowData> Windows(List<BufferedRow> sorted)
    {
        var segments = segmenter.Segments(sorted);
        if (segments is null) return [];
        var windows = new List<WindowData>(segments.Count);
        var ctx = new EvalContext();
        foreach (var (s, e, lo, hi) in segments)
        {
            var w = new WindowData { Start = s, End = e, Accs = aggregates.NewAccumulators(), Any = lo < hi };
            if (w.Any) w.SetFirst(sorted[lo].Ts, sorted[lo].Row, sorted[lo].Table);
            for (int i = lo; i < hi; i++)
            {
                ctx.SetRow(sorted[i].Row, sorted[i].Table);
                foreach (var acc in w.Accs) acc.Add(ctx, sorted[i].Ts);
            }
            windows.Add(w);
        }
        return windows;
    }

    /// <summary><paramref name="rows"/> itself when already in ts order (the usual case), else a stable sort by ts.</summary>
    public static List<BufferedRow> InTsOrder(List<BufferedRow> rows)
    {
        for (int i = 1; i < rows.Count; i++)
        {
            if (rows[i - 1].Ts > rows[i].Ts) return rows.OrderBy(r => r.Ts).ToList();
        }
        return rows;
    }
}
