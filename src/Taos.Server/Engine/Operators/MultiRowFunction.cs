using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators;

/// <summary>Computes one multi-row call (<see cref="MultiRowSpec"/>) over the rows of one group in ts order.</summary>
internal sealed class MultiRowFunction(MultiRowSpec spec)
{
    /// <summary>Output values with the index of the input row each belongs to, in output order.</summary>
    public List<(int Row, object? Value)> Run(List<BufferedRow> rows)
    {
        var ctx = new EvalContext();
        var values = new List<(int Row, object Value)>(rows.Count);
        var nullRows = new List<int>();
        for (int i = 0; i < rows.Count; i++)
        {
            ctx.SetRow(rows[i].Row, rows[i].Table);
            if (spec.Arg.Eval(ctx) is { } v) values.Add((i, v));
            else nullRows.Add(i);
        }
        return spec.Kind switch
        {
            MultiRowKind.Diff => Diff(values, nullRows),
            MultiRowKind.Csum => Csum(values),
            MultiRowKind.Mavg => Mavg(values),
            MultiRowKind.Top or MultiRowKind.Bottom => Pick(values),
            MultiRowKind.Tail => Tail(rows, ctx),
            MultiRowKind.Derivative => Derivative(values, rows),
            MultiRowKind.StateCount or MultiRowKind.StateDuration => State(rows, ctx),
            MultiRowKind.Histogram => Histogram(values),
            _ => Unique(values),
        };
    }

    /// <summary>
    /// DIFF: each value minus the previous non-NULL one. A NULL after the first value gives a NULL row (TDengine
    /// 3.3.0.1), and the next value is taken from the last non-NULL one.
    /// </summary>
    private List<(int, object?)> Diff(List<(int Row, object Value)> values, List<int> nullRows)
    {
        var result = new List<(int Row, object?)>();
        for (int i = 1; i < values.Count; i++)
        {
            object d = Subtract(values[i].Value, values[i - 1].Value);
            if (spec.IgnoreNegative && Values.ToDouble(d) < 0) continue;
            result.Add((values[i].Row, d));
        }
        if (values.Count == 0 || spec.IgnoreNegative) return result;
        int first = values[0].Row;
        result.AddRange(nullRows.Where(r => r > first).Select(r => (r, (object?)null)));
        result.Sort((a, b) => a.Row.CompareTo(b.Row));
        return result;
    }

    /// <summary>DERIVATIVE: (value − previous value) per unit of time between their rows; NULLs skipped.</summary>
    private List<(int, object?)> Derivative(List<(int Row, object Value)> values, List<BufferedRow> rows)
    {
        var result = new List<(int, object?)>();
        for (int i = 1; i < values.Count; i++)
        {
            long dt = rows[values[i].Row].Ts - rows[values[i - 1].Row].Ts;
            if (dt == 0) continue;
            double rate = (Values.ToDouble(values[i].Value) - Values.ToDouble(values[i - 1].Value)) * spec.UnitTicks / dt;
            if (spec.IgnoreNegative && rate < 0) continue;
            result.Add((values[i].Row, rate));
        }
        return result;
    }

