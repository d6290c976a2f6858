using Microsoft.Data.Sqlite;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// Keeps the WAL file small from a background thread: commits do not checkpoint (<c>wal_autocheckpoint=0</c>); after a
/// commit signals, once the WAL has grown past <see cref="CheckpointWalBytes"/>, a PASSIVE checkpoint copies what it
/// can without blocking the writer, and a much larger WAL is truncated when no reader pins it. Commits wake the thread
/// at most once per <see cref="SignalInterval"/> (a wake-up and a look at the file per commit would cost small writes
/// a thread switch each); it looks at least every five seconds anyway.
/// </summary>
internal sealed class Checkpointer : IDisposable
{
    private const long CheckpointWalBytes = 16L << 20;

    /// <summary>The shortest time between two wake-ups by commits.</summary>
    public static readonly TimeSpan SignalInterval = TimeSpan.FromMilliseconds(50);

    private readonly string _walPath;
    private readonly string _connectionString;
    private readonly Thread _thread;
    private readonly AutoResetEvent _signal = new(false);
    private volatile bool _stopping;
    private long _lastSignal;

    /// <param name="walPath">The WAL file to watch.</param>
    /// <param name="connectionString">Opens a connection of its own to the database.</param>
    public Checkpointer(string walPath, string connectionString)
    {
        _walPath = walPath;
        _connectionString = connectionString;
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

    private void Checkpoint()
    {
        var wal = new FileInfo(_walPath);
        if (!wal.Exists || wal.Length < CheckpointWalBytes) return;
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // PASSIVE copies what it can without waiting; TRUNCATE resets the file when no reader pins it.
        RawSqlite.Exec(connection, "PRAGMA wal_checkpoint(PASSIVE)");
        if (wal.Length >= 8 * CheckpointWalBytes)
            RawSqlite.Exec(connection, "PRAGMA busy_timeout=0; PRAGMA wal_checkpoint(TRUNCATE)");
    }

    /// <summary>Stops the thread (waiting for a checkpoint under way).</summary>
    public void Dispose()
    {
        _stopping = true;
        _signal.Set();
        _thread.Join(TimeSpan.FromSeconds(30));
        _signal.Dispose();
    }
}
