using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Write;

/// <summary>The super table and tag values a write creates its target child table from.</summary>
internal sealed record AutoCreate(TableInfo SuperTable, IReadOnlyList<object?> TagValues);

/// <summary>
/// Rows given for one list of columns: <see cref="Columns"/> are schema indexes (0, the ts, always among them);
/// each row is schema-wide, holding typed values (see <see cref="RowSetResult"/>) in those columns and null elsewhere.
/// </summary>
internal sealed record WriteRows(IReadOnlyList<int> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>
/// What one write (an INSERT, later a stmt bind or schemaless lines) gives for one target table: the table, how to
/// create it when it does not exist, and its rows in the order given (the same ts may come again; see
/// <see cref="WriteExecutor"/> for how such rows merge). Values are already coerced to the column types.
/// </summary>
internal sealed class WriteBatch
{
    private readonly List<WriteRows> _rows = [];

    /// <summary>A write into the existing table <paramref name="table"/>.</summary>
    public WriteBatch(DatabaseInfo database, TableInfo table)
    {
        Database = database;
        Table = table;
    }

    /// <summary>A write into the child table <paramref name="name"/>, which it creates as <paramref name="autoCreate"/> says.</summary>
    public WriteBatch(DatabaseInfo database, string name, AutoCreate autoCreate)
    {
        Database = database;
        var super = autoCreate.SuperTable;
        Table = new TableInfo(database.Name, name, TableKind.Child, super.Name, super.Columns, super.Tags, autoCreate.TagValues);
        AutoCreate = autoCreate;
    }

    /// <summary>The database of the target table.</summary>
    public DatabaseInfo Database { get; }

    /// <summary>The target table: the existing one, or the child table to create.</summary>
    public TableInfo Table { get; }

    /// <summary>How to create the target; null when it exists.</summary>
    public AutoCreate? AutoCreate { get; }

    /// <summary>The rows, in the order given.</summary>
    public IReadOnlyList<WriteRows> Rows => _rows;

    /// <summary>Adds rows given for <paramref name="columns"/>.</summary>
    public void Add(IReadOnlyList<int> columns, IReadOnlyList<object?[]> rows) => _rows.Add(new WriteRows(columns, rows));
}
