using Taos.Protocol;
using Taos.Server.Engine.Functions;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary>The time-series multi-row functions DERIVATIVE, STATECOUNT and STATEDURATION, and HISTOGRAM.</summary>
internal sealed partial class ExpressionCompiler
{
    /// <summary><c>DERIVATIVE(expr, time_interval, ignore_negative)</c>: DOUBLE, the rate per time unit between rows.</summary>
    private MultiRowSpec BindDerivative(string name, IReadOnlyList<Expr> args, CExpr arg)
    {
        if (!TaosTypes.IsNumeric(arg.Type)) throw ParamType(name);
        var unit = Compile(args[1]);
        if (unit.DurationUnit == '\0') throw ParamType(name);
        long ticks = Values.ToLong(unit.Eval(new EvalContext())!);
        if (ticks <= 0) throw InvalidValue(name);
        long mode = ConstantInteger(args[2], name);
        if (mode is not (0 or 1)) throw InvalidValue(name);
        return new MultiRowSpec
        {
            Kind = MultiRowKind.Derivative, Arg = arg, Type = TaosDataType.Double, Length = 8, UnitTicks = ticks, IgnoreNegative = mode == 1,
        };
    }

    /// <summary>
    /// <c>STATECOUNT(expr, oper, val)</c> and <c>STATEDURATION(expr, oper, val[, unit])</c>: BIGINT, how many rows
    /// (how long) the values have passed <c>oper val</c> in a row; −1 for a row that does not pass.
    /// </summary>
    private MultiRowSpec BindState(string name, IReadOnlyList<Expr> args, CExpr arg)
    {
        if (!TaosTypes.IsNumeric(arg.Type)) throw ParamType(name);
        if (Compile(args[1]).Eval(new EvalContext()) is not string oper) throw ParamType(name);
        var op = oper.ToUpperInvariant() switch
        {
            "LT" => BinaryOp.Less,
            "GT" => BinaryOp.Greater,
            "LE" => BinaryOp.LessOrEqual,
            "GE" => BinaryOp.GreaterOrEqual,
            "NE" => BinaryOp.NotEqual,
            "EQ" => BinaryOp.Equal,
            _ => throw InvalidValue(name),
        };
        var value = Compile(args[2]);
        if (!value.IsConstant || value.Eval(new EvalContext()) is not { } v || !Values.IsNumeric(v)) throw ParamType(name);
        long unitTicks = 1;
        if (args.Count == 4)
        {
            var unit = Compile(args[3]);
            if (unit.DurationUnit == '\0') throw ParamType(name);
            unitTicks = Values.ToLong(unit.Eval(new EvalContext())!);
            if (unitTicks <= 0) throw InvalidValue(name);
        }
        var kind = name == "statecount" ? MultiRowKind.StateCount : MultiRowKind.StateDuration;
        return new MultiRowSpec
        {
            Kind = kind, Arg = arg, Type = TaosDataType.BigInt, Length = 8, StateOp = op, StateValue = Values.ToDouble(v), UnitTicks = unitTicks,
        };
    }

    /// <summary>
    /// <c>HISTOGRAM(expr, bin_type, bin_description, normalized)</c>: one VARCHAR(510) row per bin, the bin's edges and
    /// how many values fell in it (as a fraction when normalized is 1).
    /// </summary>
    private MultiRowSpec BindHistogram(string name, IReadOnlyList<Expr> args, CExpr arg)
    {
        if (!TaosTypes.IsNumeric(arg.Type)) throw ParamType(name);
        var binType = Compile(args[1]);
        var description = Compile(args[2]);
        if (!binType.IsConstant || !IsStringType(binType) || !description.IsConstant || !IsStringType(description)) throw ParamType(name);
        var edges = HistogramBins.Edges(Values.ToText(binType.Eval(new EvalContext()) ?? ""), Values.ToText(description.Eval(new EvalContext()) ?? ""))
            ?? throw InvalidValue(name);
        long normalized = ConstantInteger(args[3], name);
        if (normalized is not (0 or 1)) throw InvalidValue(name);
        return new MultiRowSpec
        {
            Kind = MultiRowKind.Histogram, Arg = arg, Type = TaosDataType.VarChar, Length = 510, BinEdges = edges, Normalized = normalized == 1,
        };
    }
}
