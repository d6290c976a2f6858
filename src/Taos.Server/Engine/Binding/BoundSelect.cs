using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary>How the rows of a query are split into groups.</summary>
internal enum GroupingKind { None, GroupBy, PartitionBy }

/// <summary>
/// A SELECT after binding: every name resolved, every type known, every error raised. The planner turns it into
/// operators; nothing here changes afterwards.
/// </summary>
internal sealed record BoundSelect
{
    public required QuerySource Source { get; init; }

    /// <summary>The result columns, one per select item after <c>*</c> expansion.</summary>
    public required IReadOnlyList<ResultColumn> Columns { get; init; }

    public required IReadOnlyList<CExpr> Items { get; init; }

    /// <summary>The top-level AND terms of WHERE, each bound on its own (a filter may run some on typed vectors).</summary>
    public required IReadOnlyList<CExpr> WhereTerms { get; init; }

    /// <summary>WHERE terms that read only tags and tbname: tested once per table.</summary>
    public required IReadOnlyList<CExpr> TagFilters { get; init; }

    public required TimeRange Range { get; init; }

    /// <summary>The schema columns a table scan must read (0, the timestamp, always).</summary>
    public required IReadOnlyList<int> ScanColumns { get; init; }

    /// <summary>
    /// <c>SELECT TAGS</c> naming tags or <c>tbname</c> and no column: one source row per table, read from the catalog
    /// (TDengine's tag scan); a TAGS query that names a column reads the rows as any query does.
    /// </summary>
    public bool ScansTagsOnly { get; init; }

    public required GroupingKind Grouping { get; init; }

    /// <summary>The GROUP BY or PARTITION BY keys.</summary>
    public required IReadOnlyList<CExpr> Keys { get; init; }

    /// <summary>PARTITION BY includes <c>tbname</c>: every group is (part of) one table.</summary>
    public bool PartitionsByTable { get; init; }

    /// <summary>Aggregates, a window, GROUP BY or HAVING: one output row per group or window.</summary>
    public required bool IsAggregate { get; init; }

    public required IReadOnlyList<AggSpec> Aggregates { get; init; }

    /// <summary>The only aggregate when it is a selector (plain columns then show its row), else −1.</summary>
    public required int SelectorAggregate { get; init; }

    /// <summary>The multi-row calls (several only of DIFF and CSUM, whose outputs line up by position).</summary>
    public IReadOnlyList<MultiRowSpec> MultiRows { get; init; } = [];

    /// <summary>INTERP's points and fill: one output row per point and group.</summary>
    public BoundInterp? Interp { get; init; }

    public CExpr? Having { get; init; }

    /// <summary>WHERE folded to a constant false: no rows at all, not even an aggregate's one row.</summary>
    public bool AlwaysEmpty { get; init; }

    public required IReadOnlyList<OrderKey> Order { get; init; }

    public BoundWindow? Window { get; init; }

    public required bool Distinct { get; init; }

    public LimitClause? Limit { get; init; }

    public LimitClause? SLimit { get; init; }
}
