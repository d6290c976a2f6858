using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Query;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Time;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Streams;

/// <summary>
/// One step of one stream: reads what the source database's write log got since the stream's progress, turns the
/// source tables' new timestamps into pending window ranges (dropping expired data when IGNORE EXPIRED 1), re-runs
/// the stream's query over the pending ranges through the query engine, and in one write transaction replaces the
/// target rows of those windows (creating the groups' child tables) and saves the new progress. Windows a
/// WINDOW_CLOSE or MAX_DELAY stream holds back stay pending.
/// </summary>
internal sealed class StreamProcessor(IStore store, TimeZoneInfo zone)
{
    /// <summary>
    /// Processes <paramref name="stream"/> at wall time <paramref name="now"/> (ms): every pending range is recomputed.
    /// False when there was nothing to do.
    /// </summary>
    public bool Step(StreamInfo stream, long now)
    {
        var definition = StreamDefinition.Load(stream, store, zone);
        if (definition is null) return false;
        var windows = new StreamWindows(definition);
        var (progress, written) = ReadNew(stream, definition);
        long? maxBefore = stream.MaxEventTs;
        var pending = ResolveHistory(stream, definition, windows, ref maxBefore);
        long? maxAfter = written.Count == 0 ? maxBefore : Math.Max(maxBefore ?? long.MinValue, written.Max());
        long watermark = Durations.Ticks(stream.WatermarkMs, 'a', definition.Precision);
        long closedBefore = maxBefore is { } b ? b - watermark : long.MinValue;
        long closedAfter = maxAfter is { } a ? a - watermark : long.MinValue;
        var fresh = written.Where(ts => !(stream.IgnoreExpired && windows.Expired(ts, closedBefore)))
            .Select(ts => windows.Affected(ts, ts, now));
        var ranges = Merge(pending.Concat(fresh));
        var updated = stream with { Progress = progress, MaxEventTs = maxAfter, Pending = ranges };
        var target = store.FindTable(stream.TargetDatabase, stream.TargetTable);
        if (ranges.Count == 0 || target is not { Kind: TableKind.Super })
        {
            if (updated.Progress == stream.Progress && updated.MaxEventTs == stream.MaxEventTs && ranges.SequenceEqual(stream.Pending)) return false;
            store.Write(tx =>
            {
                tx.SaveStream(updated);
                return 0;
            });
            return true;
        }
        var writer = new StreamWriter(store, zone, stream, definition, windows, target);
        var held = new List<PendingRange>();
        foreach (var range in ranges)
        {
            held.AddRange(writer.Recompute(range, closedAfter, now));
        }
        writer.Commit(updated with { Pending = Merge(held) });
        return true;
    }

    /// <summary>Whether a MAX_DELAY stream's range waited long enough to be written before its windows close.</summary>
    public static bool IsDelayDue(StreamInfo stream, PendingRange range, long now) =>
        stream.Trigger == StreamTrigger.MaxDelay && range.Since != long.MaxValue && now - range.Since >= stream.MaxDelayMs;

    /// <summary>The last sequence number read and the timestamps written since the stream's progress into the tables it reads.</summary>
    private (long Progress, List<long> Written) ReadNew(StreamInfo stream, StreamDefinition definition)
    {
        long last = store.LastSequence(stream.SourceDatabase);
        if (last <= stream.Progress) return (stream.Progress, []);
        var covered = new Dictionary<string, bool>(StringComparer.Ordinal);
        var written = new List<long>();
        long progress = last;
        foreach (var entry in store.ReadWriteLog(stream.SourceDatabase, stream.Progress + 1))
        {
            if (entry.Sequence > last) break;
            if (!covered.TryGetValue(entry.Table, out bool reads))
                covered[entry.Table] = reads = Reads(definition.Source, store.FindTable(stream.SourceDatabase, entry.Table));
            if (reads) written.AddRange(entry.Timestamps);
        }
        return (progress, written);
    }

    /// <summary>Whether a stream reading <paramref name="source"/> reads <paramref name="table"/>'s rows.</summary>
    public static bool Reads(TableInfo source, TableInfo? table) =>
        table is not null && table.Kind != TableKind.Super && (table.Name == source.Name || table.SuperTable == source.Name);

    /// <summary>
    /// The stream's pending ranges with FILL_HISTORY's "everything" (<see cref="long.MinValue"/>..<see cref="long.MaxValue"/>)
    /// turned into the INTERVAL windows of the rows stored now; a stream that saw no timestamp yet takes the latest
    /// stored one as <paramref name="maxEventTs"/> when it has history to compute.
    /// </summary>
    private List<PendingRange> ResolveHistory(StreamInfo stream, StreamDefinition definition, StreamWindows windows, ref long? maxEventTs)
    {
        if (!stream.Pending.Any(r => r.From == long.MinValue)) return [.. stream.Pending];
        var stored = FirstAndLast(stream, definition);
        maxEventTs ??= stored?.Last;
        var resolved = new List<PendingRange>();
        foreach (var range in stream.Pending)
        {
            if (range.From != long.MinValue || !windows.HoldsWindowStarts) resolved.Add(range);
            else if (stored is (long first, long last)) resolved.Add(windows.Affected(first, last, range.Since));
        }
        return resolved;
    }

    /// <summary>The first and last timestamp stored in the stream's source, or null when it has no rows.</summary>
    private (long First, long Last)? FirstAndLast(StreamInfo stream, StreamDefinition definition)
    {
        string ts = definition.Source.Columns[0].Name.Replace("`", "``", StringComparison.Ordinal);
        string sql = $"select first(`{ts}`), last(`{ts}`) from `{stream.SourceDatabase}`.`{definition.Source.Name.Replace("`", "``", StringComparison.Ordinal)}`";
        var result = new QueryExecutor(store, zone).Execute((SelectStatement)SqlParser.Parse(sql), new SqlSession { Database = stream.SourceDatabase });
        var rows = result.Rows.ToList();
        (result.Rows as IDisposable)?.Dispose();
        return rows is [[long first, long last]] ? (first, last) : null;
    }

    /// <summary>Overlapping or adjacent ranges as one (the earliest <see cref="PendingRange.Since"/> kept).</summary>
    public static List<PendingRange> Merge(IEnumerable<PendingRange> ranges)
    {
        var merged = new List<PendingRange>();
        foreach (var range in ranges.OrderBy(r => r.From))
        {
            if (merged.Count > 0 && merged[^1] is var last && (range.From <= last.To || last.To != long.MaxValue && range.From == last.To + 1))
                merged[^1] = new PendingRange(last.From, Math.Max(last.To, range.To), Math.Min(last.Since, range.Since));
            else merged.Add(range);
        }
        return merged;
    }
}
