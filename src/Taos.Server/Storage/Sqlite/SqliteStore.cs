using Microsoft.Data.Sqlite;
using SQLitePCL;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Streams;
using Taos.Server.Engine.Topics;
using Taos.Server.Engine.Views;
using Taos.Server.Engine.Udf;
using Taos.Server.Engine.Users;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The durable store: one SQLite file (WAL, synchronous=NORMAL, commits synced as <see cref="WalDurability"/> says) holding the catalog (<see cref="CatalogTables"/>), the
/// rows (laid out as <see cref="TableLayout"/> describes) and the write sequence numbers (<see cref="WriteSequences"/>).
/// Writes are serialized on one writer connection; reads use their own pooled connections, so WAL lets them run
/// beside a writer.
/// </summary>
internal sealed class SqliteStore : IStore
{
    private const string DatabaseFileName = "taos.db";

    private readonly string _readConnectionString;
    private readonly SqliteConnection _writer;
    private readonly Lock _writeLock = new();
    private readonly CatalogTables _catalog;
    private readonly WriteSequences _sequences;
    private readonly RowWriter _rows;
    private readonly RowScanner _scanner;
    private readonly LastRowSeeker _seeker;
    private readonly Checkpointer _checkpointer;
    private readonly UserTables _users;
    private readonly IndexTables _indexes;
    private readonly TopicTables _topics;
    private readonly StreamTables _streams;
    private readonly ViewTables _views;
    private readonly FunctionTables _functions;
    private readonly SmaIndexTables _smas;
    private readonly TsmaTables _tsmas;
    private readonly WriteLog _log;
    private readonly ConsumerOffsets _offsets;
    private readonly WriteLogRetention _retention;
    private readonly WalDurability _durability;
    private readonly StoreSettings _settings;
    private readonly int _busyTimeout;
    private bool _disposed;

    /// <summary>How long beginning a write waits for the write lock inside SQLite (then Microsoft.Data.Sqlite's retries go on).</summary>
    private const int BusyWaitMilliseconds = 30_000;

    /// <summary>Opens (or creates) the store in <paramref name="dataDirectory"/>.</summary>
    public SqliteStore(string dataDirectory)
        : this(dataDirectory, checkpointInBackground: true)
    {
    }

