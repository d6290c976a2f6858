using Taos.Server.Engine.Binding;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Operators.Windows;

/// <summary>
/// Turns the windows of one group into output rows: evaluates the select list per window (against the window's
/// earliest row, or the single selector's row), then applies FILL to the windows without rows.
/// </summary>
internal sealed class WindowOutput(
    OutputProjector output, AggregateSet aggregates, FillMode fill, bool[] fillable, object?[]? fillValues,
    IReadOnlyList<CExpr> items, TaosPrecision precision, TimeZoneInfo zone)
{
    public FillMode Fill => fill;

    public IEnumerable<OutRow> Emit(GroupState state, List<WindowData> windows, int group)
    {
        var ctx = new EvalContext();
        var outputs = new List<WindowRow>(windows.Count);
        foreach (var w in windows)
        {
            aggregates.Prepare(ctx, w.Accs, w.Any ? w.FirstRow : state.Row, w.Any ? w.FirstTable : state.Table);
            ctx.WStart = w.Start;
            ctx.WEnd = w.End;
            ctx.WDuration = w.End - w.Start;
            if (!output.Passes(ctx)) continue;
            var values = output.ItemValues(ctx);
            if (!w.Any && fill != FillMode.None)
            {
                // A window without rows has no aggregate values at all (not COUNT 0): every fill mode starts from NULL.
                for (int i = 0; i < values.Length; i++) if (fillable[i]) values[i] = null;
            }
            outputs.Add(new WindowRow(values, output.OrderKeys(ctx), !w.Any, w.Start));
        }
        new WindowFill(fill, fillable, fillValues, items, precision, zone).Apply(outputs);
        return outputs.Select(o => new OutRow(o.Values, o.Keys, group));
    }
}
