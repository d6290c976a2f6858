using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// WHERE: narrows each batch's selection to the rows for which every AND term is true. A comparison of a bare
/// column with a constant runs on the typed vector; any other term is evaluated row by row.
/// </summary>
internal sealed class FilterOperator(BatchOperator input, IReadOnlyList<CExpr> terms) : BatchOperator
{
    public override IEnumerable<DataBatch> Open()
    {
        var ctx = new EvalContext();
        foreach (var batch in input.Open())
        {
            foreach (var term in terms)
            {
                if (batch.Length == 0) break;
                if (!VectorComparison.TryRetain(batch, term.Comparison))
                {
                    batch.Retain(row =>
                    {
                        batch.Position(ctx, row);
                        return Values.IsTrue(term.Eval(ctx));
                    });
                }
            }
            yield return batch;
        }
    }
}
