using Taos.Server.Sql.Ast;
using Taos.Server.Engine.Time;

namespace Taos.Server.Engine.Binding;

/// <summary>WHERE (time range and tag filters), the window conditions, ORDER BY and INTERVAL's FILL.</summary>
internal sealed partial class SelectBinder
{
    /// <summary>WHERE bound: its AND terms, those over tags only, and the time range they imply.</summary>
    private sealed record BoundWhere(IReadOnlyList<CExpr> Terms, IReadOnlyList<CExpr> TagFilters, TimeRange Range)
    {
        /// <summary>A term folded to a constant false or NULL (e.g. <c>col = NULL</c>): the query has no rows at all.</summary>
        public bool AlwaysFalse => Terms.Any(t => t.IsConstant && !Values.IsTrue(t.Eval(new EvalContext())));
    }

    private static IEnumerable<Expr> Conjuncts(Expr e)
    {
        if (e is BinaryExpr { Op: BinaryOp.And } b)
        {
            foreach (var x in Conjuncts(b.Left)) yield return x;
            foreach (var x in Conjuncts(b.Right)) yield return x;
        }
        else
        {
            yield return e;
        }
    }

    private bool IsPrimaryTs(Expr e)
    {
        if (e is not ColumnExpr c || Layout is null || Layout.TsIndex < 0) return false;
        if (c.Name.ToLowerInvariant() is "_rowts" or "_c0") return true;
        var slot = Layout.Find(c.Name, c.Qualifier);
        return slot is { Kind: SlotKind.Column } && slot.Index == Layout.TsIndex;
    }

    /// <summary>
    /// WHERE bound term by term (its top-level ANDs, in the order a whole compile meets them): the primary-timestamp
    /// bounds among them, and the terms that read only tags.
    /// </summary>
    private BoundWhere BindWhere()
    {
        if (_select.Where is null) return new BoundWhere([], [], TimeRange.All);
        var terms = new List<CExpr>();
        var tagFilters = new List<CExpr>();
        var range = TimeRange.All;
        foreach (var conj in Conjuncts(_select.Where))
        {
            if (conj is UnaryExpr { Op: UnaryOp.Not, Operand: BinaryExpr })
            {
                // TDengine 3.3.0.1 fails a filter that negates a comparison.
                throw new TaosServerException(272, "Unexpected generic error");
            }
            range = Narrow(range, conj);
            var compiled = _rowCompiler.Compile(conj);
            terms.Add(compiled);
            if (_source.IsTableScan && !compiled.UsesColumns && !compiled.IsConstant) tagFilters.Add(compiled);
        }
        return new BoundWhere(terms, tagFilters, range);
    }

    private TimeRange Narrow(TimeRange range, Expr conj)
    {
        switch (conj)
        {
            case BinaryExpr b when b.Op is BinaryOp.Greater or BinaryOp.GreaterOrEqual or BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Equal:
                {
                    var op = b.Op;
                    long t;
                    bool fractional;
                    if (IsPrimaryTs(b.Left) && TryTimestampConstant(b.Right, out t, out fractional)) { }
                    else if (IsPrimaryTs(b.Right) && TryTimestampConstant(b.Left, out t, out fractional))
                    {
                        op = op switch
                        {
                            BinaryOp.Greater => BinaryOp.Less,
                            BinaryOp.GreaterOrEqual => BinaryOp.LessOrEqual,
                            BinaryOp.Less => BinaryOp.Greater,
                            BinaryOp.LessOrEqual => BinaryOp.GreaterOrEqual,
                            _ => op,
                        };
                    }
                    else return range;
                    return op switch
                    {
                        BinaryOp.Greater => range.AtLeast(t == long.MaxValue ? t : t + 1),
                        BinaryOp.GreaterOrEqual => range.AtLeast(t),
                        // ts < 5.5 admits ts = 5 (the floored t) itself.
                        BinaryOp.Less => range.AtMost(fractional || t == long.MinValue ? t : t - 1),
                        BinaryOp.LessOrEqual => range.AtMost(t),
                        _ => range.AtLeast(t).AtMost(t),
                    };
                }
            case BetweenExpr { Negated: false } bt when IsPrimaryTs(bt.Operand):
                if (TryTimestampConstant(bt.Low, out long lo, out _)) range = range.AtLeast(lo);
                if (TryTimestampConstant(bt.High, out long hi, out _)) range = range.AtMost(hi);
                return range;
            default:
                return range;
        }
    }

