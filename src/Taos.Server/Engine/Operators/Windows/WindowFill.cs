using Taos.Server.Engine.Binding;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Operators.Windows;

/// <summary>FILL over one group's windows: the NULL aggregate values of windows without rows get values.</summary>
internal sealed class WindowFill(
    FillMode fill, bool[] fillable, object?[]? fillValues, IReadOnlyList<CExpr> items, TaosPrecision precision, TimeZoneInfo zone)
{
    public void Apply(List<WindowRow> outputs)
    {
        switch (fill)
        {
            case FillMode.Value:
            case FillMode.ValueF:
                foreach (var o in outputs)
                {
                    for (int i = 0; i < fillable.Length; i++)
                    {
                        if (fillable[i] && o.Values[i] is null) o.Values[i] = fillValues![i];
                    }
                }
                break;
            case FillMode.Prev:
                for (int i = 0; i < fillable.Length; i++)
                {
                    if (fillable[i]) FillPrevious(outputs, i);
                }
                break;
            case FillMode.Next:
                for (int i = 0; i < fillable.Length; i++)
                {
                    if (fillable[i]) FillNext(outputs, i);
                }
                break;
            case FillMode.Linear:
                for (int i = 0; i < fillable.Length; i++)
                {
                    if (fillable[i] && Protocol.TaosTypes.IsNumeric(items[i].Type)) FillLinear(outputs, i);
                }
                break;
        }
    }

    private static void FillPrevious(List<WindowRow> outputs, int i)
    {
        object? prev = null;
        foreach (var o in outputs)
        {
            if (o.Values[i] is null) o.Values[i] = prev;
            else prev = o.Values[i];
        }
    }

    private static void FillNext(List<WindowRow> outputs, int i)
    {
        object? next = null;
        for (int k = outputs.Count - 1; k >= 0; k--)
        {
            var o = outputs[k];
            if (o.Values[i] is null) o.Values[i] = next;
            else next = o.Values[i];
        }
    }

    private void FillLinear(List<WindowRow> outputs, int i)
    {
        for (int k = 0; k < outputs.Count; k++)
        {
            if (!outputs[k].Empty || outputs[k].Values[i] is not null) continue;
            // Between the nearest windows with rows on either side; when either's value is NULL there is no line.
            int before = k - 1;
            while (before >= 0 && outputs[before].Empty) before--;
            int after = k + 1;
            while (after < outputs.Count && outputs[after].Empty) after++;
            if (before < 0 || after >= outputs.Count || outputs[before].Values[i] is null || outputs[after].Values[i] is null) continue;
            double y0 = Values.ToDouble(outputs[before].Values[i]!), y1 = Values.ToDouble(outputs[after].Values[i]!);
            double x0 = outputs[before].Start, x1 = outputs[after].Start, x = outputs[k].Start;
            double y = y0 + (y1 - y0) * (x - x0) / (x1 - x0);
            outputs[k].Values[i] = Values.Convert(y, items[i].Type, precision, zone);
        }
    }
}
