using Taos.Protocol;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary>The time-series multi-row functions DERIVATIVE, STATECOUNT and STATEDURATION.</summary>
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
}
