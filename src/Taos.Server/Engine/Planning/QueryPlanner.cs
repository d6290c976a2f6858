using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Operators;
using Taos.Server.Engine.Operators.Windows;

namespace Taos.Server.Engine.Planning;

/// <summary>
/// Turns a <see cref="BoundSelect"/> into a tree of operators by small rules: the source (scan, merged scan, tag
/// rows or rows) and its filter, then one row-producing strategy (multi-row functions, projection, partitioned
/// projection, interval windows, other windows, hash aggregate — over the deciding rows alone for LAST_ROW/LAST, see
/// <see cref="LastRowRule"/>), then DISTINCT, per-partition LIMIT, ORDER BY
/// (top-N) and LIMIT.
/// </summary>
internal sealed class QueryPlanner(TimeZoneInfo zone)
{
    /// <summary>Super tables up to this many children are read merged in ts order (one open reader per child).</summary>
    public const int MaxMergedTables = 256;

    public QueryPlan Plan(BoundSelect bound)
    {
        bool ordered = false;
        RowOperator root;
        if (bound.AlwaysEmpty || SkipsTheOnlyGroup(bound))
        {
            return new QueryPlan(bound.Columns, new EmptyOperator(), bound.Source.Precision);
        }
        if (bound.Interp is { } interp)
        {
            root = new InterpOperator(Source(bound, merged: false), PartitionerOf(bound), interp, OutputProjector.Of(bound), bound.Source.Precision, zone);
        }
        else if (bound.MultiRows.Count > 0)
        {
            var functions = bound.MultiRows.Select(m => new MultiRowFunction(m)).ToList();
            root = new MultiRowOperator(Source(bound, merged: false), PartitionerOf(bound), functions, OutputProjector.Of(bound));
        }
        else if (!bound.IsAggregate)
        {
            root = Projection(bound, out ordered);
        }
        else
        {
            root = bound.Window switch
            {
                BoundInterval interval when bound.Source.IsTableScan => Interval(bound, interval),
                BoundWindow window => Buffered(bound, window),
                null => new HashAggregateOperator(
                    AggregateSource(bound), PartitionerOf(bound), Aggregates(bound), OutputProjector.Of(bound),
                    SeedsTableGroups(bound), RowWidth(bound)),
            };
        }
        root = Finish(bound, root, ordered);
        // A plain projection of bare columns over a table scan (nothing after it) can hand on the scan's vectors.
        var vectors = root is ProjectOperator project && bound.Source.IsTableScan ? project.Vectorized() : null;
        return new QueryPlan(bound.Columns, root, bound.Source.Precision) { Sorted = bound.Order.Count > 0, VectorRoot = vectors };
    }

    private static RowOperator Projection(BoundSelect bound, out bool ordered)
    {
        ordered = false;
        if (IsOrderByTsAscendingOnly(bound) && bound.Source.IsTableScan && bound.Source.Tables.Count <= MaxMergedTables)
        {
            // Each table is read in ts order already: one table needs no sort, several are merged lazily.
            ordered = true;
            return new ProjectOperator(Source(bound, merged: bound.Source.Tables.Count > 1), OutputProjector.Of(bound));
        }
        return bound.Grouping == GroupingKind.PartitionBy
            ? new PartitionedProjectOperator(Source(bound, merged: false), PartitionerOf(bound), OutputProjector.Of(bound))
            : new ProjectOperator(Source(bound, merged: false), OutputProjector.Of(bound));
    }

    /// <summary>
    /// INTERVAL over tables aggregates while scanning. Each group must see its rows in ts order for the
    /// accumulators to add them in that order: one table or partitions by table read the tables one by one; one
    /// group over up to <see cref="MaxMergedTables"/> tables reads them merged.
    /// </summary>
    private RowOperator Interval(BoundSelect bound, BoundInterval interval)
    {
        var source = bound.Source;
        bool sequential = source.Tables.Count <= 1 || bound.PartitionsByTable;
        if (!sequential && bound.Keys.Count > 0) return Buffered(bound, interval);
        bool merged = !sequential && source.Tables.Count <= MaxMergedTables;
        return new IntervalWindowOperator(
            Source(bound, merged), PartitionerOf(bound), Aggregates(bound), interval.Spec, bound.Range, WindowOutputOf(bound, interval), RowWidth(bound));
    }

    private RowOperator Buffered(BoundSelect bound, BoundWindow window)
    {
        var precision = bound.Source.Precision;
        WindowSegmenter segmenter = window switch
        {
            BoundInterval iv => new IntervalSegmenter(iv.Spec, iv.Fill, bound.Range),
            BoundSession s => new SessionSegmenter(s.Gap, precision),
            BoundState st => new StateSegmenter(st.State),
            BoundEvent ev => new EventSegmenter(ev.Start, ev.End),
            BoundCount c => new CountSegmenter(c.Count, c.Sliding),
            _ => throw new InvalidOperationException("unknown window " + window),
        };
        return new BufferedWindowOperator(
            Source(bound, merged: false), PartitionerOf(bound), Aggregates(bound), segmenter, WindowOutputOf(bound, window as BoundInterval), RowWidth(bound));
    }

