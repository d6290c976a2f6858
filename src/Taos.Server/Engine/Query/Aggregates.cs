using Taos.Protocol;

namespace Taos.Server.Engine.Query;

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

/// <summary>Running state of one aggregate over one group or window.</summary>
internal abstract class Accumulator
{
    /// <summary>Adds the row in <paramref name="ctx"/>; <paramref name="ts"/> is its primary timestamp (or its ordinal).</summary>
    public abstract void Add(EvalContext ctx, long ts);

    public abstract object? Result();

    /// <summary>For selectors: the row the result came from.</summary>
    public virtual (object?[] Row, Catalog.TableInfo? Table)? Selected => null;
}

internal sealed class CountAcc(CExpr? arg) : Accumulator
{
    private long _n;

    public override void Add(EvalContext ctx, long ts)
    {
        if (arg is null || arg.Eval(ctx) is not null) _n++;
    }

    public override object? Result() => _n;
}

internal sealed class AvgAcc(CExpr arg) : Accumulator
{
    private long _n;
    private Int128 _intSum;
    private long _longSum;
    private double _doubleSum;
    private bool _floating;

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is null) return;
        _n++;
        if (v is float or double)
        {
            _floating = true;
            _doubleSum += Values.ToDouble(v);
        }
        else if (v is ulong u)
        {
            _intSum += u;
        }
        else
        {
            // A long accumulator is much cheaper than Int128; spill into the wide sum only on overflow.
            long x = Values.ToLong(v);
            long r = unchecked(_longSum + x);
            if (((_longSum ^ r) & (x ^ r)) < 0)
            {
                _intSum += _longSum;
                _longSum = x;
            }
            else
            {
                _longSum = r;
            }
        }
    }

    public override object? Result() => _n == 0 ? null : _floating ? _doubleSum / _n : (double)(_intSum + _longSum) / _n;
}

internal sealed class SumAcc(CExpr arg, TaosDataType type) : Accumulator
{
    private bool _any;
    private long _long;
    private ulong _ulong;
    private double _double;

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is null) return;
        _any = true;
        switch (type)
        {
            case TaosDataType.Double: _double += Values.ToDouble(v); break;
            case TaosDataType.UBigInt: _ulong = unchecked(_ulong + (v is ulong u ? u : (ulong)Values.ToLong(v))); break;
            default: _long = unchecked(_long + Values.ToLong(v)); break;
        }
    }

    public override object? Result() => !_any ? null : type switch
    {
        TaosDataType.Double => _double,
        TaosDataType.UBigInt => _ulong,
        _ => (object)_long,
    };
}

internal sealed class MinMaxAcc(CExpr arg, int sign) : Accumulator
{
    private object? _best;
    private (object?[], Catalog.TableInfo?)? _row;

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is null) return;
        if (_best is null || Values.Compare(v, _best) * sign > 0)
        {
            _best = v;
            _row = (ctx.Row, ctx.Table);
        }
    }

    public override object? Result() => _best;

    public override (object?[] Row, Catalog.TableInfo? Table)? Selected => _row;
}

internal sealed class SpreadAcc(CExpr arg) : Accumulator
{
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private bool _any;

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is null) return;
        double d = Values.ToDouble(v);
        _any = true;
        if (d < _min) _min = d;
        if (d > _max) _max = d;
    }

    public override object? Result() => _any ? _max - _min : null;
}

internal sealed class FirstLastAcc(CExpr arg, bool first, bool skipNull) : Accumulator
{
    private bool _any;
    private long _ts;
    private object? _value;
    private (object?[], Catalog.TableInfo?)? _row;

    public override void Add(EvalContext ctx, long ts)
    {
        if (_any && (first ? ts >= _ts : ts < _ts)) return;
        var v = arg.Eval(ctx);
        if (skipNull && v is null) return;
        _any = true;
        _ts = ts;
        _value = v;
        _row = (ctx.Row, ctx.Table);
    }

    public override object? Result() => _value;

    public override (object?[] Row, Catalog.TableInfo? Table)? Selected => _row;

    /// <summary>Whether any row was taken (LAST_ROW over no rows yields no row at all).</summary>
    public bool Any => _any;
}

internal sealed class StddevAcc(CExpr arg) : Accumulator
{
    private long _n;
    private double _sum;
    private double _sumSquares;

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is null) return;
        double d = Values.ToDouble(v);
        _n++;
        _sum += d;
        _sumSquares += d * d;
    }

    public override object? Result()
    {
        if (_n == 0) return null;
        double avg = _sum / _n;
        return Math.Sqrt(Math.Abs(_sumSquares / _n - avg * avg));
    }
}

