using System.Diagnostics;
using Taos.Server.Engine.Operators;

namespace Taos.Server.Engine.Explain;

/// <summary>
/// EXPLAIN ANALYZE's measurements: every operator of the plan is run to its end on its own (its inputs with it), timing
/// its first and its last row and counting its rows (and, for scans, the batches read).
/// </summary>
internal static class OperatorMeter
{
    /// <summary>Measures every node of <paramref name="root"/>'s plan that has an operator.</summary>
    public static void MeasureAll(PlanNode root)
    {
        if (root.Operator is { } op) root.Measured = Measure(op);
        foreach (var child in root.Children) MeasureAll(child);
    }

    /// <summary>Runs <paramref name="op"/> (a row or batch operator) to its end.</summary>
    public static Measurement Measure(object op)
    {
        var clock = Stopwatch.StartNew();
        double first = -1;
        long rows = 0, batches = 0;
        if (op is RowOperator rowOperator)
        {
            foreach (var _ in rowOperator.Open())
            {
                if (rows++ == 0) first = clock.Elapsed.TotalMilliseconds;
            }
        }
        else if (op is BatchOperator batchOperator)
        {
            foreach (var batch in batchOperator.Open())
            {
                if (batches++ == 0) first = clock.Elapsed.TotalMilliseconds;
                rows += batch.Count;
            }
        }
        double total = clock.Elapsed.TotalMilliseconds;
        return new Measurement(first < 0 ? total : first, total, rows, batches);
    }
}