    /// <summary>
    /// STATECOUNT/STATEDURATION: per row, −1 when the value fails the state's comparison, else the rows (or the time
    /// in units) since the run of passing rows began; NULL for a NULL value, which neither ends nor extends a run.
    /// </summary>
    private List<(int, object?)> State(List<BufferedRow> rows, EvalContext ctx)
    {
        var result = new List<(int, object?)>(rows.Count);
        long count = 0, start = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            ctx.SetRow(rows[i].Row, rows[i].Table);
            if (spec.Arg.Eval(ctx) is not { } v)
            {
                result.Add((i, null));
                continue;
            }
            if (!Passes(Values.ToDouble(v)))
            {
                count = 0;
                result.Add((i, -1L));
                continue;
            }
            if (count++ == 0) start = rows[i].Ts;
            result.Add((i, spec.Kind == MultiRowKind.StateCount ? count : (rows[i].Ts - start) / spec.UnitTicks));
        }
        return result;
    }

    private bool Passes(double v) => spec.StateOp switch
    {
        Sql.Ast.BinaryOp.Less => v < spec.StateValue,
        Sql.Ast.BinaryOp.Greater => v > spec.StateValue,
        Sql.Ast.BinaryOp.LessOrEqual => v <= spec.StateValue,
        Sql.Ast.BinaryOp.GreaterOrEqual => v >= spec.StateValue,
        Sql.Ast.BinaryOp.NotEqual => v != spec.StateValue,
        _ => v == spec.StateValue,
    };

    private List<(int, object?)> Csum(List<(int Row, object Value)> values)
    {
        var result = new List<(int, object?)>();
        object? sum = null;
        foreach (var (row, v) in values)
        {
            sum = sum is null ? Widen(v) : Add(sum, v);
            result.Add((row, sum));
        }
        return result;
    }

    private List<(int, object?)> Mavg(List<(int Row, object Value)> values)
    {
        var result = new List<(int, object?)>();
        long k = spec.K;
        double window = 0;
        for (int i = 0; i < values.Count; i++)
        {
            window += Values.ToDouble(values[i].Value);
            if (i >= k) window -= Values.ToDouble(values[i - (int)k].Value);
            if (i >= k - 1) result.Add((values[i].Row, window / k));
        }
        return result;
    }

    /// <summary>TOP/BOTTOM: the K largest/smallest values (ties: the earlier row), reported in row order.</summary>
    private List<(int, object?)> Pick(List<(int Row, object Value)> values)
    {
        int sign = spec.Kind == MultiRowKind.Top ? -1 : 1;
        return values.Select((x, i) => (x.Row, x.Value, I: i))
            .OrderBy(x => x, Comparer<(int Row, object Value, int I)>.Create((a, b) =>
            {
                int c = Values.Compare(a.Value, b.Value) * sign;
                return c != 0 ? c : a.I.CompareTo(b.I);
            }))
            .Take((int)spec.K)
            .OrderBy(x => x.Row)
            .Select(x => (x.Row, (object?)x.Value))
            .ToList();
    }

    private List<(int, object?)> Tail(List<BufferedRow> rows, EvalContext ctx)
    {
        var result = new List<(int, object?)>();
        int end = Math.Max(0, rows.Count - (int)spec.Offset);
        int start = Math.Max(0, end - (int)spec.K);
        for (int i = start; i < end; i++)
        {
            ctx.SetRow(rows[i].Row, rows[i].Table);
            result.Add((i, spec.Arg.Eval(ctx)));
        }
        return result;
    }

    /// <summary>HISTOGRAM: one row per bin (all tied to the group's first row); a value counts in the bin (lower, upper].</summary>
    private List<(int, object?)> Histogram(List<(int Row, object Value)> values)
    {
        var edges = spec.BinEdges;
        var counts = new long[edges.Count - 1];
        foreach (var (_, v) in values)
        {
            double d = Values.ToDouble(v);
            for (int k = 0; k < counts.Length; k++)
            {
                if (d > edges[k] && d <= edges[k + 1])
                {
                    counts[k]++;
                    break;
                }
            }
        }
        long binned = counts.Sum();
        return counts.Select((n, k) => (0, (object?)Functions.HistogramBins.Text(edges[k], edges[k + 1], n,
            spec.Normalized ? (binned == 0 ? 0 : (double)n / binned) : null))).ToList();
    }

    private static List<(int, object?)> Unique(List<(int Row, object Value)> values)
    {
        var result = new List<(int, object?)>();
        var seen = new HashSet<string>();
        foreach (var (row, v) in values)
        {
            if (seen.Add(Values.KeyOf(v))) result.Add((row, v));
        }
        return result;
    }

    private object Widen(object v) => spec.Type switch
    {
        TaosDataType.Double => (object)Values.ToDouble(v),
        TaosDataType.UBigInt => v is ulong u ? u : (ulong)Values.ToLong(v),
        _ => Values.ToLong(v),
    };

    private object Add(object sum, object v) => spec.Type switch
    {
        TaosDataType.Double => (object)((double)sum + Values.ToDouble(v)),
        TaosDataType.UBigInt => unchecked((ulong)sum + (v is ulong u ? u : (ulong)Values.ToLong(v))),
        _ => unchecked((long)sum + Values.ToLong(v)),
    };

    private object Subtract(object cur, object prev) => spec.Type switch
    {
        TaosDataType.Double => (object)(Values.ToDouble(cur) - Values.ToDouble(prev)),
        _ => unchecked(Values.ToLong(cur) - Values.ToLong(prev)),
    };
}
