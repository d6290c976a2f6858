namespace Taos.Server.Engine.Explain;

/// <summary>
/// One line of an EXPLAIN plan and the lines under it: TDengine's operator name (<see cref="Name"/>, e.g.
/// <c>Table Scan on meters</c>), the words written before the parenthesis (<see cref="Prefix"/>, Sort's orders), the
/// fields in the parenthesis, the VERBOSE lines, and the operator whose rows EXPLAIN ANALYZE counts.
/// </summary>
internal sealed class PlanNode
{
    /// <summary>TDengine's name of the operator, with its object (<c>Interval on Column ts</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The text between the name and the parenthesis, as written (Sort's <c> input_order=… output_order=… </c>).</summary>
    public string Prefix { get; init; } = "";

    /// <summary>The fields in the parenthesis, in TDengine's order (<c>columns=4</c>, <c>width=26</c>, …).</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>TDengine writes a blank before the closing parenthesis of this operator's line.</summary>
    public bool BlankBeforeClose { get; init; }

    /// <summary>The lines VERBOSE true adds under the operator.</summary>
    public IReadOnlyList<string> Verbose { get; init; } = [];

    /// <summary>The lines ANALYZE adds under the operator, given what was measured.</summary>
    public Func<Measurement, IReadOnlyList<string>>? Analyzed { get; init; }

    /// <summary>The engine's operator (a RowOperator or BatchOperator) whose output this line describes.</summary>
    public object? Operator { get; init; }

    /// <summary>The operators feeding this one.</summary>
    public List<PlanNode> Children { get; } = [];

    /// <summary>What EXPLAIN ANALYZE measured running <see cref="Operator"/>; null before (or without) ANALYZE.</summary>
    public Measurement? Measured { get; set; }
}

/// <summary>
/// What running one operator to its end gave: milliseconds to its first row (<see cref="StartupMs"/>) and to its last
/// (<see cref="TotalMs"/>), its rows, and the batches it read (scans).
/// </summary>
internal sealed record Measurement(double StartupMs, double TotalMs, long Rows, long Batches);
