using Taos.Server.Engine.Catalog;
using Taos.Server.Sql.Ast;
using Taos.Server.Engine.SystemTables;
using Taos.Server.Engine.Views;

namespace Taos.Server.Engine.Binding;

/// <summary>
/// Resolves a FROM clause: the database and table names against the catalog (or a system database), a subquery
/// by running it through <paramref name="runSubquery"/>, a view by running its query (<see cref="ViewExpander"/>);
/// raises TDengine's errors for unknown names. A join's ON conditions are bound in <paramref name="zone"/>, the
/// server's time zone.
/// </summary>
internal sealed class SourceResolver(ICatalogReader catalog, Func<SelectStatement, SqlSession, RowSetResult> runSubquery, TimeZoneInfo zone)
{
    /// <summary>Where the rows come from: nothing (one empty row), one table, a super table's children, or a subquery.</summary>
    /// <param name="from">The FROM clause.</param>
    /// <param name="session">Gives the default database.</param>
    /// <param name="where">The query's WHERE, where <c>FROM a, b</c> finds its join condition.</param>
    public QuerySource Resolve(FromSource? from, SqlSession session, Expr? where = null) => from switch
    {
        null => new QuerySource(null, TaosPrecision.Milliseconds, [], null, null),
        TableSource ts => ResolveTable(ts, session),
        SubquerySource sub => ResolveSubquery(sub, session),
        JoinSource join => new JoinResolver(this, runSubquery, zone).Resolve(join, where, session),
        _ => throw ExpressionCompiler.SyntaxError("from"),
    };

    private QuerySource ResolveTable(TableSource ts, SqlSession session)
    {
        string? db = ts.Name.Database ?? session.Database;
        if (db is null)
        {
            throw new TaosServerException(ServerErrorCode.DatabaseNotSpecified, "Database not specified");
        }
        if (SystemSchemas.IsSystemDatabase(db))
        {
            var sys = SystemSchemas.Open(db, ts.Name.Name, catalog, zone)
                ?? throw new TaosServerException(ServerErrorCode.TableInfoFailure, "Fail to get table info, error: Table does not exist");
            var sysLayout = new SourceLayout { TsIndex = -1, StarIncludesTags = true };
            for (int i = 0; i < sys.Columns.Count; i++)
            {
                var c = sys.Columns[i];
                sysLayout.Columns.Add(new SourceColumn(c.Name, c.Type, c.Length, SlotKind.Column, i));
            }
            return new QuerySource(sysLayout, TaosPrecision.Milliseconds, [], null, sys.Rows);
        }
        var dbInfo = catalog.FindDatabase(db);
        if (dbInfo is null)
        {
            if (ts.Name.Database is null)
            {
                throw new TaosServerException(ServerErrorCode.DatabaseNotSpecified, "Database not specified");
            }
            throw new TaosServerException(ServerErrorCode.TableInfoFailure, "Fail to get table info, error: Database not exist");
        }
        var table = catalog.FindTable(db, ts.Name.Name);
        if (table is null)
        {
            // A table of that name wins over a view of it [src parTranslater.c getTargetMetaImpl].
            var view = ViewExpander.Find(catalog, db, ts.Name.Name)
                ?? throw new TaosServerException(ServerErrorCode.TableInfoFailure, "Fail to get table info, error: Table does not exist");
            return FromRows(new ViewExpander(catalog, zone).Run(view, session));
        }
        var layout = new SourceLayout { TsIndex = 0, StarIncludesTags = table.Kind == TableKind.Super };
        for (int i = 0; i < table.Columns.Count; i++)
        {
            var c = table.Columns[i];
            layout.Columns.Add(new SourceColumn(c.Name, c.Type, c.Length, SlotKind.Column, i));
        }
        for (int i = 0; i < table.Tags.Count; i++)
        {
            var c = table.Tags[i];
            layout.Columns.Add(new SourceColumn(c.Name, c.Type, c.Length, SlotKind.Tag, i));
        }
        layout.Columns.Add(new SourceColumn("tbname", TaosDataType.VarChar, 270, SlotKind.TableName, 0));
        IReadOnlyList<TableInfo> tables = table.Kind == TableKind.Super ? catalog.ChildTables(db, table.Name) : [table];
        return new QuerySource(layout, dbInfo.Precision, tables, catalog, null);
    }

    private QuerySource ResolveSubquery(SubquerySource sub, SqlSession session) => FromRows(runSubquery(sub.Query, session));

    /// <summary>The rows of a subquery or view as a source: its columns, the first timestamp column as the primary one.</summary>
    private static QuerySource FromRows(RowSetResult inner)
    {
        var layout = new SourceLayout
        {
            TsIndex = inner.Columns.ToList().FindIndex(c => c.Type == TaosDataType.Timestamp),
            StarIncludesTags = true,
        };
        for (int i = 0; i < inner.Columns.Count; i++)
        {
            var c = inner.Columns[i];
            layout.Columns.Add(new SourceColumn(c.Name, c.Type, c.Length, SlotKind.Column, i));
        }
        return new QuerySource(layout, inner.Precision, [], null, inner.Rows);
    }
}
