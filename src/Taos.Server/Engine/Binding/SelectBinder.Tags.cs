using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary><c>SELECT TAGS</c>: when it reads the tables' tags alone (TDengine's tag scan).</summary>
internal sealed partial class SelectBinder
{
    /// <summary>
    /// TDengine plans a TAGS query as a tag scan — one row per table, from the catalog — when it names tags or
    /// <c>tbname</c> and no column [src planLogicCreater.c getScanType: tag scan with no scan columns and some
    /// pseudo-columns]. A TAGS query naming a column, the timestamp (<c>count(*)</c>, a window, a pseudo-column such
    /// as <c>_rowts</c>) reads the rows as a query without TAGS does (tsim/query/tag_scan.sim:
    /// <c>select tags t,b,f from stt1</c> answers one row per data row).
    /// </summary>
    private bool ScansTagsOnly(List<AggSpec> aggregates, bool multiRow, bool interp)
    {
        if (!_select.TagsMode || !_source.IsTableScan || _select.Window is not null || multiRow || interp
            || aggregates.Any(a => a.Kind == AggKind.CountStar))
        {
            return false;
        }
        var exprs = ClauseExprs().ToList();
        return ScanColumns(readsTimestamp: false).Count == 0 && !exprs.Any(NamesPseudoColumn) && exprs.Any(NamesTagOrTableName);
    }

    private bool NamesTagOrTableName(Expr e) =>
        (e is ColumnExpr c && Layout!.Find(c.Name, c.Qualifier) is { Kind: SlotKind.Tag or SlotKind.TableName })
        || Children(e).Any(NamesTagOrTableName);
}
