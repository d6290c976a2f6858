namespace Taos.Server.Engine.Binding;

/// <summary>
/// Where in a SELECT an expression is bound, which decides what it may contain: aggregate calls (collected into
/// <see cref="Aggregates"/>, one slot each), window pseudo-columns, and multi-row calls (collected into
/// <see cref="MultiRow"/>). The binder owns the lists; a scope shares them between the clauses of one query.
/// </summary>
internal sealed class BindScope
{
    private BindScope(List<AggSpec>? aggregates, bool windowColumns, List<MultiRowSpec>? multiRow, List<CExpr>? interp)
    {
        Aggregates = aggregates;
        WindowColumns = windowColumns;
        MultiRow = multiRow;
        Interp = interp;
    }

    /// <summary>Row expressions (WHERE, keys, window conditions): no aggregates, no window columns.</summary>
    public static BindScope Row { get; } = new(null, false, null, null);

    /// <summary>A scope collecting aggregate calls into <paramref name="aggregates"/> (null: none allowed) and multi-row calls into <paramref name="multiRow"/>.</summary>
    public static BindScope Of(List<AggSpec>? aggregates, bool windowColumns, List<MultiRowSpec>? multiRow) =>
        new(aggregates, windowColumns, multiRow, null);

    /// <summary>The select list of an INTERP query: INTERP calls' arguments collect into <paramref name="interp"/>, one slot each.</summary>
    public static BindScope OfInterp(List<CExpr> interp) => new(null, false, null, interp);

    /// <summary>Aggregate calls met so far, in order; null when aggregates are not allowed here.</summary>
    public List<AggSpec>? Aggregates { get; }

    /// <summary>Whether <c>_wstart</c>, <c>_wend</c>, <c>_wduration</c> may be used.</summary>
    public bool WindowColumns { get; }

    /// <summary>Multi-row function calls met so far; null when they are not allowed here.</summary>
    public List<MultiRowSpec>? MultiRow { get; }

    /// <summary>The arguments of INTERP calls met so far; null outside an INTERP query's select list.</summary>
    public List<CExpr>? Interp { get; }
}
