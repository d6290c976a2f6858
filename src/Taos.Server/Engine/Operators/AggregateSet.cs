using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Operators.Aggregates;

namespace Taos.Server.Engine.Operators;

/// <summary>The aggregate calls of a query: fresh accumulators per group or window, and their results for output.</summary>
internal sealed class AggregateSet(IReadOnlyList<AggSpec> aggregates, int selectorAggregate)
{
    /// <summary>Only LAST_ROW calls (which yield no row at all over no rows).</summary>
    public bool OnlyLastRow => aggregates.Count > 0 && aggregates.All(a => a.Kind == AggKind.LastRow);

    /// <summary>Fresh accumulators for one group or window (run per window: a loop, not LINQ).</summary>
    public Accumulator[] NewAccumulators()
    {
        var accs = new Accumulator[aggregates.Count];
        for (int i = 0; i < accs.Length; i++) accs[i] = AccumulatorFactory.Create(aggregates[i]);
        return accs;
    }

    /// <summary>
    /// Positions <paramref name="ctx"/> for output over <paramref name="accs"/>: their results, and the row of the
    /// single selector when there is one, else <paramref name="row"/> of <paramref name="table"/>.
    /// </summary>
    public void Prepare(EvalContext ctx, Accumulator[] accs, object?[] row, Catalog.TableInfo? table)
    {
        ctx.SetRow(row, table);
        if (selectorAggregate >= 0 && accs[selectorAggregate].Selected is { } sel) ctx.SetRow(sel.Row, sel.Table);
        var results = new object?[accs.Length];
        for (int i = 0; i < accs.Length; i++) results[i] = accs[i].Result();
        ctx.Aggs = results;
    }

    /// <summary>Adds the selected rows <paramref name="from"/>..<paramref name="to"/> of a batch to <paramref name="accs"/>.</summary>
    public static void AddRange(Accumulator[] accs, DataBatch batch, int from, int to, EvalContext ctx)
    {
        foreach (var acc in accs) acc.AddBatch(batch, from, to, ctx);
    }
}
