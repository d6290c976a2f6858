using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Query;
using Taos.Server.Engine.Storage;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Delete;

/// <summary>
/// <c>DELETE FROM [db.]t [WHERE ts-range [AND tag conditions]]</c> on a child, normal or super table: the rows the
/// WHERE selects (found by the query engine, so timestamps, precision and tag conditions read exactly as in a
/// SELECT, and selected while the write transaction holds the store) are deleted in one durable transaction; the
/// answer is how many were deleted.
/// </summary>
internal sealed class DeleteCommand(IStore store, TimeZoneInfo serverZone)
{
    public AffectedRowsResult Execute(DeleteStatement statement, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(store, statement.Table.Database, session);
        var table = store.FindTable(db.Name, statement.Table.Name)
            ?? throw new TaosServerException(ServerErrorCode.TableInfoFailure, "Fail to get table info, error: Table does not exist");
        DeleteWhere.Check(statement.Where, table);
        // Selecting inside the write transaction keeps another write from slipping in between.
        int deleted = store.Write(w =>
        {
            int count = 0;
            foreach (var (name, timestamps) in Select(db.Name, table, statement.Where, session))
            {
                if (store.FindEntry(db.Name, name) is { } entry)
                {
                    count += w.DeleteRows(entry, timestamps);
                }
            }
            return count;
        });
        return new AffectedRowsResult(deleted);
    }

    /// <summary>The timestamps WHERE selects, per child or normal table.</summary>
    private Dictionary<string, List<long>> Select(string db, TableInfo table, Expr? where, SqlSession session)
    {
        var ts = new ColumnExpr(null, table.Columns[0].Name);
        IReadOnlyList<SelectItem> items = table.Kind == TableKind.Normal
            ? [new SelectItem(ts, null, ts.Name)]
            : [new SelectItem(ts, null, ts.Name), new SelectItem(new ColumnExpr(null, "tbname"), null, "tbname")];
        var select = new SelectStatement(false, items, new TableSource(new TableName(db, table.Name), null), where,
            [], null, [], null, [], null, null);
        var result = new QueryExecutor(store, serverZone).Execute(select, session);
        var doomed = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        try
        {
            foreach (var row in result.Rows)
            {
                string name = table.Kind == TableKind.Normal ? table.Name : (string)row[1]!;
                if (!doomed.TryGetValue(name, out var list))
                {
                    doomed[name] = list = [];
                }
                list.Add((long)row[0]!);
            }
        }
        finally
        {
            (result.Rows as IDisposable)?.Dispose();
        }
        return doomed;
    }
}