    private WindowOutput WindowOutputOf(BoundSelect bound, BoundInterval? interval) => new(
        OutputProjector.Of(bound), Aggregates(bound), interval?.Fill ?? Sql.Ast.FillMode.None,
        interval?.Fillable ?? new bool[bound.Items.Count], interval?.FillValues, bound.Items, bound.Source.Precision, zone);

    /// <summary>DISTINCT, LIMIT per partition, ORDER BY (unless the rows come ordered), LIMIT.</summary>
    private static RowOperator Finish(BoundSelect bound, RowOperator root, bool ordered)
    {
        bool perGroupLimit = bound.Grouping == GroupingKind.PartitionBy && (bound.Window is not null || !bound.IsAggregate || bound.MultiRows.Count > 0);
        if (bound.Distinct) root = new DistinctOperator(root);
        if (perGroupLimit && bound.Limit is { } groupLimit) root = new LimitOperator(root, groupLimit, perGroup: true);
        if (bound.Order.Count > 0 && !ordered)
        {
            long keep = !perGroupLimit && bound.Limit is { } sortLimit ? LimitOperator.End(sortLimit) : long.MaxValue;
            root = new SortOperator(root, bound.Order, keep);
        }
        if (!perGroupLimit && bound.Limit is { } limit) root = new LimitOperator(root, limit, perGroup: false);
        return root;
    }

    /// <summary>The source rows passing WHERE.</summary>
    private static BatchOperator Source(BoundSelect bound, bool merged)
    {
        var source = bound.Source;
        int width = RowWidth(bound);
        BatchOperator scan;
        if (source.Layout is null)
        {
            scan = new RowSourceOperator([Array.Empty<object?>()], 0, -1);
        }
        else if (source.SubqueryRows is { } rows)
        {
            scan = new RowSourceOperator(rows, width, source.Layout.TsIndex);
        }
        else if (bound.ScansTagsOnly)
        {
            scan = new TagRowScanOperator(source.Tables, new TableFilter(bound.TagFilters, width), width);
        }
        else
        {
            var filter = new TableFilter(bound.TagFilters, width);
            scan = merged
                ? new MergeScanOperator(source.Catalog!, source.Tables, bound.Range, bound.ScanColumns, filter, width)
                : new TableScanOperator(source.Catalog!, source.Tables, bound.Range, bound.ScanColumns, filter, width);
        }
        // A table scan already applied the terms over tags once per table: the rows it reads pass them.
        var terms = source.IsTableScan ? bound.WhereTerms.Except(bound.TagFilters).ToList() : bound.WhereTerms;
        return terms.Count == 0 ? scan : new FilterOperator(scan, terms);
    }

    /// <summary>The rows an aggregation without a window reads: those deciding LAST_ROW/LAST alone (<see cref="LastRowRule"/>), or all passing WHERE.</summary>
    private static BatchOperator AggregateSource(BoundSelect bound)
    {
        if (LastRowRule.NonNullColumns(bound) is not { } nonNull) return Source(bound, merged: false);
        var source = bound.Source;
        int width = RowWidth(bound);
        return new LastRowScanOperator(
            source.Catalog!, source.Tables, bound.Range, bound.ScanColumns, nonNull, new TableFilter(bound.TagFilters, width), LastRowRule.RowTerms(bound), width);
    }

    private static int RowWidth(BoundSelect bound) => bound.Source.Layout?.RowWidth ?? 0;

    /// <summary>SLIMIT/SOFFSET count the partitions, except under ORDER BY, which merges them into one group.</summary>
    private static Partitioner PartitionerOf(BoundSelect bound) => new(bound.Keys, bound.Order.Count > 0 ? null : bound.SLimit);

    /// <summary>Under ORDER BY the partitions are one group: an SOFFSET (or SLIMIT 0) skips it whole.</summary>
    private static bool SkipsTheOnlyGroup(BoundSelect bound) =>
        bound.Order.Count > 0 && bound.SLimit is { } slimit && (slimit.Offset > 0 || slimit.Count == 0);

    private static AggregateSet Aggregates(BoundSelect bound) => new(bound.Aggregates, bound.SelectorAggregate);

    /// <summary>GROUP BY over tags and tbname of a table scan shows every table's group, with rows or not.</summary>
    private static bool SeedsTableGroups(BoundSelect bound) =>
        bound.Grouping == GroupingKind.GroupBy && bound.Source.IsTableScan && bound.Keys.All(k => !k.UsesColumns);

    /// <summary>ORDER BY the primary timestamp ascending and nothing else, on a plain projection.</summary>
    private static bool IsOrderByTsAscendingOnly(BoundSelect bound)
    {
        if (bound.Order is not [var key] || key.Descending || bound.Grouping == GroupingKind.PartitionBy || bound.Distinct
            || bound.Source.Layout is not { TsIndex: >= 0 } layout)
        {
            return false;
        }
        var slot = key.Item >= 0 ? bound.Items[key.Item].Slot : key.Expr?.Slot;
        return slot is { Kind: SlotKind.Column } && slot.Index == layout.TsIndex;
    }
}
