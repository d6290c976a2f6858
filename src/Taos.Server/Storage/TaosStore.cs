using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Storage;

/// <summary>
/// The durable store: one SQLite file (WAL, synchronous=FULL) holding the catalog and the rows. Each super or normal
/// table has one SQLite table <c>t_&lt;id&gt;</c> keyed <c>(tid, ts)</c> WITHOUT ROWID; a child table's rows live
/// in its super table's SQLite table under the child's id. The catalog is mirrored in memory for lookups.
/// Writes are serialized (one writer connection); reads use their own pooled connections, so WAL lets them run
/// beside a writer.
/// </summary>
internal sealed class TaosStore : ICatalogReader, IDisposable
{
    private const string DatabaseFileName = "taos.db";

    private readonly string _readConnectionString;
    private readonly SqliteConnection _writer;
    private readonly Lock _writeLock = new();
    private readonly Lock _catalogLock = new();
    private readonly Dictionary<string, sqlite3_stmt> _commands = new(StringComparer.Ordinal);
    private Dictionary<string, DbState> _databases = new(StringComparer.Ordinal);
    private long _nextId = 1;
    private long _nextSeq = 1;
    private bool _disposed;

    private sealed class DbState(DatabaseInfo info, long seq)
    {
        public DatabaseInfo Info { get; } = info;
        public long Seq { get; } = seq;
        public Dictionary<string, TableEntry> Tables { get; } = new(StringComparer.Ordinal);
    }

