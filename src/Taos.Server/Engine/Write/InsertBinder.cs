using Taos.Server.Engine.Catalog;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Write;

/// <summary>
/// Binds an INSERT to write batches, one per target table in the order first named: resolves every clause's table
/// (or the super table and tags it would be created from) and coerces every value, so that an error is raised before
/// anything is written, with TDengine's code and text.
/// </summary>
internal sealed class InsertBinder(ICatalogReader catalog, TimeZoneInfo zone)
{
    public IReadOnlyList<WriteBatch> Bind(InsertStatement statement, SqlSession session)
    {
        var targets = new Dictionary<(string, string), WriteBatch>();
        var order = new List<WriteBatch>();
        foreach (var clause in statement.Clauses)
        {
            if (clause.Using is null && FindSuperTable(clause, session) is { } super && StableRowsBinder.Applies(super.Table, clause))
            {
                new StableRowsBinder(catalog, zone).Bind(statement, clause, super.Database, super.Table, targets, order);
                continue;
            }
            var target = Resolve(statement, clause, session, targets, order);
            AddRows(statement, clause, target);
        }
        return order;
    }

    private (DatabaseInfo Database, TableInfo Table)? FindSuperTable(InsertClause clause, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(catalog, clause.Table.Database, session);
        return catalog.FindTable(db.Name, clause.Table.Name) is { Kind: TableKind.Super } table ? (db, table) : null;
    }

    private WriteBatch Resolve(InsertStatement statement, InsertClause clause, SqlSession session,
        Dictionary<(string, string), WriteBatch> targets, List<WriteBatch> order)
    {
        var db = CatalogResolver.RequireDatabase(catalog, clause.Table.Database, session);
        string dbName = db.Name;
        targets.TryGetValue((dbName, clause.Table.Name), out var target);
        if (clause.Using is { } u)
        {
            string stableDb = u.Stable.Database ?? dbName;
            var super = catalog.FindTable(stableDb, u.Stable.Name);
            if (super is null || super.Kind != TableKind.Super) throw CatalogResolver.TableNotExist();
            var coercer = new ValueCoercer(statement.Sql, zone, db.Precision);
            var tagValues = TagBinder.Bind(coercer, super, u.TagNames, u.TagValues);
            if (target is null)
            {
                var existing = catalog.FindTable(dbName, clause.Table.Name);
                target = existing is not null
                    ? new WriteBatch(db, existing)
                    : new WriteBatch(db, clause.Table.Name, new AutoCreate(super, tagValues));
                targets[(dbName, clause.Table.Name)] = target;
                order.Add(target);
            }
        }
        else if (target is null)
        {
            var existing = catalog.FindTable(dbName, clause.Table.Name) ?? throw CatalogResolver.TableNotExist();
            if (existing.Kind == TableKind.Super)
                throw new TaosServerException(ServerErrorCode.PrimaryTimestampNull, "insert data into super table is not supported");
            target = new WriteBatch(db, existing);
            targets[(dbName, clause.Table.Name)] = target;
            order.Add(target);
        }
        return target;
    }

    /// <summary>The schema indexes a clause writes: its column list (which must name the ts), else every column.</summary>
    internal static int[] BoundColumns(InsertClause clause, IReadOnlyList<ColumnInfo> columns)
    {
        if (clause.ColumnNames is not { } names)
        {
            var all = new int[columns.Count];
            for (int i = 0; i < all.Length; i++) all[i] = i;
            return all;
        }
        var list = new List<int>();
        foreach (var name in names)
        {
            int index = TagBinder.IndexOf(columns, name.Name);
            if (index < 0) throw new TaosServerException(ServerErrorCode.InvalidColumnName, "Invalid column name: " + name.Name);
            // TDengine copies the name into a buffer before quoting it: the name alone, not the rest of the statement.
            if (list.Contains(index)) throw ValueCoercer.SyntaxError(name.Name, "duplicated column name");
            list.Add(index);
        }
        if (!list.Contains(0))
            throw new TaosServerException(ServerErrorCode.PrimaryTimestampNull, "Primary timestamp column should not be null");
        return list.ToArray();
    }

    private void AddRows(InsertStatement statement, InsertClause clause, WriteBatch target)
    {
        var columns = target.Table.Columns;
        var coercer = new ValueCoercer(statement.Sql, zone, target.Database.Precision);
        int[] bound = BoundColumns(clause, columns);
        var rows = new List<object?[]>(clause.Rows.Count);
        foreach (var valueList in clause.Rows)
        {
            var tokens = valueList.Values;
            var values = new object?[columns.Count];
            int n = Math.Min(tokens.Count, bound.Length);
            for (int i = 0; i < n; i++)
            {
                values[bound[i]] = coercer.Coerce(tokens[i], columns[bound[i]], primaryKey: bound[i] == 0);
                // TDengine reads a "± duration" only after a timestamp (parseTime); after any other value the
                // scanner wants the comma and finds the sign instead.
                if (tokens[i].Offsets.Count > 0 && columns[bound[i]].Type != TaosDataType.Timestamp)
                    throw coercer.SyntaxErrorAt(tokens[i].OffsetPosition, ", expected");
            }
            if (tokens.Count < bound.Length)
                throw coercer.SyntaxErrorAt(valueList.CloseParenPosition, tokens.Count == 0 ? "invalid data or symbol" : ", expected");
            if (tokens.Count > bound.Length)
                throw new TaosServerException(ServerErrorCode.IllegalNumberOfColumns, "Illegal number of columns");
            rows.Add(values);
        }
        target.Add(bound, rows);
    }
}
