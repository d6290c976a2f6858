using Microsoft.Data.Sqlite;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The catalog: databases in <c>catalog_db</c>, tables in <c>catalog_table</c> (a child's schema is its super
/// table's, so only its tag values are kept), mirrored in memory for lookups. The <c>seq</c> columns keep creation
/// order. Changes go to SQLite inside the caller's transaction and to the mirror at once; after a rollback the
/// mirror is rebuilt with <see cref="Load"/>.
/// </summary>
internal sealed partial class CatalogTables
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private Dictionary<string, DatabaseState> _databases = new(StringComparer.Ordinal);
    private long _nextId = 1;
    private long _nextOrder = 1;

    private sealed class DatabaseState(DatabaseInfo info, long order)
    {
        public DatabaseInfo Info { get; set; } = info;
        public long Order { get; } = order;
        public Dictionary<string, SqliteTable> Tables { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Creates the catalog tables when missing and loads them.</summary>
    /// <param name="connection">The store's writer connection.</param>
    public CatalogTables(SqliteConnection connection)
    {
        _connection = connection;
        RawSqlite.Exec(connection, """
            CREATE TABLE IF NOT EXISTS catalog_db (name TEXT PRIMARY KEY, precision INTEGER NOT NULL, options TEXT NOT NULL, seq INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS catalog_table (db TEXT NOT NULL, name TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL,
              stable TEXT, columns TEXT NOT NULL, tags TEXT NOT NULL, tag_values TEXT, seq INTEGER NOT NULL, PRIMARY KEY (db, name));
            """);
        AddOptionsColumn(connection);
        Load();
    }

    /// <summary>Rebuilds the in-memory mirror from the committed catalog tables.</summary>
    public void Load()
    {
        var databases = new Dictionary<string, DatabaseState>(StringComparer.Ordinal);
        long maxOrder = 0;
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT name, precision, options, seq FROM catalog_db";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var info = new DatabaseInfo(reader.GetString(0), (TaosPrecision)reader.GetInt32(1), CatalogCodec.ReadOptions(reader.GetString(2)));
                long order = reader.GetInt64(3);
                databases[info.Name] = new DatabaseState(info, order);
                maxOrder = Math.Max(maxOrder, order);
            }
        }
        long maxId = LoadTables(databases, ref maxOrder);
        LoadTableOptions(databases);
        lock (_lock)
        {
            _databases = databases;
            _nextId = maxId + 1;
            _nextOrder = maxOrder + 1;
        }
    }

    /// <summary>Reads <c>catalog_table</c> into <paramref name="databases"/>; returns the largest table id.</summary>
    private long LoadTables(Dictionary<string, DatabaseState> databases, ref long maxOrder)
    {
        long maxId = 0;
        var childRows = new List<(DatabaseState Db, string Name, long Id, string Stable, string TagValues, long Order)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT db, name, id, kind, stable, columns, tags, tag_values, seq FROM catalog_table";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!databases.TryGetValue(reader.GetString(0), out var db)) continue;
                string name = reader.GetString(1);
                long id = reader.GetInt64(2);
                var kind = (TableKind)reader.GetInt32(3);
                long order = reader.GetInt64(8);
                maxId = Math.Max(maxId, id);
                maxOrder = Math.Max(maxOrder, order);
                if (kind == TableKind.Child)
                {
                    childRows.Add((db, name, id, reader.GetString(4), reader.IsDBNull(7) ? "[]" : reader.GetString(7), order));
                    continue;
                }
                var info = new TableInfo(db.Info.Name, name, kind, null, CatalogCodec.ReadColumns(reader.GetString(5)),
                    CatalogCodec.ReadColumns(reader.GetString(6)), null);
                db.Tables[name] = new SqliteTable(info, id, id, order);
            }
        }
        foreach (var (db, name, id, stable, tagValues, order) in childRows)
        {
            if (!db.Tables.TryGetValue(stable, out var super) || super.Info.Kind != TableKind.Super) continue;
            var info = new TableInfo(db.Info.Name, name, TableKind.Child, stable, super.Info.Columns, super.Info.Tags,
                CatalogCodec.ReadTagValues(tagValues, super.Info.Tags));
            db.Tables[name] = new SqliteTable(info, id, super.Id, order);
        }
        return maxId;
    }

    // ---- lookups ----

    public DatabaseInfo? FindDatabase(string name)
    {
        lock (_lock)
            return _databases.TryGetValue(name, out var db) ? db.Info : null;
    }

    public SqliteTable? FindTable(string database, string name)
    {
        lock (_lock)
            return _databases.TryGetValue(database, out var db) && db.Tables.TryGetValue(name, out var table) ? table : null;
    }

    /// <summary>Databases in creation order.</summary>
    public IReadOnlyList<DatabaseInfo> Databases()
    {
        lock (_lock)
            return _databases.Values.OrderBy(d => d.Order).Select(d => d.Info).ToList();
    }

    /// <summary>All tables of a database in creation order (super, child and normal).</summary>
    public IReadOnlyList<TableInfo> Tables(string database) => Entries(database, _ => true);

    /// <summary>The child tables of a super table, in creation order.</summary>
    public IReadOnlyList<TableInfo> ChildTables(string database, string superTable) =>
        Entries(database, t => t.Info.Kind == TableKind.Child && t.Info.SuperTable == superTable);

    private List<TableInfo> Entries(string database, Func<SqliteTable, bool> where)
    {
        lock (_lock)
        {
            if (!_databases.TryGetValue(database, out var db)) return [];
            return db.Tables.Values.Where(where).OrderBy(t => t.Order).Select(t => t.Info).ToList();
        }
    }

    /// <summary>The super and normal tables of a database: those with SQLite tables of their own.</summary>
    public IReadOnlyList<SqliteTable> DataOwners(string database)
    {
        lock (_lock)
        {
            if (!_databases.TryGetValue(database, out var db)) return [];
            return db.Tables.Values.Where(t => t.Info.Kind != TableKind.Child).ToList();
        }
    }

    // ---- changes (inside the caller's transaction) ----

    public void AddDatabase(SqliteTransaction transaction, DatabaseInfo info)
    {
        long order;
        lock (_lock) order = _nextOrder++;
        using (var command = RawSqlite.Command(transaction, "INSERT INTO catalog_db (name, precision, options, seq) VALUES ($n, $p, $o, $s)"))
        {
            command.Parameters.AddWithValue("$n", info.Name);
            command.Parameters.AddWithValue("$p", (int)info.Precision);
            command.Parameters.AddWithValue("$o", CatalogCodec.WriteOptions(info.Options));
            command.Parameters.AddWithValue("$s", order);
            command.ExecuteNonQuery();
        }
        lock (_lock) _databases[info.Name] = new DatabaseState(info, order);
    }

    public void RemoveDatabase(SqliteTransaction transaction, string name)
    {
        using (var command = RawSqlite.Command(transaction, "DELETE FROM catalog_table WHERE db = $d"))
        {
            command.Parameters.AddWithValue("$d", name);
            command.ExecuteNonQuery();
        }
        using (var command = RawSqlite.Command(transaction, "DELETE FROM catalog_db WHERE name = $d"))
        {
            command.Parameters.AddWithValue("$d", name);
            command.ExecuteNonQuery();
        }
        lock (_lock) _databases.Remove(name);
    }

    /// <summary>Adds a table with a new storage id; a child's rows go to its super table's SQLite table.</summary>
    public SqliteTable AddTable(SqliteTransaction transaction, TableInfo info)
    {
        DatabaseState db;
        long id, order, dataId;
        lock (_lock)
        {
            db = _databases[info.Database];
            id = _nextId++;
            order = _nextOrder++;
            dataId = info.Kind == TableKind.Child ? db.Tables[info.SuperTable!].Id : id;
        }
        using (var command = RawSqlite.Command(transaction, """
            INSERT INTO catalog_table (db, name, id, kind, stable, columns, tags, tag_values, seq)
            VALUES ($db, $n, $id, $k, $s, $c, $t, $v, $seq)
            """))
        {
            command.Parameters.AddWithValue("$db", info.Database);
            command.Parameters.AddWithValue("$n", info.Name);
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$k", (int)info.Kind);
            command.Parameters.AddWithValue("$s", (object?)info.SuperTable ?? DBNull.Value);
            command.Parameters.AddWithValue("$c", info.Kind == TableKind.Child ? "[]" : CatalogCodec.WriteColumns(info.Columns));
            command.Parameters.AddWithValue("$t", info.Kind == TableKind.Child ? "[]" : CatalogCodec.WriteColumns(info.Tags));
            command.Parameters.AddWithValue("$v", info.TagValues is null ? DBNull.Value : CatalogCodec.WriteTagValues(info.TagValues));
            command.Parameters.AddWithValue("$seq", order);
            command.ExecuteNonQuery();
        }
        var table = new SqliteTable(info, id, dataId, order);
        lock (_lock) db.Tables[info.Name] = table;
        return table;
    }

    /// <summary>Removes a table; a super table takes its children along.</summary>
    public void RemoveTable(SqliteTransaction transaction, SqliteTable table)
    {
        var info = table.Info;
        using (var command = RawSqlite.Command(transaction, "DELETE FROM catalog_table WHERE db = $db AND (name = $n OR ($super AND stable = $n))"))
        {
            command.Parameters.AddWithValue("$db", info.Database);
            command.Parameters.AddWithValue("$n", info.Name);
            command.Parameters.AddWithValue("$super", info.Kind == TableKind.Super);
            command.ExecuteNonQuery();
        }
        lock (_lock)
        {
            if (!_databases.TryGetValue(info.Database, out var db)) return;
            db.Tables.Remove(info.Name);
            if (info.Kind == TableKind.Super)
            {
                foreach (var child in db.Tables.Values.Where(t => t.Info.Kind == TableKind.Child && t.Info.SuperTable == info.Name).ToList())
                    db.Tables.Remove(child.Info.Name);
            }
        }
    }
}
