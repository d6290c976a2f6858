using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Operators;

/// <summary>The WHERE terms that read only tags and tbname, tested once per table before it is scanned.</summary>
internal sealed class TableFilter(IReadOnlyList<CExpr> terms, int rowWidth)
{
    /// <summary>Whether <paramref name="table"/> can hold rows passing WHERE.</summary>
    public bool Passes(TableInfo table)
    {
        if (terms.Count == 0) return true;
        var ctx = new EvalContext();
        ctx.SetRow(new object?[rowWidth], table);
        foreach (var term in terms)
        {
            if (!Values.IsTrue(term.Eval(ctx))) return false;
        }
        return true;
    }
}
