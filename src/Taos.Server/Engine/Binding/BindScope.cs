namespace Taos.Server.Engine.Binding;

/// <summary>
/// Where in a SELECT an expression is bound, which decides what it may contain: aggregate calls (collected into
/// <see cref="Aggregates"/>, one slot each), window pseudo-columns, and multi-row calls (collected into
/// <see cref="MultiRow"/>). The binder owns the lists; a scope shares them between the clauses of one query.
/// </summary>
internal sealed class BindScope
{
    private BindScope(List<AggSpec>? aggregates, bool windowColumns, List<MultiRowSpec>? multiRow)
    {
        Aggregates = aggregates;
        WindowColumns = windowColumns;
        MultiRow = multiRow;
    }

    /// <summary>Row expressions (WHERE, keys, window conditions): no aggregates, no window columns.</summary>
    public static BindScope Row { get; } = new(null, false, null);

    /// <summary>A scope collecting aggregate calls into <paramref name="aggregates"/> (null: none allowed) and multi-row calls into <paramref name="multiRow"/>.</summary>
    public static BindScope Of(List<AggSpec>? aggregates, bool windowColumns, List<MultiRowSpec>? multiRow) =>
        new(aggregates, windowColumns, multiRow);

    /// <summary>Aggregate calls met so far, in order; null when aggregates are not allowed here.</summary>
    public List<AggSpec>? Aggregates { get; }

    /// <summary>Whether <c>_wstart</c>, <c>_wend</c>, <c>_wduration</c> may be used.</summary>
    public bool WindowColumns { get; }

    /// <summary>Multi-row function calls met so far; null when they are not allowed here.</summary>
    public List<MultiRowSpec>? MultiRow { get; }
}
