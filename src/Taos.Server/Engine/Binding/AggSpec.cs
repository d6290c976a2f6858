using Taos.Protocol;

using Taos.Server.Engine.Operators.Aggregates;

namespace Taos.Server.Engine.Binding;

/// <summary>The aggregate functions the engine computes.</summary>
internal enum AggKind { CountStar, Count, Avg, Sum, Min, Max, Spread, First, Last, LastRow, Stddev, HyperLogLog, Percentile, Elapsed, Mode, Irate, Twa, LeastSquares }

/// <summary>One aggregate call of the query: what it computes, over what, with which result type.</summary>
internal sealed class AggSpec
{
    public required AggKind Kind { get; init; }
    public CExpr? Arg { get; init; }
    public required TaosDataType Type { get; init; }
    public required int Length { get; init; }

    /// <summary>PERCENTILE's p; ELAPSED's unit in ticks; LEASTSQUARES' start value.</summary>
    public double Param { get; init; }

    /// <summary>LEASTSQUARES' step; IRATE's ticks per second.</summary>
    public double Param2 { get; init; }

    /// <summary>The type a running sum of <paramref name="arg"/> is kept in (SUM and CSUM): DOUBLE, UBIGINT or BIGINT.</summary>
    public static TaosDataType SumType(TaosDataType arg) =>
        arg is TaosDataType.Float or TaosDataType.Double ? TaosDataType.Double
        : TaosTypes.IsUnsigned(arg) ? TaosDataType.UBigInt : TaosDataType.BigInt;

    public bool IsSelector => Kind is AggKind.Min or AggKind.Max or AggKind.First or AggKind.Last or AggKind.LastRow;

    public Accumulator Create() => Kind switch
    {
        AggKind.CountStar => new CountAcc(null),
        AggKind.Count => new CountAcc(Arg),
        AggKind.Avg => new AvgAcc(Arg!),
        AggKind.Sum => new SumAcc(Arg!, Type),
        AggKind.Min => new MinMaxAcc(Arg!, -1),
        AggKind.Max => new MinMaxAcc(Arg!, 1),
        AggKind.Spread => new SpreadAcc(Arg!),
        AggKind.First => new FirstLastAcc(Arg!, first: true, skipNull: true),
        AggKind.Last => new FirstLastAcc(Arg!, first: false, skipNull: true),
        AggKind.LastRow => new FirstLastAcc(Arg!, first: false, skipNull: false),
        AggKind.Stddev => new StddevAcc(Arg!),
        AggKind.HyperLogLog => new DistinctCountAcc(Arg!),
        AggKind.Percentile => new PercentileAcc(Arg!, Param),
        AggKind.Elapsed => new ElapsedAcc(Param),
        AggKind.Mode => new ModeAcc(Arg!),
        AggKind.Irate => new IrateAcc(Arg!, Param2),
        AggKind.Twa => new TwaAcc(Arg!),
        AggKind.LeastSquares => new LeastSquaresAcc(Arg!, Param, Param2),
        _ => throw new InvalidOperationException(),
    };
}
