using Taos.Protocol;
using Taos.Server.Engine.Functions;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary>HISTOGRAM: bound as a multi-row function whose rows are its bins.</summary>
internal sealed partial class ExpressionCompiler
{
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
