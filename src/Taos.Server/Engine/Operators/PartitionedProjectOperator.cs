using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators;

/// <summary>A projection with PARTITION BY: the rows of each partition together, partitions in order of first appearance.</summary>
internal sealed class PartitionedProjectOperator(BatchOperator input, Partitioner partitioner, OutputProjector output) : RowOperator
{
    public override IEnumerable<OutRow> Open()
    {
        var groups = partitioner.NewTable();
        var lists = new List<List<OutRow>>();
        var ctx = new EvalContext();
        foreach (var batch in input.Open())
        {
            for (int k = 0; k < batch.Length; k++)
            {
                batch.Position(ctx, batch.RowAt(k));
                int g = groups.GroupOf(ctx, out bool isNew);
                if (isNew) lists.Add([]);
                lists[g].Add(output.Emit(ctx, g));
            }
        }
        return partitioner.Select(lists).SelectMany(l => l);
    }
}
