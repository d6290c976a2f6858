using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Windows;

/// <summary>
/// STATE_WINDOW: runs of equal state values. Rows with a NULL state belong to no window: they are dropped from
/// the group's rows, and a run continues across them.
/// </summary>
internal sealed class StateSegmenter(CExpr state) : WindowSegmenter
{
    public override List<WindowSegment>? Segments(List<BufferedRow> sorted)
    {
        var result = new List<WindowSegment>();
        var ctx = new EvalContext();
        sorted.RemoveAll(r =>
        {
            ctx.SetRow(r.Row, r.Table);
            return state.Eval(ctx) is null;
        });
        int start = -1, lastKnown = -1;
        object? current = null;
        for (int i = 0; i < sorted.Count; i++)
        {
            ctx.SetRow(sorted[i].Row, sorted[i].Table);
            var v = state.Eval(ctx)!;
            if (start < 0)
            {
                start = i;
                current = v;
            }
            else if (Values.Compare(v, current!) != 0)
            {
                AddRun(result, sorted, start, lastKnown + 1);
                start = i;
                current = v;
            }
            lastKnown = i;
        }
        if (start >= 0) AddRun(result, sorted, start, lastKnown + 1);
        return result;
    }
}
