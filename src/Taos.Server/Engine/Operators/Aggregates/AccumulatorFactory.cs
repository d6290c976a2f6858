using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>Makes the accumulator computing a bound aggregate call.</summary>
internal static class AccumulatorFactory
{
    public static Accumulator Create(AggSpec spec) => spec.Kind switch
    {
        AggKind.CountStar => new CountAcc(null),
        AggKind.Count => new CountAcc(spec.Arg),
        AggKind.Avg => new AvgAcc(spec.Arg!),
        AggKind.Sum => new SumAcc(spec.Arg!, spec.Type),
        AggKind.Min => new MinMaxAcc(spec.Arg!, -1),
        AggKind.Max => new MinMaxAcc(spec.Arg!, 1),
        AggKind.Spread => new SpreadAcc(spec.Arg!),
        AggKind.First => new FirstLastAcc(spec.Arg!, first: true, skipNull: true),
        AggKind.Last => new FirstLastAcc(spec.Arg!, first: false, skipNull: true),
        AggKind.LastRow => new FirstLastAcc(spec.Arg!, first: false, skipNull: false),
        AggKind.Stddev => new StddevAcc(spec.Arg!),
        AggKind.HyperLogLog => new DistinctCountAcc(spec.Arg!),
        AggKind.Percentile => new PercentileAcc(spec.Arg!, spec.Params.Count > 0 ? spec.Params : [spec.Param]),
        AggKind.Apercentile => new ApercentileAcc(spec.Arg!, spec.Param),
        AggKind.Elapsed => new ElapsedAcc(spec.Param),
        AggKind.Mode => new ModeAcc(spec.Arg!),
        AggKind.Irate => new IrateAcc(spec.Arg!, spec.Param2),
        AggKind.Twa => new TwaAcc(spec.Arg!),
        AggKind.LeastSquares => new LeastSquaresAcc(spec.Arg!, spec.Param, spec.Param2),
        _ => throw new InvalidOperationException("unknown aggregate " + spec.Kind),
    };
}
