namespace Taos.Server.Engine.Binding;

/// <summary>The multi-row functions.</summary>
internal enum MultiRowKind { Diff, Csum, Mavg, Top, Bottom, Tail, Unique, Derivative, StateCount, StateDuration, Histogram }

/// <summary>
/// A function that turns the rows of a group into its own number of output rows (DIFF, CSUM, MAVG, TOP, BOTTOM,
/// TAIL, UNIQUE, HISTOGRAM); each output row keeps the input row it came from, so plain columns can be selected next to it.
/// </summary>
internal sealed class MultiRowSpec
{
    public required MultiRowKind Kind { get; init; }
    public required CExpr Arg { get; init; }
    public required TaosDataType Type { get; init; }
    public required int Length { get; init; }
    public long K { get; init; }
    public long Offset { get; init; }
    public bool IgnoreNegative { get; init; }

    /// <summary>DERIVATIVE's time unit, STATEDURATION's unit, in ticks of the source's precision.</summary>
    public long UnitTicks { get; init; } = 1;

    /// <summary>STATECOUNT/STATEDURATION: the comparison (<c>'GT'</c> … as an operator) a value must pass to be in the state.</summary>
    public Sql.Ast.BinaryOp StateOp { get; init; }

    /// <summary>STATECOUNT/STATEDURATION: the value compared with.</summary>
    public double StateValue { get; init; }

    /// <summary>HISTOGRAM: the ascending bin edges.</summary>
    public IReadOnlyList<double> BinEdges { get; init; } = [];

    /// <summary>HISTOGRAM: counts as fractions of the values binned.</summary>
    public bool Normalized { get; init; }
}
