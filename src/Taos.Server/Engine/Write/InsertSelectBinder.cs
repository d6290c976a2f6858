using System.Text;
using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Query;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Write;

/// <summary>
/// <c>INSERT INTO t [(cols)] SELECT …</c>: runs the query, then binds its rows to one write batch of the target
/// table — the i-th result column into the i-th target column, each value converted to that column's type as
/// TDengine casts it — for the one write path, <see cref="WriteExecutor"/>.
/// </summary>
internal sealed class InsertSelectBinder(ICatalogReader catalog, TimeZoneInfo zone)
{
    /// <summary>
    /// Runs the query of <paramref name="statement"/> (before the write takes the store's write lock: a query reads
    /// committed data) and returns the binding of its rows, for <see cref="WriteExecutor.Execute"/> to commit.
    /// </summary>
    public Func<IReadOnlyList<WriteBatch>> Read(InsertSelectStatement statement, SqlSession session)
    {
        var result = new QueryExecutor(catalog, zone).Execute(statement.Query, session);
        var rows = result.Rows.ToList();
        return () => [Bind(statement, session, result.Columns, rows)];
    }

    private WriteBatch Bind(InsertSelectStatement statement, SqlSession session, IReadOnlyList<ResultColumn> resultColumns, List<object?[]> rows)
    {
        var db = CatalogResolver.RequireDatabase(catalog, statement.Table.Database, session);
        var table = catalog.FindTable(db.Name, statement.Table.Name) ?? throw CatalogResolver.TableNotExist();
        if (table.Kind == TableKind.Super)
        {
            throw new TaosServerException(ServerErrorCode.PrimaryTimestampNull, "insert data into super table is not supported");
        }
        int[] targets = TargetColumns(statement.Columns, table.Columns);
        if (targets.Length != resultColumns.Count)
        {
            throw new TaosServerException(ServerErrorCode.IllegalNumberOfColumns, "Illegal number of columns");
        }
        var values = new List<object?[]>(rows.Count);
        foreach (var row in rows)
        {
            var written = new object?[table.Columns.Count];
            for (int i = 0; i < targets.Length; i++)
            {
                var column = table.Columns[targets[i]];
                written[targets[i]] = Converted(row[i], column, db.Precision);
            }
            if (written[0] is null)
            {
                throw new TaosServerException(ServerErrorCode.PrimaryTimestampNull, "Primary timestamp column should not be null");
            }
            values.Add(written);
        }
        var batch = new WriteBatch(db, table);
        batch.Add(targets, values);
        return batch;
    }

    /// <summary>The schema indexes written: the named columns (the ts among them), else every column in order.</summary>
    private static int[] TargetColumns(IReadOnlyList<string>? names, IReadOnlyList<ColumnInfo> columns)
    {
        if (names is null) return Enumerable.Range(0, columns.Count).ToArray();
        var list = new List<int>();
        foreach (var name in names)
        {
            int index = TagBinder.IndexOf(columns, name);
            if (index < 0) throw new TaosServerException(ServerErrorCode.InvalidColumnName, "Invalid column name: " + name);
            if (list.Contains(index)) throw ValueCoercer.SyntaxError(name, "duplicated column name");
            list.Add(index);
        }
        if (!list.Contains(0))
        {
            throw new TaosServerException(ServerErrorCode.PrimaryTimestampNull, "Primary timestamp column should not be null");
        }
        return list.ToArray();
    }

    /// <summary><paramref name="value"/> cast to <paramref name="column"/>'s type; a text longer than the column is TDengine's 'Value too long'.</summary>
    private object? Converted(object? value, ColumnInfo column, TaosPrecision precision)
    {
        var v = Values.Convert(value, column.Type, precision, zone);
        int length = v switch
        {
            string s when column.Type == TaosDataType.NChar => s.EnumerateRunes().Count(),
            string s => Encoding.UTF8.GetByteCount(s),
            byte[] b => b.Length,
            _ => 0,
        };
        if (length > column.Length && column.Type != TaosDataType.Json)
        {
            throw new TaosServerException(ServerErrorCode.ValueTooLong, "Value too long for column/tag: " + column.Name);
        }
        return v;
    }
}
