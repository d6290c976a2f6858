using Taos.Protocol;
using Taos.Server.Engine.Catalog;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Write;

/// <summary>
/// <c>INSERT INTO stb (tbname, ts, col…, tag…) VALUES (…)</c>: each row names its child table in the <c>tbname</c>
/// column; rows go to that child, which is created from the super table with the row's tag values (unnamed tags NULL)
/// when it does not exist yet. Rows of one child share one write batch.
/// </summary>
internal sealed class StableRowsBinder(ICatalogReader catalog, TimeZoneInfo zone)
{
    private static readonly ColumnInfo TableNameColumn = new("tbname", TaosDataType.VarChar, 192);

    /// <summary>True when <paramref name="clause"/> writes a super table by naming <c>tbname</c> among its columns.</summary>
    public static bool Applies(TableInfo table, InsertClause clause) =>
        table.Kind == TableKind.Super && clause.Using is null &&
        clause.ColumnNames is { } names && names.Any(n => IsTableName(n.Name));

    /// <summary>Adds the clause's rows to the batches of their child tables (made on first use, in order).</summary>
    public void Bind(InsertStatement statement, InsertClause clause, DatabaseInfo db, TableInfo super,
        Dictionary<(string, string), WriteBatch> targets, List<WriteBatch> order)
    {
        var (tableName, columns, tags, tagNames) = Layout(clause.ColumnNames!, super);
        var coercer = new ValueCoercer(statement.Sql, zone, db.Precision);
        int width = clause.ColumnNames!.Count;
        var rowsByTarget = new Dictionary<WriteBatch, List<object?[]>>();
        foreach (var valueList in clause.Rows)
        {
            var tokens = valueList.Values;
            if (tokens.Count < width)
                throw coercer.SyntaxErrorAt(valueList.CloseParenPosition, tokens.Count == 0 ? "invalid data or symbol" : ", expected");
            if (tokens.Count > width)
                throw new TaosServerException(ServerErrorCode.IllegalNumberOfColumns, "Illegal number of columns");
            string child = coercer.Coerce(tokens[tableName], TableNameColumn, primaryKey: false) as string
                ?? throw new TaosServerException(ServerErrorCode.InvalidValue, "tbname is NULL");
            var target = Target(db, super, child, coercer, tagNames, new ValueList([.. tags.Select(i => tokens[i])], valueList.CloseParenPosition), targets, order);
            var values = new object?[super.Columns.Count];
            foreach (var (position, column) in columns)
            {
                values[column] = coercer.Coerce(tokens[position], super.Columns[column], primaryKey: column == 0);
            }
            if (!rowsByTarget.TryGetValue(target, out var rows)) rowsByTarget[target] = rows = [];
            rows.Add(values);
        }
        int[] bound = [.. columns.Select(c => c.Column)];
        foreach (var (target, rows) in rowsByTarget)
        {
            target.Add(bound, rows);
        }
    }

    private WriteBatch Target(DatabaseInfo db, TableInfo super, string child, ValueCoercer coercer, IReadOnlyList<string> tagNames,
        ValueList tagValues, Dictionary<(string, string), WriteBatch> targets, List<WriteBatch> order)
    {
        if (targets.TryGetValue((db.Name, child), out var target)) return target;
        var existing = catalog.FindTable(db.Name, child);
        target = existing is not null
            ? new WriteBatch(db, existing)
            : new WriteBatch(db, child, new AutoCreate(super, TagBinder.Bind(coercer, super, tagNames, tagValues)));
        targets[(db.Name, child)] = target;
        order.Add(target);
        return target;
    }

    /// <summary>Where the tbname, the columns (position → column index) and the tags sit in the column list.</summary>
    private static (int TableName, List<(int Position, int Column)> Columns, List<int> Tags, List<string> TagNames) Layout(IReadOnlyList<NameAt> names, TableInfo super)
    {
        int tableName = -1;
        var columns = new List<(int, int)>();
        var tags = new List<int>();
        var tagNames = new List<string>();
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i].Name;
            if (IsTableName(name))
            {
                tableName = i;
            }
            else if (TagBinder.IndexOf(super.Columns, name) is >= 0 and var column)
            {
                if (columns.Any(c => c.Item2 == column)) throw ValueCoercer.SyntaxError(name, "duplicated column name");
                columns.Add((i, column));
            }
            else if (TagBinder.IndexOf(super.Tags, name) >= 0)
            {
                tags.Add(i);
                tagNames.Add(name);
            }
            else
            {
                throw new TaosServerException(ServerErrorCode.InvalidColumnName, "Invalid column name: " + name);
            }
        }
        if (!columns.Any(c => c.Item2 == 0))
            throw new TaosServerException(ServerErrorCode.PrimaryTimestampNull, "Primary timestamp column should not be null");
        return (tableName, columns, tags, tagNames);
    }

    private static bool IsTableName(string name) => string.Equals(name, "tbname", StringComparison.OrdinalIgnoreCase);
}
