using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// Aggregation without a window: one output row per group (or one for all rows). When every row of a batch is in
/// the same group — no keys, or keys over tags only — the batch's typed vectors go to the accumulators whole.
/// With <paramref name="seedTableGroups"/> (GROUP BY over tags of a table scan), a table without rows still shows its group.
/// </summary>
internal sealed class HashAggregateOperator(
    BatchOperator input, Partitioner partitioner, AggregateSet aggregates, OutputProjector output, bool seedTableGroups, int rowWidth)
    : RowOperator
{
    public override IEnumerable<OutRow> Open()
    {
        var table = partitioner.NewTable();
        var groups = new List<GroupState>();
        var ctx = new EvalContext();
        long ordinal = 0;
        foreach (var batch in input.Open())
        {
            if (batch.Count == 0 && batch.Vectors is not null)
            {
                if (seedTableGroups) Seed(batch, table, groups, ctx);
                continue;
            }
            if (batch.Length == 0) continue;
            if (batch.Vectors is not null && partitioner.KeysPerTable)
            {
                var state = StateOf(batch, 0, table, groups, ctx);
                AggregateSet.AddRange(state.Accs, batch, 0, batch.Length, ctx);
                ordinal += batch.Length;
                continue;
            }
            for (int k = 0; k < batch.Length; k++)
            {
                var state = StateOf(batch, k, table, groups, ctx);
                long ts = batch.TsAt(batch.RowAt(k), ordinal++);
                foreach (var acc in state.Accs) acc.Add(ctx, ts);
            }
        }
        if (partitioner.IsSingleGroup && groups.Count == 0)
        {
            if (aggregates.OnlyLastRow) yield break;
            groups.Add(GroupState.Empty(aggregates.NewAccumulators(), new object?[rowWidth], null));
        }
        var outCtx = new EvalContext();
        int gi = 0;
        foreach (var state in partitioner.Select(groups))
        {
            aggregates.Prepare(outCtx, state.Accs, state.Row, state.Table);
            if (output.TryEmit(outCtx, gi, out var row))
            {
                gi++;
                yield return row;
            }
        }
    }

    /// <summary>The group of the <paramref name="k"/>-th selected row, leaving <paramref name="ctx"/> on it.</summary>
    private GroupState StateOf(DataBatch batch, int k, GroupTable table, List<GroupState> groups, EvalContext ctx)
    {
        int row = batch.RowAt(k);
        batch.Position(ctx, row);
        int g = table.GroupOf(ctx, out bool isNew);
        if (isNew) groups.Add(new GroupState { Accs = aggregates.NewAccumulators() });
        var state = groups[g];
        if (state.Wants(batch.TableIndex)) state.Take(batch.Materialize(row), batch.Table, batch.TableIndex);
        return state;
    }

    private void Seed(DataBatch batch, GroupTable table, List<GroupState> groups, EvalContext ctx)
    {
        var empty = new object?[rowWidth];
        ctx.SetRow(empty, batch.Table);
        table.GroupOf(ctx, out bool isNew);
        if (isNew) groups.Add(GroupState.Empty(aggregates.NewAccumulators(), empty, batch.Table));
    }
}
