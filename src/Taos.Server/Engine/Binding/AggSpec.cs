using Taos.Protocol;
namespace Taos.Server.Engine.Binding;

/// <summary>The aggregate functions the engine computes.</summary>
internal enum AggKind { CountStar, Count, Avg, Sum, Min, Max, Spread, First, Last, LastRow, Stddev, HyperLogLog, Percentile, Apercentile, Elapsed, Mode, Irate, Twa, LeastSquares }

/// <summary>One aggregate call of the query: what it computes, over what, with which result type.</summary>
internal sealed class AggSpec
{
    public required AggKind Kind { get; init; }
    public CExpr? Arg { get; init; }
    public required TaosDataType Type { get; init; }
    public required int Length { get; init; }

    /// <summary>PERCENTILE's and APERCENTILE's p; ELAPSED's unit in ticks; LEASTSQUARES' start value.</summary>
    public double Param { get; init; }

    /// <summary>LEASTSQUARES' step; IRATE's ticks per second.</summary>
    public double Param2 { get; init; }

    /// <summary>PERCENTILE's percents (several: its result is their values as text); empty for APERCENTILE.</summary>
    public IReadOnlyList<double> Params { get; init; } = [];

    /// <summary>The type a running sum of <paramref name="arg"/> is kept in (SUM and CSUM): DOUBLE, UBIGINT or BIGINT.</summary>
    public static TaosDataType SumType(TaosDataType arg) =>
        arg is TaosDataType.Float or TaosDataType.Double ? TaosDataType.Double
        : TaosTypes.IsUnsigned(arg) ? TaosDataType.UBigInt : TaosDataType.BigInt;

    public bool IsSelector => Kind is AggKind.Min or AggKind.Max or AggKind.First or AggKind.Last or AggKind.LastRow;
}
