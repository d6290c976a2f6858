using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Operators.Windows;

namespace Taos.Server.Engine.Operators;

/// <summary>DIFF, CSUM, TOP… per partition (or over the whole merged timeline), each partition's rows in ts order.</summary>
internal sealed class MultiRowOperator(BatchOperator input, Partitioner partitioner, MultiRowFunction function, OutputProjector output) : RowOperator
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
            foreach (var (row, value) in function.Run(sorted))
            {
                outCtx.SetRow(sorted[row].Row, sorted[row].Table);
                outCtx.Aggs = [value];
                yield return output.Emit(outCtx, gi);
            }
            gi++;
        }
    }
}
