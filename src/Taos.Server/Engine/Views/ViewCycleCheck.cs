using Taos.Server.Engine.Catalog;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Views;

/// <summary>
/// Refuses a view definition that reads the view being defined, directly or through other views (possible only with
/// CREATE OR REPLACE): reading it would never end. Names resolve as they will when the view is read: a table wins over
/// a view of the same name, and a view's own query reads in the view's database.
/// </summary>
internal sealed class ViewCycleCheck(ICatalogReader catalog, string database, string name)
{
    /// <summary>Throws 0x266C when <paramref name="query"/>, read with <paramref name="defaultDb"/>, reaches the view.</summary>
    public void Check(Statement query, string defaultDb) => Visit(query, defaultDb, depth: 0);

    private void Visit(Statement query, string defaultDb, int depth)
    {
        switch (query)
        {
            case SelectStatement select: From(select.From, defaultDb, depth); break;
            case UnionStatement union: union.Queries.ToList().ForEach(q => From(q.From, defaultDb, depth)); break;
        }
    }

    private void From(FromSource? source, string defaultDb, int depth)
    {
        switch (source)
        {
            case TableSource t: Table(t.Name, defaultDb, depth); break;
            case SubquerySource s: Visit(s.Query, defaultDb, depth); break;
            case JoinSource j:
                From(j.Left, defaultDb, depth);
                From(j.Right, defaultDb, depth);
                break;
        }
    }

    private void Table(TableName table, string defaultDb, int depth)
    {
        string db = table.Database ?? defaultDb;
        if (catalog.FindTable(db, table.Name) is not null) return;
        if (db == database && table.Name == name) throw ViewErrors.InvalidQuery();
        // Every stored view was checked when it was created; the depth bound only keeps a damaged catalog from recursing without end.
        if (ViewExpander.Find(catalog, db, table.Name) is { } view && depth < 64) Visit(SqlParser.Parse(view.QuerySql), view.Database, depth + 1);
    }
}
