using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary>INTERP calls and the pseudo-columns <c>_irowts</c> and <c>_isfilled</c> of an INTERP query's select list.</summary>
internal sealed partial class ExpressionCompiler
{
    /// <summary>
    /// <c>INTERP(expr)</c>: the argument is bound as a row expression into the next slot of <paramref name="interp"/>;
    /// the call reads the value the INTERP operator puts there for each point, typed as its argument.
    /// </summary>
    private CExpr CompileInterp(FunctionExpr fn, List<CExpr> interp)
    {
        if (fn.Args is not [var argument] || argument is StarExpr) throw ParamCount("interp");
        var arg = Compile(argument);
        int slot = interp.Count;
        interp.Add(arg);
        return new CExpr { Type = arg.Type, Length = arg.Length, Eval = c => c.Aggs[slot], HasAggregate = true };
    }

    /// <summary><c>_irowts</c>, the point's timestamp, and <c>_isfilled</c>, whether its values were filled.</summary>
    private static CExpr InterpColumn(string name) => name == "_irowts"
        ? new CExpr { Type = TaosDataType.Timestamp, Length = 8, Eval = c => c.WStart }
        : new CExpr { Type = TaosDataType.Bool, Length = 1, Eval = c => c.IsFilled };
}
