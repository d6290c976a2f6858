using System.Globalization;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Admin;

/// <summary>A compaction under way, as ins_compacts and ins_compact_details show it.</summary>
/// <param name="Id">The compact id (numbered from 1, never handed out twice).</param>
/// <param name="Database">The database COMPACT DATABASE named.</param>
/// <param name="StartTime">When it started (ms since the epoch).</param>
/// <param name="Vgroups">The database's vgroups, each compacted on dnode 1.</param>
internal sealed record RunningCompact(int Id, string Database, long StartTime, IReadOnlyList<int> Vgroups);

/// <summary>
/// The compactions COMPACT DATABASE starts: each one rebuilds the store's file without its free pages
/// (<see cref="IStoreMaintenance.Compact"/>) on a background task and is listed (SHOW COMPACTS, SHOW COMPACT n) until
/// it ends or KILL COMPACT removes it; a second compaction of a database whose compaction still runs is rejected, as
/// TDengine's mnode does. Ids are kept in the store, so they keep growing across restarts.
/// </summary>
internal sealed class CompactRegistry(IStoreMaintenance store)
{
    private const string NextIdKey = "compact_next_id";

    private readonly Lock _lock = new();
    private readonly Dictionary<int, (RunningCompact Compact, Task Done)> _running = [];

    /// <summary>The compactions under way, by id.</summary>
    public IReadOnlyList<RunningCompact> Running()
    {
        lock (_lock) return _running.Values.Select(r => r.Compact).OrderBy(c => c.Id).ToList();
    }

    /// <summary>
    /// Starts compacting <paramref name="database"/> (its vgroups <paramref name="vgroups"/>); null when a compaction
    /// of that database still runs.
    /// </summary>
    public RunningCompact? Start(string database, IReadOnlyList<int> vgroups)
    {
        lock (_lock)
        {
            if (_running.Values.Any(r => r.Compact.Database == database)) return null;
            int id = NextId();
            var compact = new RunningCompact(id, database, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), vgroups);
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var done = Task.Run(async () =>
            {
                await started.Task.ConfigureAwait(false);
                try
                {
                    store.Compact();
                }
                catch (ObjectDisposedException)
                {
                    // The server stopped while the compaction waited: nothing left to compact.
                }
                finally
                {
                    lock (_lock) _running.Remove(id);
                }
            });
            _running[id] = (compact, done);
            started.SetResult();
            return compact;
        }
    }

    /// <summary>KILL COMPACT: stops listing compaction <paramref name="id"/>; false when there is no such compaction.</summary>
    public bool Kill(long id)
    {
        lock (_lock) return id is > 0 and <= int.MaxValue && _running.Remove((int)id);
    }

    /// <summary>Completes when compaction <paramref name="id"/> has ended (at once when it is not running).</summary>
    public Task Completion(int id)
    {
        lock (_lock) return _running.TryGetValue(id, out var r) ? r.Done : Task.CompletedTask;
    }

    private int NextId()
    {
        string? stored = store.LoadSetting(NextIdKey);
        int id = stored is null ? 1 : int.Parse(stored, CultureInfo.InvariantCulture);
        store.SaveSetting(NextIdKey, (id + 1).ToString(CultureInfo.InvariantCulture));
        return id;
    }
}
