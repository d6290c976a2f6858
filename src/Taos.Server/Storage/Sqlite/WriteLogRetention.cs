using System.Globalization;
using Microsoft.Data.Sqlite;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// Prunes the <see cref="WriteLog"/> the way TDengine's WAL retention trims a vnode's log for topics: a database's
/// <c>WAL_RETENTION_PERIOD</c> (seconds, default 3600) keeps every entry younger than that, whatever was consumed;
/// older ones go. With 0, only what a consumer group of a topic on the database has not committed yet is kept
/// (everything goes when no topic reads it); with -1 nothing goes. Whatever the period, an entry a stream on the
/// database has not processed yet stays (streams pin the log as TDengine's stream tasks pin the WAL). Entries of
/// dropped databases go too. Runs inside a write transaction, at most once per <see cref="Interval"/>, so a prune is
/// as durable as the write it rides on.
/// </summary>
internal sealed class WriteLogRetention(CatalogTables catalog, TopicTables topics, ConsumerOffsets offsets, StreamTables streams)
{
    /// <summary>TDengine 3.3's default <c>WAL_RETENTION_PERIOD</c> in seconds.</summary>
    public const int DefaultPeriodSeconds = 3600;

    /// <summary>How often a write transaction also prunes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private long _lastPrune;

    /// <summary>Prunes inside <paramref name="transaction"/> when the last prune is <see cref="Interval"/> old; returns the entries deleted.</summary>
    public int PruneIfDue(SqliteTransaction transaction, long now)
    {
        if (now - _lastPrune < (long)Interval.TotalMilliseconds) return 0;
        return Prune(transaction, now);
    }

    /// <summary>Prunes inside <paramref name="transaction"/> now; returns the entries deleted.</summary>
    public int Prune(SqliteTransaction transaction, long now)
    {
        _lastPrune = now;
        var databases = catalog.Databases();
        int deleted = WriteLog.PruneDropped(transaction, databases.Select(d => d.Name).ToList());
        foreach (var database in databases)
        {
            long period = Period(database);
            if (period < 0) continue;
            var (before, below) = period > 0 ? (now - (period * 1000), 0L) : (long.MinValue, LowestCommitted(database.Name));
            deleted += WriteLog.Prune(transaction, database.Name, before, below, UnprocessedAfter(database.Name));
        }
        return deleted;
    }

    /// <summary>The lowest progress of the streams reading the database: entries after it are still to be processed.</summary>
    private long UnprocessedAfter(string database) =>
        streams.All().Where(s => s.SourceDatabase == database).Select(s => s.Progress).DefaultIfEmpty(long.MaxValue).Min();

    private static long Period(DatabaseInfo database) =>
        database.Options.TryGetValue("wal_retention_period", out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long p)
            ? p : DefaultPeriodSeconds;

    /// <summary>The lowest offset a group committed on a topic of the database (everything when no topic reads it).</summary>
    private long LowestCommitted(string database)
    {
        var onDatabase = topics.All().Where(t => t.Database == database).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        if (onDatabase.Count == 0) return long.MaxValue;
        return offsets.Lowest(onDatabase) ?? 0;
    }
}
