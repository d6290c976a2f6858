using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Windows;

/// <summary>EVENT_WINDOW: from a row meeting the start condition to the next row meeting the end condition.</summary>
internal sealed class EventSegmenter(CExpr start, CExpr end) : WindowSegmenter
{
    public override List<WindowSegment>? Segments(List<BufferedRow> sorted)
    {
        var result = new List<WindowSegment>();
        var ctx = new EvalContext();
        int open = -1;
        for (int i = 0; i < sorted.Count; i++)
        {
            ctx.SetRow(sorted[i].Row, sorted[i].Table);
            if (open < 0 && Values.IsTrue(start.Eval(ctx))) open = i;
            if (open >= 0 && Values.IsTrue(end.Eval(ctx)))
            {
                AddRun(result, sorted, open, i + 1);
                open = -1;
            }
        }
        return result;
    }
}