    /// <summary>
    /// <paramref name="e"/> as a constant tick count; a fractional number is floored and flagged through
    /// <paramref name="fractional"/>, since then no tick equals it and the tick below it is still below it.
    /// </summary>
    private bool TryTimestampConstant(Expr e, out long ticks, out bool fractional)
    {
        ticks = 0;
        fractional = false;
        CExpr c;
        try
        {
            c = _rowCompiler.Compile(e);
        }
        catch (TaosServerException)
        {
            return false;
        }
        if (!c.IsConstant) return false;
        var v = c.Eval(new EvalContext());
        switch (v)
        {
            case null:
                return false;
            case string s:
                if (TimestampText.TryParse(s, _source.Precision, _zone, out ticks)) return true;
                return long.TryParse(s, out ticks);
            case double or float:
                {
                    double d = Values.ToDouble(v);
                    double floor = Math.Floor(d);
                    ticks = (long)floor;
                    fractional = floor != d;
                    return true;
                }
            default:
                if (!Values.IsIntegral(v)) return false;
                ticks = Values.ToLong(v);
                return true;
        }
    }

    /// <summary>The window clauses bound before the select list: their expressions and their own checks.</summary>
    private BoundWindow? BindWindowConditions()
    {
        switch (_select.Window)
        {
            case StateWindow st:
                {
                    var state = _rowCompiler.Compile(st.Expr);
                    if (!state.UsesColumns)
                    {
                        throw new TaosServerException(9769, "Not support STATE_WINDOW on tag column");
                    }
                    if (state.Type is TaosDataType.Float or TaosDataType.Double or TaosDataType.Timestamp or TaosDataType.Json)
                    {
                        throw new TaosServerException(9768, "Only support STATE_WINDOW on integer/bool/varchar column");
                    }
                    return new BoundState(state);
                }
            case EventWindow ev:
                return new BoundEvent(_rowCompiler.Compile(ev.Start), _rowCompiler.Compile(ev.End));
            case SessionWindow sw when !IsPrimaryTs(sw.Column):
                throw new TaosServerException(9772, "Only support SESSION on primary timestamp column");
            case SessionWindow sw:
                return new BoundSession(sw.Gap);
            case CountWindow cw when cw.Count < 1 || cw.Sliding is < 1 || cw.Sliding > cw.Count:
                throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Size of Count window must exceed 1.");
            case CountWindow cw:
                return new BoundCount(cw.Count, cw.Sliding);
            default:
                return null;
        }
    }

    private List<OrderKey> BindOrderBy(ExpressionCompiler compiler)
    {
        var order = new List<OrderKey>();
        foreach (var o in _select.OrderBy)
        {
            int item = -1;
            if (o.Expr is LiteralExpr { Kind: LiteralKind.Integer } pos)
            {
                long p = Convert.ToInt64(pos.Value, System.Globalization.CultureInfo.InvariantCulture);
                if (p < 1 || p > _items.Count)
                {
                    throw new TaosServerException(9737, "ORDER BY item must be the number of a SELECT-list expression");
                }
                item = (int)p - 1;
            }
            else if (o.Expr is ColumnExpr col && _select.Items.Any(i => i.Alias == col.Name))
            {
                item = _items.FindIndex(i => i.Name == col.Name);
            }
            else
            {
                item = _items.FindIndex(i => i.Expr.Text.Length > 0 && i.Expr.Text == o.Expr.Text);
                if (item < 0 && o.Expr is ColumnExpr c2)
                {
                    // b.ts is not the item a.ts of a join, though both are named ts.
                    item = _items.FindIndex(i => i.Expr is ColumnExpr ic && ic.Name == c2.Name
                        && (ic.Qualifier is null || c2.Qualifier is null || ic.Qualifier == c2.Qualifier));
                }
            }
            bool nullsFirst = o.NullsFirst ?? !o.Descending;
            order.Add(item >= 0 ? new OrderKey(item, null, o.Descending, nullsFirst) : new OrderKey(-1, compiler.Compile(o.Expr), o.Descending, nullsFirst));
        }
        return order;
    }

    private BoundInterval BindInterval(IntervalWindow iw, List<CExpr> items, TimeRange range)
    {
        var spec = new WindowSpec(iw, _source.Precision, _zone);
        var fill = iw.Fill?.Mode ?? FillMode.None;
        var fillable = items.Select(e => e.HasAggregate).ToArray();
        object?[]? fillValues = null;
        if (fill is FillMode.Value or FillMode.ValueF)
        {
            int needed = fillable.Count(f => f);
            if (iw.Fill!.Values.Count != needed)
            {
                throw new TaosServerException(ServerErrorCode.FillValuesMismatch, "Filled values number mismatch");
            }
            fillValues = new object?[items.Count];
            int vi = 0;
            for (int i = 0; i < items.Count; i++)
            {
                if (!fillable[i]) continue;
                var v = _rowCompiler.Compile(iw.Fill.Values[vi++]).Eval(new EvalContext());
                fillValues[i] = Values.Convert(v, items[i].Type, _source.Precision, _zone);
            }
        }
        if (fill != FillMode.None && (!range.HasLower || !range.HasUpper))
        {
            throw new TaosServerException(ServerErrorCode.TimeRangeRequired, "Start(end) time of query range required or time range too large");
        }
        return new BoundInterval(spec, fill, fillable, fillValues);
    }
}