    /// <param name="dataDirectory">Where the database file lives (created when missing).</param>
    /// <param name="checkpointInBackground">False for tests that run the checkpointer's copy themselves (<see cref="Checkpointer"/>).</param>
    internal SqliteStore(string dataDirectory, bool checkpointInBackground)
    {
        Directory.CreateDirectory(dataDirectory);
        string path = Path.GetFullPath(Path.Combine(dataDirectory, DatabaseFileName));
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _writer = new SqliteConnection(builder.ToString());
        _writer.Open();
        RawSqlite.Exec(_writer, "PRAGMA journal_mode=WAL");
        // In the WAL when committed; synced to the disk when WalDurability asks for it (TDengine's WAL_LEVEL rule).
        RawSqlite.Exec(_writer, "PRAGMA synchronous=NORMAL");
        RawSqlite.Exec(_writer, "PRAGMA cache_size=-65536");
        RawSqlite.Exec(_writer, "PRAGMA temp_store=MEMORY");
        // Checkpoints run on a background connection (PASSIVE, never blocking the writer) instead of inside commits.
        RawSqlite.Exec(_writer, "PRAGMA wal_autocheckpoint=0");
        using (var busy = _writer.CreateCommand())
        {
            busy.CommandText = "PRAGMA busy_timeout";
            _busyTimeout = Convert.ToInt32(busy.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        _catalog = new CatalogTables(_writer);
        _sequences = new WriteSequences(_writer);
        _rows = new RowWriter(_writer);
        _users = new UserTables(_writer);
        _indexes = new IndexTables(_writer);
        _topics = new TopicTables(_writer);
        _streams = new StreamTables(_writer);
        _views = new ViewTables(_writer);
        _functions = new FunctionTables(_writer);
        _smas = new SmaIndexTables(_writer);
        _tsmas = new TsmaTables(_writer);
        _readConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = true }.ToString();
        _scanner = new RowScanner(_readConnectionString);
        _seeker = new LastRowSeeker(_readConnectionString);
        _log = new WriteLog(_writer, _readConnectionString);
        _offsets = new ConsumerOffsets(_writer);
        _retention = new WriteLogRetention(_catalog, _topics, _offsets, _streams);
        _settings = new StoreSettings(_writer);
        _checkpointer = new Checkpointer(path + "-wal", _readConnectionString, checkpointInBackground);
        PruneWriteLog();
        _durability = new WalDurability(path + "-wal", _catalog);
    }

    /// <summary>The store's checkpointer (tests run its copy at chosen moments).</summary>
    internal Checkpointer Checkpointer => _checkpointer;

    /// <summary>How many commits were synced to the disk before they were acknowledged (see <see cref="WalDurability"/>).</summary>
    public long DurableCommits => _durability.Syncs;

    // ---- ICatalogReader ----

    public DatabaseInfo? FindDatabase(string name) => _catalog.FindDatabase(name);

    public TableInfo? FindTable(string database, string name) => _catalog.FindTable(database, name)?.Info;

    public TableEntry? FindEntry(string database, string name) => _catalog.FindTable(database, name);

    public IReadOnlyList<TableInfo> ChildTables(string database, string superTable) => _catalog.ChildTables(database, superTable);

    /// <summary>Databases in creation order.</summary>
    public IReadOnlyList<DatabaseInfo> Databases() => _catalog.Databases();

    /// <summary>All tables of a database in creation order (super, child and normal).</summary>
    public IReadOnlyList<TableInfo> Tables(string database) => _catalog.Tables(database);

    public IEnumerable<ColumnBatch> ScanBatches(TableInfo table, long minTs, long maxTs, IReadOnlyList<int> columns)
    {
        var entry = _catalog.FindTable(table.Database, table.Name);
        if (entry is null || entry.Info.Kind == TableKind.Super || minTs > maxTs) return [];
        return _scanner.ScanBatches(entry, minTs, maxTs, columns);
    }

    public IEnumerable<(int Index, ColumnBatch Rows)> LastRows(
        IReadOnlyList<TableInfo> tables, long minTs, long maxTs, IReadOnlyList<int> columns, IReadOnlyList<int> nonNullColumns)
    {
        if (minTs > maxTs) return [];
        var entries = tables.Select(t => _catalog.FindTable(t.Database, t.Name) is { Info.Kind: not TableKind.Super } entry ? entry : null);
        return _seeker.LastRows(entries, minTs, maxTs, columns, nonNullColumns);
    }

    public IReadOnlyList<UserAccount> Users() => _users.All();

    public UserAccount? FindUser(string name) => _users.Find(name);

    public IReadOnlyList<TagIndexInfo> Indexes(string database) => _indexes.Of(database);
    public IReadOnlyList<TopicInfo> Topics() => _topics.All();
    public IReadOnlyList<ViewInfo> Views() => _views.All();

    public IReadOnlyList<StreamInfo> Streams() => _streams.All();

    public IReadOnlyList<UserFunction> Functions() => _functions.All();

    public IReadOnlyList<SmaIndexInfo> SmaIndexes() => _smas.All();

    public IReadOnlyList<TsmaInfo> Tsmas() => _tsmas.All();

    public IReadOnlyList<WriteLogEntry> ReadWriteLog(string database, long fromSequence) => _log.Read(database, fromSequence);

    public long? CommittedOffset(string group, string topic, int vgroup) => _offsets.Find(group, topic, vgroup);

    public IReadOnlyList<(string Group, string Topic)> ConsumerGroups() => _offsets.Groups();

    // ---- writes ----

    public long LastSequence(string database) => _sequences.Last(database);

    public T Write<T>(Func<IStoreWriter, T> work)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = BeginWrite();
            var writer = new SqliteWriter(transaction, _catalog, _rows, _sequences, _users, _indexes, _topics, _views, _functions, _smas, _tsmas) { Streams = _streams };
            try
            {
                T result = work(writer);
                _sequences.Save(writer.Taken);
                long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                _log.Save(writer.Taken, writer.Written, now);
                _retention.PruneIfDue(transaction, now);
                ConsumerOffsets.Delete(transaction, writer.DroppedGroups);
                ConsumerOffsets.Save(transaction, writer.Offsets);
                bool sync = _durability.Needed(writer);
                transaction.Commit();
                if (sync) _durability.Sync();
                _sequences.Publish(writer.Taken);
                _offsets.Forget(writer.DroppedGroups);
                _offsets.Publish(writer.Offsets);
                _checkpointer.Signal();
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
                if (writer.UsersChanged)
                {
                    _users.Load();
                }
                if (writer.IndexesChanged)
                {
                    _indexes.Load();
                }
                if (writer.TopicsChanged)
                {
                    _topics.Load();
                }
                if (writer.StreamsChanged) _streams.Load();
                if (writer.ViewsChanged)
                {
                    _views.Load();
                }
                if (writer.FunctionsChanged)
                {
                    _functions.Load();
                }
                if (writer.SmaIndexesChanged)
                {
                    _smas.Load();
                    _tsmas.Load();
                }
                if (writer.CatalogChanged)
                {
                    _rows.Clear();
                    _catalog.Load();
                }
                throw;
            }
        }
    }

    /// <summary>
    /// Begins a write transaction (BEGIN IMMEDIATE). When the write lock is taken — the checkpointer's TRUNCATE holds it
    /// while it resets the WAL — SQLite's own busy handler waits just as long as the lock is held, up to
    /// <see cref="BusyWaitMilliseconds"/>; Microsoft.Data.Sqlite would retry only after sleeping 150 ms each time.
    /// Only the BEGIN waits so: other statements of the writer connection keep the connection's busy timeout.
    /// </summary>
    private SqliteTransaction BeginWrite()
    {
        _checkpointer.Settle();
        var db = _writer.Handle!;
        raw.sqlite3_busy_timeout(db, BusyWaitMilliseconds);
        try
        {
            return _writer.BeginTransaction();
        }
        finally
        {
            raw.sqlite3_busy_timeout(db, _busyTimeout);
        }
    }

    /// <summary>
    /// Prunes the write log now, as opening the store does (and every write once a minute, see
    /// <see cref="WriteLogRetention"/>); returns how many entries went.
    /// </summary>
    public int PruneWriteLog()
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = BeginWrite();
            int deleted = _retention.Prune(transaction, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            transaction.Commit();
            return deleted;
        }
    }

    // ---- IStoreMaintenance ----

    public string? LoadSetting(string key)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _settings.Load(key);
        }
    }

    public void SaveSetting(string key, string value)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = BeginWrite();
            StoreSettings.Save(transaction, key, value);
            transaction.Commit();
        }
    }

    public void Flush()
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            RawSqlite.Exec(_writer, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    public void Compact()
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            RawSqlite.Exec(_writer, "VACUUM");
            RawSqlite.Exec(_writer, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed) return;
            _disposed = true;
            _checkpointer.Dispose();
            _rows.Dispose();
            _sequences.Dispose();
            _log.Dispose();
            _writer.Dispose();
            using (var pooled = new SqliteConnection(_readConnectionString)) SqliteConnection.ClearPool(pooled);
        }
    }
}
