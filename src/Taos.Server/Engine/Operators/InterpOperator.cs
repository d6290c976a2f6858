using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Operators.Windows;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// INTERP: per group, one output row per point of RANGE/EVERY. A point with a row at its instant shows that row's
/// values (<c>_isfilled</c> false); any other is filled from the rows right before and after it — whatever their
/// values, NULL included — or skipped when the fill mode needs a row that is not there (PREV before the first
/// row, NEXT after the last, LINEAR outside the rows).
/// </summary>
internal sealed class InterpOperator(
    BatchOperator input, Partitioner partitioner, BoundInterp interp, OutputProjector output, TaosPrecision precision, TimeZoneInfo zone)
    : RowOperator
{
    public override IEnumerable<OutRow> Open()
    {
        int group = 0;
        foreach (var (state, rows) in partitioner.Select(GroupedRows.Collect(input, partitioner)))
        {
            foreach (var row in Points(state, BufferedWindowOperator.InTsOrder(rows), group)) yield return row;
            group++;
        }
    }

    private IEnumerable<OutRow> Points(GroupState state, List<BufferedRow> rows, int group)
    {
        var ctx = new EvalContext();
        int next = 0;
        for (long t = interp.Start; t <= interp.End; t += interp.Every)
        {
            while (next < rows.Count && rows[next].Ts < t) next++;
            bool exact = next < rows.Count && rows[next].Ts == t;
            var values = exact ? ArgValues(rows[next], ctx) : Filled(rows, next, t, ctx);
            if (values is not null)
            {
                ctx.SetRow(state.Row, state.Table);
                ctx.Aggs = values;
                ctx.WStart = t;
                ctx.IsFilled = !exact;
                yield return output.Emit(ctx, group);
            }
            if (t > long.MaxValue - interp.Every) yield break;
        }
    }

    /// <summary>The values at <paramref name="t"/>, which falls after row <paramref name="next"/> − 1 and before row <paramref name="next"/>; null to skip it.</summary>
    private object?[]? Filled(List<BufferedRow> rows, int next, long t, EvalContext ctx)
    {
        bool hasPrev = next > 0, hasNext = next < rows.Count;
        switch (interp.Fill)
        {
            case FillMode.Prev:
                return hasPrev ? ArgValues(rows[next - 1], ctx) : null;
            case FillMode.Next:
                return hasNext ? ArgValues(rows[next], ctx) : null;
            case FillMode.Linear:
                return hasPrev && hasNext ? Linear(rows[next - 1], rows[next], t, ctx) : null;
            case FillMode.Value:
            case FillMode.ValueF:
                return (object?[])interp.FillValues!.Clone();
            default:
                return new object?[interp.Args.Count];
        }
    }

    private object?[] Linear(BufferedRow before, BufferedRow after, long t, EvalContext ctx)
    {
        var y0 = ArgValues(before, ctx);
        var y1 = ArgValues(after, ctx);
        var values = new object?[y0.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (y0[i] is not { } a || y1[i] is not { } b || !Values.IsNumeric(a) || !Values.IsNumeric(b)) continue;
            double v0 = Values.ToDouble(a), v1 = Values.ToDouble(b);
            double y = v0 + (v1 - v0) * (t - before.Ts) / (after.Ts - before.Ts);
            values[i] = Values.Convert(y, interp.Args[i].Type, precision, zone);
        }
        return values;
    }

    private object?[] ArgValues(BufferedRow row, EvalContext ctx)
    {
        ctx.SetRow(row.Row, row.Table);
        var values = new object?[interp.Args.Count];
        for (int i = 0; i < values.Length; i++) values[i] = interp.Args[i].Eval(ctx);
        return values;
    }
}
