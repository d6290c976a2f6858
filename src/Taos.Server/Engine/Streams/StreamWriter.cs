using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Query;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Time;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Streams;

/// <summary>
/// Recomputes a stream's pending ranges and writes the outcome in one transaction: per group, the windows of a
/// range replace the target rows of that range (rows of windows that no longer exist are deleted), child tables
/// are created for new groups, and the stream's progress is saved with them.
/// </summary>
internal sealed class StreamWriter(IStore store, TimeZoneInfo zone, StreamInfo stream, StreamDefinition definition, StreamWindows windows, TableInfo target)
{
    private readonly Dictionary<string, (StreamGroupResult Group, SortedDictionary<long, object?[]> Rows, HashSet<long> Stale)> _writes = new(StringComparer.Ordinal);
    private readonly int[] _columns = ColumnIndexes(definition, target);
    private readonly TaosPrecision _targetPrecision = store.FindDatabase(target.Database)?.Precision ?? definition.Precision;

    /// <summary>
    /// Recomputes <paramref name="range"/> with the watermark at <paramref name="closed"/>; returns the ranges of the
    /// windows held back (not closed yet under WINDOW_CLOSE / MAX_DELAY).
    /// </summary>
    public List<PendingRange> Recompute(PendingRange range, long closed, long now)
    {
        var (from, to) = windows.QueryRange(range);
        var children = store.ChildTables(target.Database, target.Name);
        // A SESSION/STATE/EVENT/COUNT window may have begun anywhere before: the query reads from the start and each
        // group keeps its windows from its latest written one at or before the change (all of them when it has none).
        var lower = windows.HoldsWindowStarts || definition.Window is null ? null : LowerBounds(children, from);
        long queryFrom = lower is null ? from : long.MinValue;
        long upper = windows.HoldsWindowStarts ? range.To : to;
        var groups = Run(queryFrom, to);
        var held = new List<PendingRange>();
        bool delayDue = StreamProcessor.IsDelayDue(stream, range, now);
        foreach (var group in groups.Values)
        {
            long bound = lower is null ? from : lower.GetValueOrDefault(group.Child, long.MinValue);
            var kept = group.Windows.Keys.Where(w => w >= bound && w <= upper).ToList();
            long? last = kept.Count > 0 ? kept[^1] : null;
            var write = Writes(group);
            foreach (long start in kept)
            {
                bool isClosed = stream.Trigger == StreamTrigger.AtOnce || windows.IsClosed(start, group.Ends[start], start == last, closed);
                if (isClosed || delayDue) write.Rows[ToTarget(start)] = group.Windows[start]!;
                if (isClosed) continue;
                long heldTo = windows.HoldsWindowStarts ? start : long.MaxValue;
                held.Add(new PendingRange(start, heldTo, delayDue ? long.MaxValue : range.Since));
            }
            MarkStale(group.Child, bound, upper, kept.Select(ToTarget).ToHashSet());
        }
        foreach (var child in children.Where(c => !groups.ContainsKey(c.Name)))
        {
            MarkStale(child.Name, lower is null ? from : lower.GetValueOrDefault(child.Name, long.MinValue), upper, []);
        }
        return held;
    }

    /// <summary>Writes every recomputed window, deletes the stale ones and saves <paramref name="updated"/>, in one transaction.</summary>
    public void Commit(StreamInfo updated) => store.Write(tx =>
    {
        var sources = StreamGroups.TagSources(target, definition.PartitionBy);
        foreach (var (child, (group, rows, stale)) in _writes)
        {
            stale.ExceptWith(rows.Keys);
            var entry = store.FindEntry(target.Database, child);
            if (entry is null)
            {
                if (rows.Count == 0) continue;
                var tags = StreamGroups.TagValues(target, sources, group.Key, group.GroupId);
                entry = tx.CreateTable(new TableInfo(target.Database, child, TableKind.Child, target.Name, target.Columns, target.Tags, tags));
            }
            else if (entry.Info.SuperTable != target.Name)
            {
                throw new TaosServerException(ServerErrorCode.TableAlreadyExists, "Table already exists");
            }
            if (stale.Count > 0) tx.DeleteRows(entry, stale.Order().ToList());
            if (rows.Count > 0) tx.UpsertRows(entry, _columns, rows.Values.Select(Widen));
        }
        tx.SaveStream(updated);
        return 0;
    });

