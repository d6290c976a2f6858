using Taos.Protocol;
using Taos.Server.Engine.Functions;
using Taos.Server.Sql.Ast;
using Taos.Server.Engine.Time;

namespace Taos.Server.Engine.Binding;

/// <summary>Aggregate and multi-row calls: checked, typed and handed to the <see cref="BindScope"/>, which gives each a slot.</summary>
internal sealed partial class ExpressionCompiler
{
    private CExpr CompileAggregate(string name, FunctionInfo info, FunctionExpr fn)
    {
        if (_scope.Aggregates is not { } aggregates || _insideAggregate)
        {
            throw new TaosServerException(9736, "There mustn't be aggregation");
        }
        AggSpec spec;
        _insideAggregate = true;
        try
        {
            if (!info.Accepts(fn.Args.Count)) throw ParamCount(name);
            spec = name switch
            {
                "count" => BindCount(fn.Args[0]),
                "percentile" or "apercentile" => BindPercentile(name, fn.Args),
                "leastsquares" => BindLeastSquares(name, fn.Args),
                "elapsed" => BindElapsed(name, fn.Args),
                _ => BindUnary(name, info, fn.Args[0] is StarExpr ? throw ParamType(name) : Compile(fn.Args[0])),
            };
        }
        finally
        {
            _insideAggregate = false;
        }
        int slot = aggregates.Count;
        aggregates.Add(spec);
        return new CExpr { Type = spec.Type, Length = spec.Length, Eval = c => c.Aggs[slot], HasAggregate = true };
    }

    private AggSpec BindCount(Expr argument)
    {
        if (argument is StarExpr) return new AggSpec { Kind = AggKind.CountStar, Type = TaosDataType.BigInt, Length = 8 };
        var arg = Compile(argument);
        // COUNT(NULL) counts no row; another constant counts every row.
        var kind = arg.IsConstant && !arg.IsNullLiteral ? AggKind.CountStar : AggKind.Count;
        return new AggSpec { Kind = kind, Arg = arg, Type = TaosDataType.BigInt, Length = 8 };
    }

    private AggSpec BindPercentile(string name, IReadOnlyList<Expr> args)
    {
        var arg = Compile(args[0]);
        if (!IsNumericType(arg)) throw ParamType(name);
        // PERCENTILE takes up to 10 percents (its answer is then VARCHAR(510) text); APERCENTILE's third is its algorithm.
        var percents = (name == "percentile" ? args.Skip(1) : args.Skip(1).Take(1)).Select(a =>
        {
            var p = Compile(a);
            if (!p.IsConstant || p.Eval(new EvalContext()) is not { } pv || !Values.IsNumeric(pv)) throw ParamType(name);
            double param = Values.ToDouble(pv);
            if (param < 0 || param > 100) throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Invalid parameter value : " + name);
            return param;
        }).ToList();
        bool many = percents.Count > 1;
        if (name == "apercentile" && !ExactApercentile(args))
        {
            return new AggSpec { Kind = AggKind.Apercentile, Arg = arg, Type = TaosDataType.Double, Length = 8, Param = percents[0] };
        }
        return new AggSpec
        {
            Kind = AggKind.Percentile, Arg = arg, Type = many ? TaosDataType.VarChar : TaosDataType.Double, Length = many ? 510 : 8,
            Param = percents[0], Params = name == "percentile" ? percents : [],
        };
    }

    /// <summary>
    /// APERCENTILE's algorithm: <c>'default'</c> (or none) estimates from a histogram; <c>'t-digest'</c> is answered
    /// exactly, which is what TDengine's t-digest gives for small inputs.
    /// </summary>
    private bool ExactApercentile(IReadOnlyList<Expr> args)
    {
        if (args.Count < 3) return false;
        var a = Compile(args[2]);
        if (!a.IsConstant || !IsStringType(a) || a.Eval(new EvalContext()) is not { } av) throw ParamType("apercentile");
        return Values.ToText(av).ToLowerInvariant() switch
        {
            "default" => false,
            "t-digest" => true,
            _ => throw InvalidValue("apercentile"),
        };
    }

