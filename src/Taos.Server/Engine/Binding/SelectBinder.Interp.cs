using Taos.Server.Engine.Time;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary>INTERP queries: RANGE, EVERY and FILL, checked and fixed in ticks as TDengine 3.3.0.1 does.</summary>
internal sealed partial class SelectBinder
{
    /// <summary>TSDB_CODE_PAR_INVALID_INTERP_CLAUSE (0x265D).</summary>
    private const int InvalidInterpClause = 9821;

    /// <summary>An INTERP query: one with an INTERP call in its select list.</summary>
    private bool IsInterpQuery() => _items.Any(i => ContainsInterp(i.Expr));

    /// <summary>
    /// RANGE, EVERY or FILL (FILL not of an INTERVAL) without an INTERP call: TDengine checks this after the select
    /// list [src parTranslater.c translateInterp; parUtil.c getSyntaxErrFormat].
    /// </summary>
    private void CheckNoInterpClauses()
    {
        if (_select.Range is not null || _select.Every is not null || _select.Fill is not null)
        {
            throw new TaosServerException(InvalidInterpClause, "Invalid usage of RANGE clause, EVERY clause or FILL clause");
        }
    }

    private static bool ContainsInterp(Expr e) =>
        (e is FunctionExpr f && f.Name.Equals("interp", StringComparison.OrdinalIgnoreCase)) || Children(e).Any(ContainsInterp);

    /// <summary>The bound clauses of an INTERP query whose calls' arguments are <paramref name="args"/>.</summary>
    private BoundInterp BindInterp(List<CExpr> args)
    {
        if (_select.Range is not { } range || _select.Every is not { } every || _select.Fill is not { } fill)
        {
            throw new TaosServerException(InvalidInterpClause, "Missing RANGE clause, EVERY clause or FILL clause");
        }
        if (fill.Mode == FillMode.None)
        {
            throw new TaosServerException(9733, "Unsupported fill type");
        }
        long start = RangeBound(range.Start);
        long end = range.End is { } e ? RangeBound(e) : start;
        long step = Durations.Ticks(every, _source.Precision);
        if (step <= 0) throw new TaosServerException(ServerErrorCode.IntervalTooSmall, "Interval cannot be less than 1 ms");
        object?[]? fillValues = null;
        if (fill.Mode is FillMode.Value or FillMode.ValueF)
        {
            if (fill.Values.Count != args.Count)
            {
                throw new TaosServerException(ServerErrorCode.FillValuesMismatch, "Filled values number mismatch");
            }
            fillValues = args.Select((a, i) =>
                Values.Convert(_rowCompiler.Compile(fill.Values[i]).Eval(new EvalContext()), a.Type, _source.Precision, _zone)).ToArray();
        }
        return new BoundInterp(start, end, step, fill.Mode, fillValues, args);
    }

    /// <summary>A RANGE bound: a timestamp text or a number of ticks.</summary>
    private long RangeBound(Expr e)
    {
        if (!TryTimestampConstant(e, out long ticks, out _))
        {
            throw new TaosServerException(ServerErrorCode.InvalidValue, "syntax error near '" + e.Text + "' (invalid timestamp)");
        }
        return ticks;
    }
}
