using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Query;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Views;

/// <summary>
/// Reads a view where a query names it in FROM: its query is parsed again and run as a subquery in FROM, with the
/// view's own database as the default one (not the session's) [src parTranslater.c translateView], as the user who
/// reads it.
/// </summary>
internal sealed class ViewExpander(ICatalogReader catalog, TimeZoneInfo zone)
{
    /// <summary>The view <paramref name="name"/> of <paramref name="database"/>, or null.</summary>
    public static ViewInfo? Find(ICatalogReader catalog, string database, string name) =>
        catalog.Views().FirstOrDefault(v => v.Database == database && v.Name == name);

    /// <summary>The view's rows (produced as they are read) and columns.</summary>
    public RowSetResult Run(ViewInfo view, SqlSession session) => Run(SqlParser.Parse(view.QuerySql), view.Database, session);

    /// <summary>
    /// Views read inside one another at most this deep. CREATE refuses a view that reads itself, but dropping a table
    /// can turn its name into a view of the same name, closing a circle no definition had: reading it then fails
    /// (0x266C) instead of recursing without end.
    /// </summary>
    public const int MaxNesting = 32;

    [ThreadStatic]
    private static int t_nesting;

    /// <summary>Runs a view's query (a SELECT or UNION) with <paramref name="database"/> as the default database.</summary>
    public RowSetResult Run(Statement query, string database, SqlSession session)
    {
        if (t_nesting >= MaxNesting) throw ViewErrors.InvalidQuery();
        var inner = new SqlSession { Database = database, User = session.User, ClientHost = session.ClientHost };
        var executor = new QueryExecutor(catalog, zone);
        t_nesting++;
        try
        {
            return query switch
            {
                SelectStatement select => executor.Execute(select, inner),
                UnionStatement union => executor.Execute(union, inner),
                _ => throw ViewErrors.InvalidQuery(),
            };
        }
        finally
        {
            t_nesting--;
        }
    }
}
