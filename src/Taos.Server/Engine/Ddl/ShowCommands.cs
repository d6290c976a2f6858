using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Text;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Ddl;

/// <summary>SHOW [NORMAL | CHILD] TABLES and SHOW STABLES, each with an optional LIKE pattern.</summary>
internal sealed class ShowCommands(ICatalogReader catalog)
{
    public RowSetResult ShowTables(ShowTablesStatement s, SqlSession session) =>
        ShowTableNames(s.Database, s.LikePattern, session, "table_name", t => s.Kind switch
        {
            ShowTablesKind.Normal => t.Kind == TableKind.Normal,
            ShowTablesKind.Child => t.Kind == TableKind.Child,
            _ => t.Kind != TableKind.Super,
        });

    public RowSetResult ShowStables(ShowStablesStatement s, SqlSession session) =>
        ShowTableNames(s.Database, s.LikePattern, session, "stable_name", t => t.Kind == TableKind.Super);

    /// <summary>The names of the tables of a database that are of the kind asked for and match the LIKE pattern.</summary>
    private RowSetResult ShowTableNames(string? explicitDb, string? likePattern, SqlSession session, string columnName, Func<TableInfo, bool> ofKind)
    {
        var db = CatalogResolver.RequireDatabase(catalog, explicitDb, session);
        var like = likePattern is null ? null : new LikePattern(likePattern);
        var rows = catalog.Tables(db.Name)
            .Where(t => ofKind(t) && (like is null || like.IsMatch(t.Name)))
            .Select(t => new object?[] { t.Name }).ToList();
        return new RowSetResult([new ResultColumn(columnName, TaosDataType.VarChar, 192)], rows, TaosPrecision.Milliseconds);
    }
}
