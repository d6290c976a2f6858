using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Operators.Windows;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// DIFF, CSUM, TOP… per partition (or over the whole merged timeline), each partition's rows in ts order. Several
/// calls line up by position: output row i holds each call's i-th value (NULL past a call's end) and shows the
/// input row of the last call that has an i-th value, as TDengine 3.3.0.1 does.
/// </summary>
internal sealed class MultiRowOperator(BatchOperator input, Partitioner partitioner, IReadOnlyList<MultiRowFunction> functions, OutputProjector output)
    : RowOperator
{
    public override IEnumerable<OutRow> Open()
    {
        var table = partitioner.NewTable();
        var groups = new List<List<BufferedRow>>();
        var ctx = new EvalContext();
        long ordinal = 0;
        foreach (var batch in input.Open())
        {
            for (int k = 0; k < batch.Length; k++)
            {
                int row = batch.RowAt(k);
                batch.Position(ctx, row);
                int g = table.GroupOf(ctx, out bool isNew);
                if (isNew) groups.Add([]);
                groups[g].Add(new BufferedRow(batch.TsAt(row, ordinal++), batch.Materialize(row), batch.Table));
            }
        }
        var outCtx = new EvalContext();
        int gi = 0;
        foreach (var rows in partitioner.Select(groups))
        {
            var sorted = BufferedWindowOperator.InTsOrder(rows);
            var results = functions.Select(f => f.Run(sorted)).ToList();
            int count = results.Max(r => r.Count);
            for (int i = 0; i < count; i++)
            {
                var values = new object?[results.Count];
                int row = -1;
                for (int f = 0; f < results.Count; f++)
                {
                    if (i >= results[f].Count) continue;
                    values[f] = results[f][i].Value;
                    row = results[f][i].Row;
                }
                outCtx.SetRow(sorted[row].Row, sorted[row].Table);
                outCtx.Aggs = values;
                yield return output.Emit(outCtx, gi);
            }
            gi++;
        }
    }
}
