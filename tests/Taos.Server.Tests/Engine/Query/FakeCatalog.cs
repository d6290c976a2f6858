using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Tests.Engine.Query;

/// <summary>An in-memory catalog for executor tests: tables and their rows kept in lists.</summary>
internal sealed class FakeCatalog : ICatalogReader
{
    private readonly Dictionary<string, DatabaseInfo> _databases = [];
    private readonly List<TableInfo> _tables = [];
    private readonly Dictionary<(string, string), List<object?[]>> _rows = [];

    public int ScanCount { get; private set; }

    public (long Min, long Max) LastScanRange { get; private set; }

    /// <summary>The schema columns the last batch scan read.</summary>
    public IReadOnlyList<int> LastScanColumns { get; private set; } = [];

    public FakeCatalog AddDatabase(string name, TaosPrecision precision = TaosPrecision.Milliseconds)
    {
        _databases[name] = new DatabaseInfo(name, precision, new Dictionary<string, string>());
        return this;
    }

    public TableInfo AddSuper(string db, string name, ColumnInfo[] columns, ColumnInfo[] tags)
    {
        var t = new TableInfo(db, name, TableKind.Super, null, columns, tags, null);
        _tables.Add(t);
        return t;
    }

    public TableInfo AddChild(TableInfo super, string name, params object?[] tagValues)
    {
        var t = new TableInfo(super.Database, name, TableKind.Child, super.Name, super.Columns, super.Tags, tagValues);
        _tables.Add(t);
        return t;
    }

    public TableInfo AddNormal(string db, string name, params ColumnInfo[] columns)
    {
        var t = new TableInfo(db, name, TableKind.Normal, null, columns, [], null);
        _tables.Add(t);
        return t;
    }

    public void Insert(TableInfo table, params object?[] row)
    {
        if (!_rows.TryGetValue((table.Database, table.Name), out var list))
        {
            list = [];
            _rows[(table.Database, table.Name)] = list;
        }
        list.RemoveAll(r => (long)r[0]! == (long)row[0]!);
        list.Add(row);
        list.Sort((a, b) => ((long)a[0]!).CompareTo((long)b[0]!));
    }

    public DatabaseInfo? FindDatabase(string name) => _databases.GetValueOrDefault(name);

    public TableInfo? FindTable(string database, string name) => _tables.FirstOrDefault(t => t.Database == database && t.Name == name);

    public IReadOnlyList<DatabaseInfo> Databases() => _databases.Values.ToList();

    public IReadOnlyList<TableInfo> Tables(string database) => _tables.Where(t => t.Database == database).ToList();

    public IReadOnlyList<TableInfo> ChildTables(string database, string superTable) =>
        _tables.Where(t => t.Database == database && t.Kind == TableKind.Child && t.SuperTable == superTable).ToList();

    public IEnumerable<object?[]> Scan(TableInfo table, long minTs, long maxTs)
    {
        ScanCount++;
        LastScanRange = (minTs, maxTs);
        if (!_rows.TryGetValue((table.Database, table.Name), out var list)) yield break;
        foreach (var r in list.ToList())
        {
            long ts = (long)r[0]!;
            if (ts >= minTs && ts <= maxTs) yield return r;
        }
    }

    public IEnumerable<ColumnBatch> ScanBatches(TableInfo table, long minTs, long maxTs, IReadOnlyList<int> columns)
    {
        LastScanColumns = columns;
        return ColumnBatch.FromRows(Scan(table, minTs, maxTs), columns, columns.Select(i => table.Columns[i].Type).ToArray());
    }
}
