namespace Taos.Server.Engine.Binding;

/// <summary>The multi-row functions.</summary>
internal enum MultiRowKind { Diff, Csum, Mavg, Top, Bottom, Tail, Unique }

/// <summary>
/// A function that turns the rows of a group into its own number of output rows (DIFF, CSUM, MAVG, TOP, BOTTOM,
/// TAIL, UNIQUE); each output row keeps the input row it came from, so plain columns can be selected next to it.
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
}