    public TaosStore(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        string path = Path.GetFullPath(Path.Combine(dataDirectory, DatabaseFileName));
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _writer = new SqliteConnection(builder.ToString());
        _writer.Open();
        Exec(_writer, "PRAGMA journal_mode=WAL");
        Exec(_writer, "PRAGMA synchronous=FULL");
        Exec(_writer, "PRAGMA cache_size=-65536");
        Exec(_writer, "PRAGMA temp_store=MEMORY");
        // Checkpoints run on a background connection (PASSIVE, never blocking the writer) instead of inside commits.
        Exec(_writer, "PRAGMA wal_autocheckpoint=0");
        Exec(_writer, """
            CREATE TABLE IF NOT EXISTS catalog_db (name TEXT PRIMARY KEY, precision INTEGER NOT NULL, options TEXT NOT NULL, seq INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS catalog_table (db TEXT NOT NULL, name TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL,
              stable TEXT, columns TEXT NOT NULL, tags TEXT NOT NULL, tag_values TEXT, seq INTEGER NOT NULL, PRIMARY KEY (db, name));
            """);
        _readConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = true }.ToString();
        LoadCatalog();
        _walPath = path + "-wal";
        _checkpointer = new Thread(CheckpointLoop) { IsBackground = true, Name = "taos-wal-checkpoint" };
        _checkpointer.Start();
    }

    private const long CheckpointWalBytes = 16L << 20;
    private readonly string _walPath;
    private readonly Thread _checkpointer;
    private readonly AutoResetEvent _checkpointSignal = new(false);
    private volatile bool _stopping;

    private void CheckpointLoop()
    {
        while (!_stopping)
        {
            _checkpointSignal.WaitOne(TimeSpan.FromSeconds(5));
            if (_stopping) break;
            try
            {
                var wal = new FileInfo(_walPath);
                if (!wal.Exists || wal.Length < CheckpointWalBytes) continue;
                using var connection = new SqliteConnection(_readConnectionString);
                connection.Open();
                // PASSIVE copies what it can without waiting; TRUNCATE resets the file when no reader pins it.
                Exec(connection, "PRAGMA wal_checkpoint(PASSIVE)");
                if (wal.Length >= 8 * CheckpointWalBytes)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA busy_timeout=0; PRAGMA wal_checkpoint(TRUNCATE)";
                    command.ExecuteNonQuery();
                }
            }
            catch (SqliteException)
            {
                // A busy database: try again on the next signal.
            }
            catch (IOException)
            {
            }
        }
    }

    private void SignalCheckpoint() => _checkpointSignal.Set();

    private static void Exec(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private void LoadCatalog()
    {
        var databases = new Dictionary<string, DbState>(StringComparer.Ordinal);
        long maxId = 0, maxSeq = 0;
        using (var command = _writer.CreateCommand())
        {
            command.CommandText = "SELECT name, precision, options, seq FROM catalog_db";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var info = new DatabaseInfo(reader.GetString(0), (TaosPrecision)reader.GetInt32(1), CatalogCodec.ReadOptions(reader.GetString(2)));
                long seq = reader.GetInt64(3);
                databases[info.Name] = new DbState(info, seq);
                maxSeq = Math.Max(maxSeq, seq);
            }
        }
        var childRows = new List<(DbState Db, string Name, long Id, string Stable, string TagValues, long Seq)>();
        using (var command = _writer.CreateCommand())
        {
            command.CommandText = "SELECT db, name, id, kind, stable, columns, tags, tag_values, seq FROM catalog_table";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!databases.TryGetValue(reader.GetString(0), out var db)) continue;
                string name = reader.GetString(1);
                long id = reader.GetInt64(2);
                var kind = (TableKind)reader.GetInt32(3);
                long seq = reader.GetInt64(8);
                maxId = Math.Max(maxId, id);
                maxSeq = Math.Max(maxSeq, seq);
                if (kind == TableKind.Child)
                {
                    childRows.Add((db, name, id, reader.GetString(4), reader.IsDBNull(7) ? "[]" : reader.GetString(7), seq));
                    continue;
                }
                var info = new TableInfo(db.Info.Name, name, kind, null, CatalogCodec.ReadColumns(reader.GetString(5)),
                    CatalogCodec.ReadColumns(reader.GetString(6)), null);
                db.Tables[name] = new TableEntry(info, id, id, seq);
            }
        }
        foreach (var (db, name, id, stable, tagValues, seq) in childRows)
        {
            if (!db.Tables.TryGetValue(stable, out var super) || super.Info.Kind != TableKind.Super) continue;
            var info = new TableInfo(db.Info.Name, name, TableKind.Child, stable, super.Info.Columns, super.Info.Tags,
                CatalogCodec.ReadTagValues(tagValues, super.Info.Tags));
            db.Tables[name] = new TableEntry(info, id, super.Id, seq);
        }
        lock (_catalogLock)
        {
            _databases = databases;
            _nextId = maxId + 1;
            _nextSeq = maxSeq + 1;
        }
    }

    // ---- ICatalogReader ----

    public DatabaseInfo? FindDatabase(string name)
    {
        lock (_catalogLock)
            return _databases.TryGetValue(name, out var db) ? db.Info : null;
    }

    public TableInfo? FindTable(string database, string name) => FindEntry(database, name)?.Info;

    public TableEntry? FindEntry(string database, string name)
    {
        lock (_catalogLock)
            return _databases.TryGetValue(database, out var db) && db.Tables.TryGetValue(name, out var entry) ? entry : null;
    }

    public IReadOnlyList<TableInfo> ChildTables(string database, string superTable)
    {
        lock (_catalogLock)
        {
            if (!_databases.TryGetValue(database, out var db)) return [];
            return db.Tables.Values.Where(t => t.Info.Kind == TableKind.Child && t.Info.SuperTable == superTable)
                .OrderBy(t => t.Seq).Select(t => t.Info).ToList();
        }
    }

    /// <summary>Databases in creation order.</summary>
    public IReadOnlyList<DatabaseInfo> Databases()
    {
        lock (_catalogLock)
            return _databases.Values.OrderBy(d => d.Seq).Select(d => d.Info).ToList();
    }

    /// <summary>All tables of a database in creation order (super, child and normal).</summary>
    public IReadOnlyList<TableInfo> Tables(string database)
    {
        lock (_catalogLock)
        {
            if (!_databases.TryGetValue(database, out var db)) return [];
            return db.Tables.Values.OrderBy(t => t.Seq).Select(t => t.Info).ToList();
        }
    }

    public IEnumerable<object?[]> Scan(TableInfo table, long minTs, long maxTs)
    {
        var entry = FindEntry(table.Database, table.Name);
        if (entry is null || entry.Info.Kind == TableKind.Super || minTs > maxTs) return [];
        return ScanCore(entry, minTs, maxTs);
    }

    private IEnumerable<object?[]> ScanCore(TableEntry entry, long minTs, long maxTs)
    {
        var columns = entry.Info.Columns;
        if (PartCount(columns.Count) > 1)
        {
            foreach (var row in ScanParts(entry, minTs, maxTs)) yield return row;
            yield break;
        }
        using var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        var sql = new StringBuilder("SELECT ts");
        for (int i = 1; i < columns.Count; i++) sql.Append(", ").Append(ColumnName(i));
        sql.Append(" FROM ").Append(DataTableName(entry.DataId))
            .Append(" WHERE tid = ? AND ts >= ? AND ts <= ? ORDER BY ts");
        // Raw statement stepping: the ADO.NET reader costs several times more per value.
        var db = connection.Handle!;
        if (raw.sqlite3_prepare_v2(db, sql.ToString(), out sqlite3_stmt statement) != raw.SQLITE_OK)
        {
            // The table was dropped between the catalog lookup and the scan: nothing to read.
            statement?.Dispose();
            yield break;
        }
        try
        {
            raw.sqlite3_bind_int64(statement, 1, entry.Id);
            raw.sqlite3_bind_int64(statement, 2, minTs);
            raw.sqlite3_bind_int64(statement, 3, maxTs);
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var row = new object?[columns.Count];
                row[0] = raw.sqlite3_column_int64(statement, 0);
                for (int i = 1; i < row.Length; i++)
                    row[i] = raw.sqlite3_column_type(statement, i) == raw.SQLITE_NULL ? null : ReadValue(statement, i, columns[i].Type);
                yield return row;
            }
            if (rc != raw.SQLITE_DONE) throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
        finally
        {
            statement.Dispose();
        }
    }

    public IEnumerable<ColumnBatch> ScanBatches(TableInfo table, long minTs, long maxTs, IReadOnlyList<int> columns)
    {
        var entry = FindEntry(table.Database, table.Name);
        if (entry is null || entry.Info.Kind == TableKind.Super || minTs > maxTs) return [];
        var types = columns.Select(i => entry.Info.Columns[i].Type).ToArray();
        return PartCount(entry.Info.Columns.Count) > 1
            ? ColumnBatch.FromRows(ScanParts(entry, minTs, maxTs), columns, types)
            : ScanBatchesCore(entry, minTs, maxTs, columns, types);
    }

    private IEnumerable<ColumnBatch> ScanBatchesCore(TableEntry entry, long minTs, long maxTs, IReadOnlyList<int> columns, TaosDataType[] types)
    {
        using var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        var sql = new StringBuilder("SELECT ");
        for (int k = 0; k < columns.Count; k++)
        {
            if (k > 0) sql.Append(", ");
            sql.Append(columns[k] == 0 ? "ts" : ColumnName(columns[k]));
        }
        if (columns.Count == 0) sql.Append("ts");
        sql.Append(" FROM ").Append(DataTableName(entry.DataId))
            .Append(" WHERE tid = ? AND ts >= ? AND ts <= ? ORDER BY ts");
        var db = connection.Handle!;
        if (raw.sqlite3_prepare_v2(db, sql.ToString(), out sqlite3_stmt statement) != raw.SQLITE_OK)
        {
            // The table was dropped between the catalog lookup and the scan: nothing to read.
            statement?.Dispose();
            yield break;
        }
        try
        {
            raw.sqlite3_bind_int64(statement, 1, entry.Id);
            raw.sqlite3_bind_int64(statement, 2, minTs);
            raw.sqlite3_bind_int64(statement, 3, maxTs);
            var batch = new ColumnBatch(types);
            int rc;
            while (true)
            {
                int n = 0;
                while (n < batch.Capacity && (rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                    for (int k = 0; k < types.Length; k++) ReadInto(statement, k, batch.Columns[k], n);
                    n++;
                }
                if (n < batch.Capacity)
                {
                    rc = raw.sqlite3_errcode(db);
                    if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW)) throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
                }
                if (n == 0) yield break;
                batch.Count = n;
                yield return batch;
                if (n < batch.Capacity) yield break;
            }
        }
        finally
        {
            statement.Dispose();
        }
    }

    /// <summary>Reads result column <paramref name="i"/> of the current row into slot <paramref name="slot"/> of <paramref name="vector"/>.</summary>
    private static void ReadInto(sqlite3_stmt statement, int i, ColumnVector vector, int slot)
    {
        if (raw.sqlite3_column_type(statement, i) == raw.SQLITE_NULL)
        {
            vector.Nulls[slot] = true;
            return;
        }
        vector.Nulls[slot] = false;
        switch (ColumnVector.StorageOf(vector.Type))
        {
            case VectorStorage.Longs:
                vector.Longs[slot] = NarrowLike(vector.Type, raw.sqlite3_column_int64(statement, i));
                break;
            case VectorStorage.Doubles:
                double d = raw.sqlite3_column_double(statement, i);
                vector.Doubles[slot] = vector.Type == TaosDataType.Float ? (float)d : d;
                break;
            default:
                vector.Objects[slot] = ReadValue(statement, i, vector.Type);
                break;
        }
    }

    /// <summary>The stored integer as the value <see cref="ReadValue"/> would give, widened back to long.</summary>
    private static long NarrowLike(TaosDataType type, long v) => type switch
    {
        TaosDataType.Bool => v != 0 ? 1 : 0,
        TaosDataType.TinyInt => (sbyte)v,
        TaosDataType.SmallInt => (short)v,
        TaosDataType.Int => (int)v,
        TaosDataType.UTinyInt => (byte)v,
        TaosDataType.USmallInt => (ushort)v,
        TaosDataType.UInt => (uint)v,
        _ => v,
    };

    /// <summary>A table stored in several parts: one ts-ordered scan per part, stepped together (same rows in each).</summary>
    private IEnumerable<object?[]> ScanParts(TableEntry entry, long minTs, long maxTs)
    {
        var columns = entry.Info.Columns;
        int parts = PartCount(columns.Count);
        using var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        var db = connection.Handle!;
        var statements = new sqlite3_stmt[parts];
        var partColumns = new List<int>[parts];
        try
        {
            for (int part = 0; part < parts; part++)
            {
                partColumns[part] = [];
                var sql = new StringBuilder("SELECT ts");
                for (int i = 1; i < columns.Count; i++)
                {
                    if (PartOf(i) != part) continue;
                    partColumns[part].Add(i);
                    sql.Append(", ").Append(ColumnName(i));
                }
                sql.Append(" FROM ").Append(PartTableName(entry.DataId, part))
                    .Append(" WHERE tid = ? AND ts >= ? AND ts <= ? ORDER BY ts");
                if (raw.sqlite3_prepare_v2(db, sql.ToString(), out statements[part]) != raw.SQLITE_OK)
                {
                    // The table was dropped between the catalog lookup and the scan: nothing to read.
                    yield break;
                }
                raw.sqlite3_bind_int64(statements[part], 1, entry.Id);
                raw.sqlite3_bind_int64(statements[part], 2, minTs);
                raw.sqlite3_bind_int64(statements[part], 3, maxTs);
            }
            while (true)
            {
                var row = new object?[columns.Count];
                for (int part = 0; part < parts; part++)
                {
                    var statement = statements[part];
                    int rc = raw.sqlite3_step(statement);
                    if (rc == raw.SQLITE_DONE) yield break;
                    if (rc != raw.SQLITE_ROW) throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
                    if (part == 0) row[0] = raw.sqlite3_column_int64(statement, 0);
                    var list = partColumns[part];
                    for (int k = 0; k < list.Count; k++)
                    {
                        int i = list[k];
                        row[i] = raw.sqlite3_column_type(statement, k + 1) == raw.SQLITE_NULL ? null : ReadValue(statement, k + 1, columns[i].Type);
                    }
                }
                yield return row;
            }
        }
        finally
        {
            foreach (var statement in statements) statement?.Dispose();
        }
    }

    private static object ReadValue(sqlite3_stmt statement, int i, TaosDataType type) => type switch
    {
        TaosDataType.Bool => raw.sqlite3_column_int64(statement, i) != 0,
        TaosDataType.TinyInt => (sbyte)raw.sqlite3_column_int64(statement, i),
        TaosDataType.SmallInt => (short)raw.sqlite3_column_int64(statement, i),
        TaosDataType.Int => (int)raw.sqlite3_column_int64(statement, i),
        TaosDataType.BigInt or TaosDataType.Timestamp => raw.sqlite3_column_int64(statement, i),
        TaosDataType.UTinyInt => (byte)raw.sqlite3_column_int64(statement, i),
        TaosDataType.USmallInt => (ushort)raw.sqlite3_column_int64(statement, i),
        TaosDataType.UInt => (uint)raw.sqlite3_column_int64(statement, i),
        TaosDataType.UBigInt => unchecked((ulong)raw.sqlite3_column_int64(statement, i)),
        TaosDataType.Float => (float)raw.sqlite3_column_double(statement, i),
        TaosDataType.Double => raw.sqlite3_column_double(statement, i),
        TaosDataType.VarBinary or TaosDataType.Geometry => raw.sqlite3_column_blob(statement, i).ToArray(),
        _ => raw.sqlite3_column_text(statement, i).utf8_to_string(),
    };

    /// <summary>The SQLite table holding the rows of the table (or super table) with storage id <paramref name="dataId"/>.</summary>
    private static string DataTableName(long dataId) => "t_" + dataId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Data columns per SQLite table. SQLite allows at most 2000 columns per table and per result, TDengine up to
    /// 4096 columns and tags: a wider table's columns are spread over several SQLite tables with the same
    /// (tid, ts) rows. 1998 + tid + ts is exactly what one SQLite table holds, so every table that fitted before
    /// keeps its single table (part 0 keeps the original name): existing data directories read as before.
    /// </summary>
    private const int ColumnsPerPart = 1998;

    private static int PartCount(int schemaColumns) => Math.Max(1, (schemaColumns - 1 + ColumnsPerPart - 1) / ColumnsPerPart);

    private static int PartOf(int columnIndex) => (columnIndex - 1) / ColumnsPerPart;

    private static string PartTableName(long dataId, int part) =>
        part == 0 ? DataTableName(dataId) : DataTableName(dataId) + "_p" + part.ToString(CultureInfo.InvariantCulture);

    /// <summary>The SQLite column of schema column <paramref name="index"/> (1 and up: column 0, the timestamp, is <c>ts</c>).</summary>
    private static string ColumnName(int index) => "c" + index.ToString(CultureInfo.InvariantCulture);

    private static string SqliteType(TaosDataType type) => type switch
    {
        TaosDataType.Float or TaosDataType.Double => "REAL",
        TaosDataType.VarChar or TaosDataType.NChar or TaosDataType.Json => "TEXT",
        TaosDataType.VarBinary or TaosDataType.Geometry => "BLOB",
        _ => "INTEGER",
    };

    // ---- writes ----

    /// <summary>
    /// Runs <paramref name="work"/> as one SQLite transaction under the store's write lock; returns after the
    /// commit is durable. On failure everything is rolled back and the in-memory catalog reloaded.
    /// </summary>
    public T Write<T>(Func<WriteContext, T> work)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _writer.BeginTransaction();
            var context = new WriteContext(this, transaction);
            try
            {
                T result = work(context);
                transaction.Commit();
                SignalCheckpoint();
                return result;
            }
            catch
            {
                try
                {
                    transaction.Rollback();
                }
                catch (SqliteException)
                {
                }
                if (context.CatalogChanged)
                {
                    ClearCommands();
                    LoadCatalog();
                }
                throw;
            }
        }
    }

    private void ClearCommands()
    {
        foreach (var statement in _commands.Values) statement.Dispose();
        _commands.Clear();
    }

    /// <summary>The operations of one write transaction.</summary>
    internal sealed class WriteContext
    {
        private readonly TaosStore _store;
        private readonly SqliteTransaction _transaction;

        public WriteContext(TaosStore store, SqliteTransaction transaction)
        {
            _store = store;
            _transaction = transaction;
        }

        public bool CatalogChanged { get; private set; }

        private void Exec(string sql) => TaosStore.Exec(_store._writer, sql, _transaction);

        private SqliteCommand Command(string sql)
        {
            var command = _store._writer.CreateCommand();
            command.CommandText = sql;
            command.Transaction = _transaction;
            return command;
        }

        public void CreateDatabase(DatabaseInfo info)
        {
            CatalogChanged = true;
            long seq;
            lock (_store._catalogLock) seq = _store._nextSeq++;
            using (var command = Command("INSERT INTO catalog_db (name, precision, options, seq) VALUES ($n, $p, $o, $s)"))
            {
                command.Parameters.AddWithValue("$n", info.Name);
                command.Parameters.AddWithValue("$p", (int)info.Precision);
                command.Parameters.AddWithValue("$o", CatalogCodec.WriteOptions(info.Options));
                command.Parameters.AddWithValue("$s", seq);
                command.ExecuteNonQuery();
            }
            lock (_store._catalogLock) _store._databases[info.Name] = new DbState(info, seq);
        }

        public void DropDatabase(string name)
        {
            CatalogChanged = true;
            DbState? db;
            lock (_store._catalogLock) _store._databases.TryGetValue(name, out db);
            if (db is null) return;
            foreach (var entry in db.Tables.Values.Where(t => t.Info.Kind != TableKind.Child))
            {
                for (int part = 0; part < PartCount(entry.Info.Columns.Count); part++)
                    Exec("DROP TABLE IF EXISTS " + PartTableName(entry.Id, part));
            }
            using (var command = Command("DELETE FROM catalog_table WHERE db = $d"))
            {
                command.Parameters.AddWithValue("$d", name);
                command.ExecuteNonQuery();
            }
            using (var command = Command("DELETE FROM catalog_db WHERE name = $d"))
            {
                command.Parameters.AddWithValue("$d", name);
                command.ExecuteNonQuery();
            }
            _store.ClearCommands();
            lock (_store._catalogLock) _store._databases.Remove(name);
        }

        /// <summary>Creates a super, normal or child table (a child's <see cref="TableInfo.SuperTable"/> must exist).</summary>
        public TableEntry CreateTable(TableInfo info)
        {
            CatalogChanged = true;
            DbState db;
            long id, seq;
            lock (_store._catalogLock)
            {
                db = _store._databases[info.Database];
                id = _store._nextId++;
                seq = _store._nextSeq++;
            }
            long dataId = id;
            if (info.Kind == TableKind.Child)
            {
                lock (_store._catalogLock) dataId = db.Tables[info.SuperTable!].Id;
            }
            else
            {
                for (int part = 0; part < PartCount(info.Columns.Count); part++)
                {
                    var sql = new StringBuilder("CREATE TABLE ").Append(PartTableName(id, part))
                        .Append(" (tid INTEGER NOT NULL, ts INTEGER NOT NULL");
                    for (int i = 1; i < info.Columns.Count; i++)
                    {
                        if (PartOf(i) == part)
                            sql.Append(", ").Append(ColumnName(i)).Append(' ').Append(SqliteType(info.Columns[i].Type));
                    }
                    sql.Append(", PRIMARY KEY (tid, ts)) WITHOUT ROWID");
                    Exec(sql.ToString());
                }
            }
            using (var command = Command("""
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
                command.Parameters.AddWithValue("$seq", seq);
                command.ExecuteNonQuery();
            }
            var entry = new TableEntry(info, id, dataId, seq);
            lock (_store._catalogLock) db.Tables[info.Name] = entry;
            return entry;
        }

        /// <summary>Drops a table; a super table takes its children along.</summary>
        public void DropTable(TableEntry entry)
        {
            CatalogChanged = true;
            string db = entry.Info.Database;
            if (entry.Info.Kind == TableKind.Child)
            {
                for (int part = 0; part < PartCount(entry.Info.Columns.Count); part++)
                {
                    using var command = Command("DELETE FROM " + PartTableName(entry.DataId, part) + " WHERE tid = $tid");
                    command.Parameters.AddWithValue("$tid", entry.Id);
                    command.ExecuteNonQuery();
                }
            }
            else
            {
                for (int part = 0; part < PartCount(entry.Info.Columns.Count); part++)
                    Exec("DROP TABLE IF EXISTS " + PartTableName(entry.Id, part));
                _store.ClearCommands();
            }
            using (var command = Command("DELETE FROM catalog_table WHERE db = $db AND (name = $n OR ($super AND stable = $n))"))
            {
                command.Parameters.AddWithValue("$db", db);
                command.Parameters.AddWithValue("$n", entry.Info.Name);
                command.Parameters.AddWithValue("$super", entry.Info.Kind == TableKind.Super);
                command.ExecuteNonQuery();
            }
            lock (_store._catalogLock)
            {
                if (!_store._databases.TryGetValue(db, out var state)) return;
                state.Tables.Remove(entry.Info.Name);
                if (entry.Info.Kind == TableKind.Super)
                {
                    foreach (var child in state.Tables.Values.Where(t => t.Info.Kind == TableKind.Child && t.Info.SuperTable == entry.Info.Name).ToList())
                        state.Tables.Remove(child.Info.Name);
                }
            }
        }

        /// <summary>
        /// Writes rows into a child or normal table. <paramref name="columns"/> are schema indexes, starting with 0 (ts);
        /// each row is schema-wide and only those columns are written. An existing row with the same ts keeps the columns not listed.
        /// </summary>
        public void UpsertRows(TableEntry table, IReadOnlyList<int> columns, IEnumerable<object?[]> rows)
        {
            // Raw prepared statements on the writer's handle (inside its transaction): binding through the ADO.NET
            // layer costs several times more per row than the step itself.
            int parts = PartCount(table.Info.Columns.Count);
            // Every part gets every row (at least its tid and ts) so that the parts always hold the same rows.
            var partColumns = new List<int>[parts];
            for (int part = 0; part < parts; part++) partColumns[part] = [0];
            foreach (int c in columns)
            {
                if (c > 0) partColumns[PartOf(c)].Add(c);
            }
            var statements = new sqlite3_stmt[parts];
            for (int part = 0; part < parts; part++) statements[part] = UpsertStatement(table, partColumns[part], part);
            var db = _store._writer.Handle!;
            foreach (var row in rows)
            {
                for (int part = 0; part < parts; part++)
                {
                    var statement = statements[part];
                    var list = partColumns[part];
                    raw.sqlite3_bind_int64(statement, 1, table.Id);
                    for (int i = 0; i < list.Count; i++) Bind(statement, i + 2, row[list[i]]);
                    int rc = raw.sqlite3_step(statement);
                    raw.sqlite3_reset(statement);
                    if (rc != raw.SQLITE_DONE) throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
                }
            }
        }

        private static void Bind(sqlite3_stmt statement, int index, object? value)
        {
            switch (value)
            {
                case null: raw.sqlite3_bind_null(statement, index); break;
                case long v: raw.sqlite3_bind_int64(statement, index, v); break;
                case int v: raw.sqlite3_bind_int64(statement, index, v); break;
                case float v: raw.sqlite3_bind_double(statement, index, v); break;
                case double v: raw.sqlite3_bind_double(statement, index, v); break;
                case string v: raw.sqlite3_bind_text(statement, index, v); break;
                case byte[] v: raw.sqlite3_bind_blob(statement, index, v); break;
                case bool v: raw.sqlite3_bind_int64(statement, index, v ? 1 : 0); break;
                case sbyte v: raw.sqlite3_bind_int64(statement, index, v); break;
                case short v: raw.sqlite3_bind_int64(statement, index, v); break;
                case byte v: raw.sqlite3_bind_int64(statement, index, v); break;
                case ushort v: raw.sqlite3_bind_int64(statement, index, v); break;
                case uint v: raw.sqlite3_bind_int64(statement, index, v); break;
                case ulong v: raw.sqlite3_bind_int64(statement, index, unchecked((long)v)); break;
                default: throw new ArgumentException("unsupported value " + value.GetType());
            }
        }

        private sqlite3_stmt UpsertStatement(TableEntry table, IReadOnlyList<int> columns, int part)
        {
            var key = new StringBuilder().Append(table.DataId).Append('/').Append(part).Append(':');
            foreach (int c in columns) key.Append(c).Append(',');
            string cacheKey = key.ToString();
            if (_store._commands.TryGetValue(cacheKey, out var cached)) return cached;
            if (_store._commands.Count >= 1024) _store.ClearCommands();
            var sql = new StringBuilder("INSERT INTO ").Append(PartTableName(table.DataId, part)).Append(" (tid, ts");
            for (int i = 1; i < columns.Count; i++) sql.Append(", ").Append(ColumnName(columns[i]));
            sql.Append(") VALUES (?");
            for (int i = 0; i < columns.Count; i++) sql.Append(", ?");
            sql.Append(") ON CONFLICT (tid, ts) DO ");
            if (columns.Count == 1)
            {
                sql.Append("NOTHING");
            }
            else
            {
                sql.Append("UPDATE SET ");
                for (int i = 1; i < columns.Count; i++)
                {
                    string name = ColumnName(columns[i]);
                    if (i > 1) sql.Append(", ");
                    sql.Append(name).Append(" = excluded.").Append(name);
                }
            }
            var db = _store._writer.Handle!;
            int rc = raw.sqlite3_prepare_v2(db, sql.ToString(), out sqlite3_stmt statement);
            if (rc != raw.SQLITE_OK)
            {
                statement?.Dispose();
                throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
            }
            _store._commands[cacheKey] = statement;
            return statement;
        }
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed) return;
            _disposed = true;
            _stopping = true;
            _checkpointSignal.Set();
            _checkpointer.Join(TimeSpan.FromSeconds(30));
            _checkpointSignal.Dispose();
            ClearCommands();
            _writer.Dispose();
            using (var pooled = new SqliteConnection(_readConnectionString)) SqliteConnection.ClearPool(pooled);
        }
    }
}

/// <summary>A table of the catalog with its storage ids: <see cref="Id"/> its own, <see cref="DataId"/> the SQLite table holding its rows.</summary>
internal sealed record TableEntry(TableInfo Info, long Id, long DataId, long Seq);