    private AggSpec BindLeastSquares(string name, IReadOnlyList<Expr> args)
    {
        var arg = Compile(args[0]);
        if (!IsNumericType(arg)) throw ParamType(name);
        var a = Compile(args[1]);
        var b = Compile(args[2]);
        if (!a.IsConstant || !b.IsConstant || a.Eval(new EvalContext()) is not { } av || b.Eval(new EvalContext()) is not { } bv
            || !Values.IsNumeric(av) || !Values.IsNumeric(bv)) throw ParamType(name);
        return new AggSpec
        {
            Kind = AggKind.LeastSquares, Arg = arg, Type = TaosDataType.VarChar, Length = 126,
            Param = Values.ToDouble(av), Param2 = Values.ToDouble(bv),
        };
    }

    private AggSpec BindElapsed(string name, IReadOnlyList<Expr> args)
    {
        var arg = Compile(args[0]);
        if (arg.Type != TaosDataType.Timestamp) throw ParamType(name);
        double param = 1;
        if (args.Count == 2)
        {
            var unit = Compile(args[1]);
            if (unit.DurationUnit == '\0') throw ParamType(name);
            param = Math.Max(1, Durations.Ticks(unit.DurationValue, unit.DurationUnit, Precision));
        }
        return new AggSpec { Kind = AggKind.Elapsed, Arg = arg, Type = TaosDataType.Double, Length = 8, Param = param };
    }

    /// <summary>The aggregates of one argument; those of a fixed result type take it from the catalog.</summary>
    private AggSpec BindUnary(string name, FunctionInfo info, CExpr arg)
    {
        bool numeric = TaosTypes.IsNumeric(arg.Type) || arg.Type == TaosDataType.Bool || arg.IsNullLiteral;
        AggKind kind;
        double param2 = 0;
        switch (name)
        {
            case "avg" or "stddev" or "stddev_pop" or "sum":
                if (!numeric) throw ParamType(name);
                kind = name switch { "avg" => AggKind.Avg, "sum" => AggKind.Sum, _ => AggKind.Stddev };
                break;
            case "min" or "max":
                if (!TaosTypes.IsNumeric(arg.Type) && arg.Type != TaosDataType.Bool) throw ParamType(name);
                kind = name == "min" ? AggKind.Min : AggKind.Max;
                break;
            case "spread":
                if (!(TaosTypes.IsNumeric(arg.Type) || arg.Type == TaosDataType.Timestamp)) throw ParamType(name);
                kind = AggKind.Spread;
                break;
            case "irate" or "twa":
                if (!numeric) throw ParamType(name);
                kind = name == "irate" ? AggKind.Irate : AggKind.Twa;
                param2 = PrecisionTicks.PerSecond(Precision);
                break;
            case "mode":
                kind = AggKind.Mode;
                break;
            case "hyperloglog":
                kind = AggKind.HyperLogLog;
                break;
            default:
                kind = name switch { "first" => AggKind.First, "last" => AggKind.Last, _ => AggKind.LastRow };
                break;
        }
        var type = info.ResultType ?? (kind == AggKind.Sum ? AggSpec.SumType(arg.Type) : arg.Type);
        int length = info.ResultType is not null || kind == AggKind.Sum ? 8 : arg.Length;
        return new AggSpec { Kind = kind, Arg = arg, Type = type, Length = length, Param2 = param2 };
    }

    private long ConstantInteger(Expr e, string fn)
    {
        var c = Compile(e);
        if (!c.IsConstant || c.Eval(new EvalContext()) is not { } v || !Values.IsIntegral(v)) throw ParamType(fn);
        return Values.ToLong(v);
    }

    private static TaosServerException InvalidValue(string fn) =>
        new(ServerErrorCode.InvalidParameterValue, "Invalid parameter value : " + fn);