    /// <summary>A source timestamp in the target database's precision (the ends of time stay where they are).</summary>
    private long ToTarget(long ticks) => ticks is long.MinValue or long.MaxValue ? ticks : Precisions.Convert(ticks, definition.Precision, _targetPrecision);

    /// <summary>A target timestamp in the source database's precision.</summary>
    private long ToSource(long ticks) => Precisions.Convert(ticks, _targetPrecision, definition.Precision);

    private object?[] Widen(object?[] values)
    {
        var row = new object?[target.Columns.Count];
        for (int i = 0; i < _columns.Length; i++)
        {
            var column = target.Columns[_columns[i]];
            object? value = StreamValues.Convert(values[i], column);
            // Timestamps are ticks of the source database; a target database of another precision gets them in its own.
            if (column.Type == TaosDataType.Timestamp && value is long ticks) value = ToTarget(ticks);
            row[_columns[i]] = value;
        }
        return row;
    }

    /// <summary>The target column each written value goes to: the stream's column list by name, else in order.</summary>
    public static int[] ColumnIndexes(StreamDefinition definition, TableInfo target)
    {
        var names = definition.Statement.Columns;
        if (names.Count == 0) return Enumerable.Range(0, definition.OutputCount).ToArray();
        return names.Select(n => target.Columns.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Name == n, (null!, -1)).Item2).ToArray();
    }

    private (StreamGroupResult Group, SortedDictionary<long, object?[]> Rows, HashSet<long> Stale) Writes(StreamGroupResult group)
    {
        if (!_writes.TryGetValue(group.Child, out var write)) _writes[group.Child] = write = (group, [], []);
        return write;
    }

    /// <summary>
    /// Marks the target rows of <paramref name="child"/> from <paramref name="from"/> to <paramref name="to"/> (source
    /// time) whose timestamps (target time) are not in <paramref name="keep"/> for deletion.
    /// </summary>
    private void MarkStale(string child, long from, long to, HashSet<long> keep)
    {
        var info = store.FindTable(target.Database, child);
        if (info is null || from > to) return;
        var stale = new List<long>();
        foreach (var batch in store.ScanBatches(info, ToTarget(from), ToTarget(to), [0]))
        {
            for (int i = 0; i < batch.Count; i++)
            {
                if (!keep.Contains(batch.Columns[0].Longs[i])) stale.Add(batch.Columns[0].Longs[i]);
            }
        }
        if (stale.Count == 0) return;
        if (!_writes.TryGetValue(child, out var write))
            _writes[child] = write = (new StreamGroupResult(child, [], 0), [], []);
        write.Stale.UnionWith(stale);
    }

    /// <summary>Per target child table, the start of its latest window at or before <paramref name="from"/> (where its recompute starts).</summary>
    private Dictionary<string, long> LowerBounds(IReadOnlyList<TableInfo> children, long from)
    {
        var bounds = new Dictionary<string, long>(StringComparer.Ordinal);
        if (from == long.MinValue) return bounds;
        foreach (var (index, rows) in store.LastRows(children, long.MinValue, ToTarget(from), [0], []))
        {
            if (rows.Count > 0) bounds[children[index].Name] = ToSource(rows.Columns[0].Longs[rows.Count - 1]);
        }
        return bounds;
    }

    /// <summary>Runs the stream's query over <paramref name="from"/>..<paramref name="to"/>, its rows by group.</summary>
    private Dictionary<string, StreamGroupResult> Run(long from, long to)
    {
        var result = new QueryExecutor(store, zone).Execute(definition.Restricted(from, to), new SqlSession { Database = stream.SourceDatabase });
        var groups = new Dictionary<string, StreamGroupResult>(StringComparer.Ordinal);
        try
        {
            foreach (var row in result.Rows)
            {
                if (row[0] is not long start) continue;
                var key = row[definition.PartitionOffset..(definition.PartitionOffset + definition.PartitionBy.Count)];
                ulong id = StreamGroups.GroupId(key);
                string child = StreamGroups.ChildName(target, id, definition.SubtableIndex >= 0 ? row[definition.SubtableIndex] as string : null);
                if (!groups.TryGetValue(child, out var group)) groups[child] = group = new StreamGroupResult(child, key, id);
                group.Windows[start] = row[..definition.OutputCount];
                group.Ends[start] = definition.HasWindowEnd && row[definition.OutputCount] is long end ? end : start;
            }
        }
        finally
        {
            (result.Rows as IDisposable)?.Dispose();
        }
        return groups;
    }
}
