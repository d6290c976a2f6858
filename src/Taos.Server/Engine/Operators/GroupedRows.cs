namespace Taos.Server.Engine.Operators;

/// <summary>
/// Reads all rows of an input and keeps them per PARTITION BY group (numbered in order of first appearance), for the
/// operators that need a group's rows together: buffered windows and INTERP.
/// </summary>
internal static class GroupedRows
{
    /// <summary>Each group's representative row (its first) and its rows, in the order they were read.</summary>
    public static List<(GroupState State, List<BufferedRow> Rows)> Collect(BatchOperator input, Partitioner partitioner)
    {
        var table = partitioner.NewTable();
        var groups = new List<(GroupState State, List<BufferedRow> Rows)>();
        var ctx = new Binding.EvalContext();
        foreach (var batch in input.Open())
        {
            for (int k = 0; k < batch.Length; k++)
            {
                int row = batch.RowAt(k);
                batch.Position(ctx, row);
                int g = table.GroupOf(ctx, out bool isNew);
                var values = batch.Materialize(row);
                if (isNew)
                {
                    var state = new GroupState();
                    state.Take(values, batch.Table, batch.TableIndex);
                    groups.Add((state, []));
                }
                var rows = groups[g].Rows;
                rows.Add(new BufferedRow(batch.TsAt(row, rows.Count), values, batch.Table));
            }
        }
        return groups;
    }
}