    private CExpr CompileMultiRow(string name, FunctionInfo info, FunctionExpr fn)
    {
        if (_scope.MultiRow is not { } multiRow)
        {
            throw new TaosServerException(ServerErrorCode.NotSingleGroup, "Not a single-group group function");
        }
        var args = fn.Args;
        if (!info.Accepts(args.Count)) throw ParamCount(name);
        var arg = args[0] is StarExpr ? throw ParamType(name) : Compile(args[0]);
        var spec = name switch
        {
            "diff" => BindDiff(name, args, arg),
            "csum" or "mavg" => BindRunning(name, args, arg),
            "top" or "bottom" or "tail" => BindPick(name, args, arg),
            "derivative" => BindDerivative(name, args, arg),
            "statecount" or "stateduration" => BindState(name, args, arg),
            "histogram" => BindHistogram(name, args, arg),
            _ => new MultiRowSpec { Kind = MultiRowKind.Unique, Arg = arg, Type = arg.Type, Length = arg.Length },
        };
        int slot = multiRow.Count;
        multiRow.Add(spec);
        if (spec.Kind == MultiRowKind.Diff && _depth > 1)
        {
            // TDengine 3.3.0.1 reads DIFF's NULL rows as 0 where the call is an operand of a larger expression.
            object zero = spec.Type == TaosDataType.Double ? (object)0.0 : 0L;
            return new CExpr { Type = spec.Type, Length = spec.Length, Eval = c => c.Aggs[slot] ?? zero, HasAggregate = true };
        }
        return new CExpr { Type = spec.Type, Length = spec.Length, Eval = c => c.Aggs[slot], HasAggregate = true };
    }

    private MultiRowSpec BindDiff(string name, IReadOnlyList<Expr> args, CExpr arg)
    {
        bool numeric = TaosTypes.IsNumeric(arg.Type) || arg.Type == TaosDataType.Bool;
        if (!(numeric || arg.Type == TaosDataType.Timestamp)) throw ParamType(name);
        bool ignoreNegative = false;
        if (args.Count == 2)
        {
            long mode = ConstantInteger(args[1], name);
            if (mode is not (0 or 1)) throw InvalidValue(name);
            ignoreNegative = mode == 1;
        }
        var type = arg.Type is TaosDataType.Float or TaosDataType.Double ? TaosDataType.Double : TaosDataType.BigInt;
        return new MultiRowSpec { Kind = MultiRowKind.Diff, Arg = arg, Type = type, Length = 8, IgnoreNegative = ignoreNegative };
    }

    private MultiRowSpec BindRunning(string name, IReadOnlyList<Expr> args, CExpr arg)
    {
        if (!(TaosTypes.IsNumeric(arg.Type) || arg.Type == TaosDataType.Bool)) throw ParamType(name);
        if (name == "csum") return new MultiRowSpec { Kind = MultiRowKind.Csum, Arg = arg, Type = AggSpec.SumType(arg.Type), Length = 8 };
        long k = ConstantInteger(args[1], name);
        if (k < 1 || k > 1000) throw InvalidValue(name);
        return new MultiRowSpec { Kind = MultiRowKind.Mavg, Arg = arg, Type = TaosDataType.Double, Length = 8, K = k };
    }

    private MultiRowSpec BindPick(string name, IReadOnlyList<Expr> args, CExpr arg)
    {
        if (name != "tail" && !TaosTypes.IsNumeric(arg.Type)) throw ParamType(name);
        long k = ConstantInteger(args[1], name);
        if (k < 1 || k > 100) throw InvalidValue(name);
        long offset = 0;
        if (args.Count == 3)
        {
            offset = ConstantInteger(args[2], name);
            if (offset < 0 || offset > 100) throw InvalidValue(name);
        }
        var kind = name switch { "top" => MultiRowKind.Top, "bottom" => MultiRowKind.Bottom, _ => MultiRowKind.Tail };
        return new MultiRowSpec { Kind = kind, Arg = arg, Type = arg.Type, Length = arg.Length, K = k, Offset = offset };
    }
}
