using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators;

/// <summary>A plain projection: one output row per source row, produced while the source is read.</summary>
internal sealed class ProjectOperator(BatchOperator input, OutputProjector output) : RowOperator
{
    /// <summary>
    /// The same projection handing on typed vectors (<see cref="VectorProjectOperator"/>) when every select item is a
    /// bare column (<see cref="OutputProjector.BareColumns"/>); null otherwise. Only for an input of typed vectors (a table scan).
    /// </summary>
    public VectorProjectOperator? Vectorized() => output.BareColumns() is { } slots ? new VectorProjectOperator(input, slots) : null;

    public override IEnumerable<OutRow> Open()
    {
        var ctx = new EvalContext();
        foreach (var batch in input.Open())
        {
            for (int k = 0; k < batch.Length; k++)
            {
                batch.Position(ctx, batch.RowAt(k));
                if (output.TryEmit(ctx, 0, out var row)) yield return row;
            }
        }
    }
}
