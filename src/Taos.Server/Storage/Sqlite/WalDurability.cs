using Taos.Server.Engine.Catalog;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// How durable a commit of the <see cref="SqliteStore"/> is before it is acknowledged, by TDengine's rule: a write is
/// acknowledged once it is in the WAL, which is fsynced per the database's <c>WAL_LEVEL</c> — 1 (the default) writes
/// the WAL without fsync, 2 fsyncs it. The writer connection runs with <c>synchronous=NORMAL</c>: a commit is in the
/// SQLite WAL file when it returns (a process crash loses nothing committed; a power loss may lose the last commits,
/// as with TDengine's default). A commit that writes into a <c>WAL_LEVEL 2</c> database, or changes the catalog,
/// users, tag indexes, topics or consumer offsets, is made durable before it is acknowledged by syncing the WAL
/// file — what <c>synchronous=FULL</c> does at every commit. (TDengine fsyncs a <c>WAL_LEVEL 2</c> database every
/// <c>WAL_FSYNC_PERIOD</c> ms; this store syncs at every such commit, whatever the period.)
/// </summary>
internal sealed class WalDurability(string walPath, CatalogTables catalog)
{
    private long _syncs;

    /// <summary>How many commits were synced so far.</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    /// <summary>Whether the transaction <paramref name="writer"/> wrote must be synced before it is acknowledged.</summary>
    public bool Needed(SqliteWriter writer)
    {
        if (writer.CatalogChanged || writer.UsersChanged || writer.IndexesChanged || writer.TopicsChanged
            || writer.Offsets.Count > 0 || writer.DroppedGroups.Count > 0)
            return true;
        foreach (string database in writer.Taken.Keys)
        {
            if (catalog.FindDatabase(database) is { } info && info.Options.TryGetValue("wal_level", out string? level) && level == "2")
                return true;
        }
        return false;
    }

    /// <summary>Syncs the WAL file (everything committed so far) to the disk.</summary>
    public void Sync()
    {
        if (!File.Exists(walPath)) return;
        using var wal = new FileStream(walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
        wal.Flush(flushToDisk: true);
        Interlocked.Increment(ref _syncs);
    }
}