internal sealed class DistinctCountAcc(CExpr arg) : Accumulator
{
    private readonly HashSet<string> _seen = [];

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is not null) _seen.Add(Values.KeyOf(v));
    }

    public override object? Result() => (long)_seen.Count;
}

internal sealed class PercentileAcc(CExpr arg, double p) : Accumulator
{
    private readonly List<double> _values = [];

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is not null) _values.Add(Values.ToDouble(v));
    }

    public override object? Result()
    {
        if (_values.Count == 0) return null;
        _values.Sort();
        double pos = (_values.Count - 1) * p / 100.0;
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, _values.Count - 1);
        return _values[lo] + (_values[hi] - _values[lo]) * (pos - lo);
    }
}

internal sealed class ElapsedAcc(double unitTicks) : Accumulator
{
    private bool _any;
    private long _min;
    private long _max;

    public override void Add(EvalContext ctx, long ts)
    {
        if (!_any) { _min = _max = ts; _any = true; return; }
        if (ts < _min) _min = ts;
        if (ts > _max) _max = ts;
    }

    public override object? Result() => _any ? (_max - _min) / unitTicks : null;
}

/// <summary>The most frequent non-NULL value; on a tie the one seen first.</summary>
internal sealed class ModeAcc(CExpr arg) : Accumulator
{
    private readonly Dictionary<string, (object Value, long Count, long First)> _counts = [];
    private long _seq;

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is null) return;
        string key = Values.KeyOf(v);
        _counts[key] = _counts.TryGetValue(key, out var e) ? (e.Value, e.Count + 1, e.First) : (v, 1, _seq);
        _seq++;
    }

    public override object? Result() => _counts.Count == 0 ? null
        : _counts.Values.OrderByDescending(e => e.Count).ThenBy(e => e.First).First().Value;
}

/// <summary>Keeps every non-NULL value with its timestamp, for the functions that need the points in time order.</summary>
internal abstract class PointsAcc(CExpr arg) : Accumulator
{
    protected List<(long Ts, double V)> Points { get; } = [];

    public override void Add(EvalContext ctx, long ts)
    {
        if (arg.Eval(ctx) is { } v) Points.Add((ts, Values.ToDouble(v)));
    }

    /// <summary>The points in ts order (stable: rows with equal ts keep their arrival order).</summary>
    protected List<(long Ts, double V)> SortedPoints() => Points.OrderBy(p => p.Ts).ToList();
}

/// <summary>Per-second rate between the last two points (a drop counts as a counter reset).</summary>
internal sealed class IrateAcc(CExpr arg, double ticksPerSecond) : PointsAcc(arg)
{
    public override object? Result()
    {
        if (Points.Count == 0) return null;
        if (Points.Count == 1) return 0.0;
        var sorted = SortedPoints();
        var (t1, v1) = sorted[^2];
        var (t2, v2) = sorted[^1];
        if (t2 == t1) return 0.0;
        double delta = v2 < v1 ? v2 : v2 - v1;
        return delta / ((t2 - t1) / ticksPerSecond);
    }
}

/// <summary>Time-weighted average: the area under the line through the points over the covered span.</summary>
internal sealed class TwaAcc(CExpr arg) : PointsAcc(arg)
{
    public override object? Result()
    {
        if (Points.Count == 0) return null;
        var sorted = SortedPoints();
        if (sorted.Count == 1 || sorted[^1].Ts == sorted[0].Ts) return sorted[0].V;
        double area = 0;
        for (int i = 1; i < sorted.Count; i++)
        {
            area += (sorted[i].V + sorted[i - 1].V) / 2 * (sorted[i].Ts - sorted[i - 1].Ts);
        }
        return area / (sorted[^1].Ts - sorted[0].Ts);
    }
}

/// <summary>Linear fit of the values against x = start, start + step, …: <c>{slop:…, intercept:…}</c>.</summary>
internal sealed class LeastSquaresAcc(CExpr arg, double start, double step) : Accumulator
{
    private long _n;
    private double _x;
    private double _sx, _sy, _sxx, _sxy;

    public override void Add(EvalContext ctx, long ts)
    {
        var v = arg.Eval(ctx);
        if (v is null) return;
        double x = start + _x, y = Values.ToDouble(v);
        _x += step;
        _n++;
        _sx += x;
        _sy += y;
        _sxx += x * x;
        _sxy += x * y;
    }

    public override object? Result()
    {
        if (_n == 0) return null;
        double d = _n * _sxx - _sx * _sx;
        double slope = d == 0 ? 0 : (_n * _sxy - _sx * _sy) / d;
        double intercept = (_sy - slope * _sx) / _n;
        return "{slop:" + slope.ToString("F6", System.Globalization.CultureInfo.InvariantCulture) + ", intercept:" +
               intercept.ToString("F6", System.Globalization.CultureInfo.InvariantCulture) + "}";
    }
}
