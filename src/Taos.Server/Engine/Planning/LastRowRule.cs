using Taos.Server.Engine.Binding;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Planning;

/// <summary>
/// When a query over tables asks only for LAST_ROW and LAST (of bare columns for LAST), filtered by nothing but
/// tags, tbname and comparisons of ts with constants, grouped (if at all) by tags and tbname, without a window: each
/// table's answer is decided by its last row and, per LAST column, its last row where that column is not NULL. The
/// planner then reads just those rows (<see cref="Operators.LastRowScanOperator"/>), an index seek per table
/// instead of a scan.
/// </summary>
internal static class LastRowRule
{
    /// <summary>
    /// The schema columns whose last non-NULL row the query needs when the rule applies to <paramref name="bound"/>
    /// (empty for LAST_ROW alone), or null when the query must scan.
    /// </summary>
    public static IReadOnlyList<int>? NonNullColumns(BoundSelect bound)
    {
        if (!bound.Source.IsTableScan || bound.Source.SubqueryRows is not null || bound.ScansTagsOnly
            || !bound.IsAggregate || bound.Window is not null || bound.Interp is not null || bound.MultiRows.Count > 0
            || bound.Aggregates.Count == 0 || bound.Keys.Any(k => k.UsesColumns)
            || RowTerms(bound).Any(t => !ComparesTs(t, bound)) || !ReadsOnlyDecidingRows(bound))
        {
            return null;
        }
        var columns = new List<int>();
        foreach (var aggregate in bound.Aggregates)
        {
            switch (aggregate.Kind)
            {
                case AggKind.LastRow:
                    break;
                case AggKind.Last when aggregate.Arg?.Slot is { Kind: SlotKind.Column } slot:
                    if (slot.Index > 0 && !columns.Contains(slot.Index)) columns.Add(slot.Index);
                    break;
                default:
                    return null;
            }
        }
        return columns;
    }

    /// <summary>The WHERE terms over rows rather than tags: under this rule, comparisons of ts with constants.</summary>
    public static IReadOnlyList<CExpr> RowTerms(BoundSelect bound) => [.. bound.WhereTerms.Where(t => !bound.TagFilters.Contains(t))];

    /// <summary><c>ts op constant</c>: the scan's range holds it (or a little more, which the operator checks).</summary>
    private static bool ComparesTs(CExpr term, BoundSelect bound) =>
        term.Comparison is { Op: BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual or BinaryOp.Equal } comparison
        && comparison.Column == bound.Source.Layout?.TsIndex;

    /// <summary>
    /// Outside the aggregates the output reads rows only through a single selector's row (which is among the rows
    /// read); without one, plain columns would show a group's first row, which a seek does not read.
    /// </summary>
    private static bool ReadsOnlyDecidingRows(BoundSelect bound) =>
        bound.SelectorAggregate >= 0
        || (bound.Items.All(i => !i.UsesColumns) && bound.Having?.UsesColumns != true
            && bound.Order.All(o => o.Expr?.UsesColumns != true));
}
