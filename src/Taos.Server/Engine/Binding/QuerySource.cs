using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Binding;

/// <summary>
/// The resolved FROM clause: nothing (one empty row; <see cref="Layout"/> null), the tables of a table scan (one
/// table, or a super table's children; <see cref="Catalog"/> set), or the rows of a subquery or system table.
/// </summary>
internal sealed record QuerySource(
    SourceLayout? Layout,
    TaosPrecision Precision,
    IReadOnlyList<TableInfo> Tables,
    ICatalogReader? Catalog,
    IEnumerable<object?[]>? SubqueryRows)
{
    public bool IsTableScan => Catalog is not null;
}
