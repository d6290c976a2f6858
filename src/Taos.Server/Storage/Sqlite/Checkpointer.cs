using Microsoft.Data.Sqlite;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// Keeps the WAL file small from a background thread: commits do not checkpoint (<c>wal_autocheckpoint=0</c>); after a
/// commit signals, once the WAL has grown past <see cref="CheckpointWalBytes"/>, a PASSIVE checkpoint copies what it
/// can without blocking the writer, and a much larger WAL is truncated when no reader pins it. A steady writer always
/// has a commit in flight while that copy runs, and SQLite starts the WAL over from its beginning only at a commit
/// that finds it wholly copied: so the next write, before it begins, copies the few frames committed meanwhile on its
/// own (<see cref="Settle"/>) and then starts the WAL over, instead of appending to a file that only grows.
/// Commits wake the thread at most once per <see cref="SignalInterval"/> (a wake-up and a look at the file per commit
/// would cost small writes a thread switch each); it looks at least every five seconds anyway.
/// </summary>
internal sealed class Checkpointer : IDisposable
{
    private const long CheckpointWalBytes = 16L << 20;

    /// <summary>The shortest time between two wake-ups by commits.</summary>
    public static readonly TimeSpan SignalInterval = TimeSpan.FromMilliseconds(50);

    private readonly string _walPath;
    private readonly string _connectionString;
    private readonly Thread? _thread;
    private readonly AutoResetEvent _signal = new(false);
    private volatile bool _stopping;
    private long _lastSignal;
    private int _settleDue;
    private SqliteConnection? _settler;

    /// <param name="walPath">The WAL file to watch.</param>
    /// <param name="connectionString">Opens a connection of its own to the database.</param>
    /// <param name="walPath">The WAL file.</param>
    /// <param name="connectionString">Connections of its own to the database.</param>
    /// <param name="background">False: no thread; <see cref="Checkpoint"/> runs only when called (tests).</param>
    public Checkpointer(string walPath, string connectionString, bool background = true)
    {
        _walPath = walPath;
        _connectionString = connectionString;
        if (!background) return;
        _thread = new Thread(Loop) { IsBackground = true, Name = "taos-wal-checkpoint" };
        _thread.Start();
    }

    /// <summary>A commit happened: look at the WAL soon (unless a commit asked less than <see cref="SignalInterval"/> ago).</summary>
    public void Signal()
    {
        long now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastSignal) < (long)SignalInterval.TotalMilliseconds) return;
        Interlocked.Exchange(ref _lastSignal, now);
        _signal.Set();
    }

    private void Loop()
    {
        while (!_stopping)
        {
            _signal.WaitOne(TimeSpan.FromSeconds(5));
            if (_stopping) break;
            try
            {
                Checkpoint();
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

    /// <summary>What the thread does when woken: past the threshold, copies the WAL beside the writers (tests call it directly).</summary>
    internal void Checkpoint()
    {
        var wal = new FileInfo(_walPath);
        if (!wal.Exists || wal.Length < CheckpointWalBytes) return;
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // PASSIVE copies what it can without waiting; TRUNCATE resets the file when no reader pins it.
        RawSqlite.Exec(connection, "PRAGMA wal_checkpoint(PASSIVE)");
        Volatile.Write(ref _settleDue, 1);
        if (wal.Length >= 8 * CheckpointWalBytes)
            RawSqlite.Exec(connection, "PRAGMA busy_timeout=0; PRAGMA wal_checkpoint(TRUNCATE)");
    }

    /// <summary>Stops the thread (waiting for a checkpoint under way).</summary>
    /// <summary>
    /// Called by the writer before it begins a write, under the store's write lock (no commit in flight): after a
    /// background copy, copies what commits added meanwhile, so that the write starts the WAL over. (Run from the writer
    /// connection itself, the copy does not let the next write start the WAL over: it runs from a connection of its own.)
    /// </summary>
    public void Settle()
    {
        if (Volatile.Read(ref _settleDue) == 0 || Interlocked.Exchange(ref _settleDue, 0) == 0) return;
        try
        {
            if (_settler is null)
            {
                _settler = new SqliteConnection(_connectionString);
                _settler.Open();
            }
            RawSqlite.Exec(_settler, "PRAGMA wal_checkpoint(PASSIVE)");
        }
        catch (SqliteException)
        {
            // A copy that cannot run now (the disk, a checkpoint elsewhere) is for the next one: the write goes on.
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _signal.Set();
        _thread?.Join(TimeSpan.FromSeconds(30));
        _settler?.Dispose();
        _signal.Dispose();
    }
}
