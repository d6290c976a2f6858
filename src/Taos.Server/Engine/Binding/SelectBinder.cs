using Taos.Server.Engine.Functions;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary>
/// Binds one SELECT over its resolved source: expands <c>*</c>, resolves and types every expression, validates
/// what may stand next to aggregates, finds the time range and tag filters in WHERE, and binds the window, ORDER
/// BY and FILL — raising TDengine's errors in TDengine's order. The result is an immutable <see cref="BoundSelect"/>.
/// </summary>
internal sealed partial class SelectBinder
{
    private readonly SelectStatement _select;
    private readonly QuerySource _source;
    private readonly ExpressionCompiler _rowCompiler;
    private readonly TimeZoneInfo _zone;
    private readonly List<(Expr Expr, string Name)> _items = [];

    public SelectBinder(SelectStatement select, QuerySource source, ExpressionCompiler compiler, TimeZoneInfo zone)
    {
        _select = select;
        _source = source;
        _rowCompiler = compiler;
        _zone = zone;
    }

    private SourceLayout? Layout => _source.Layout;

    private bool Grouped => _select.GroupBy.Count > 0;

    private bool Partitioned => _select.PartitionBy.Count > 0;

    private IReadOnlyList<Expr> KeyExprs => Grouped ? _select.GroupBy : _select.PartitionBy;

    public BoundSelect Bind()
    {
        if (_select.From is JoinSource { JoinType: var type } && type.EndsWith("window", StringComparison.Ordinal)
            && (_select.Window is not null || Grouped || Partitioned))
        {
            // [src parTranslater.c checkJoinTable]
            throw new TaosServerException(9828, "No WINDOW/GROUP BY/PARTITION BY allowed in WINDOW join");
        }
        ExpandItems();
        if (_select.SLimit is not null && !Grouped && !Partitioned)
        {
            throw new TaosServerException(ServerErrorCode.SlimitWithoutGroup, "slimit/soffset only available for PARTITION/GROUP BY query");
        }
        if (_select.Having is not null && !Grouped && !Partitioned && _select.Window is null)
        {
            throw new TaosServerException(ServerErrorCode.NotGroupByExpression, "Not a GROUP BY expression");
        }
        bool aggregate = _select.Window is not null || Grouped || _select.Having is not null || _items.Any(i => ContainsAggregate(i.Expr));
        bool multiRow = _items.Any(i => ContainsMultiRow(i.Expr));
        if (multiRow && aggregate)
        {
            throw new TaosServerException(ServerErrorCode.NotSingleGroup, "Not a single-group group function");
        }

        // WHERE first: TDengine resolves it before the select list.
        var where = BindWhere();
        var keys = KeyExprs.Select(_rowCompiler.Compile).ToList();
        var window = BindWindowConditions();

        var aggregates = new List<AggSpec>();
        var multiRows = new List<MultiRowSpec>();
        if (aggregate) ValidateAggregateItems();
        var interpArgs = IsInterpQuery() ? new List<CExpr>() : null;
        var itemCompiler = _rowCompiler.In(interpArgs is not null
            ? BindScope.OfInterp(interpArgs)
            : BindScope.Of(aggregate ? aggregates : null, aggregate && _select.Window is not null, multiRow ? multiRows : null));
        var items = _items.Select(i => itemCompiler.Compile(i.Expr)).ToList();
        CheckMultiRowMix(multiRows);
        if (interpArgs is null) CheckNoInterpClauses();
        if (_source.IsTableScan && Layout!.StarIncludesTags && aggregates.Any(a => a.Kind == AggKind.Percentile && a.Params.Count > 0))
        {
            throw new TaosServerException(9823, "percentile is only supported in single table query");
        }
        var clauseCompiler = _rowCompiler.In(BindScope.Of(aggregate ? aggregates : null, aggregate && _select.Window is not null, null));
        var having = _select.Having is null ? null : clauseCompiler.Compile(_select.Having);
        var order = BindOrderBy(clauseCompiler);
        var columns = _items.Select((item, i) => new ResultColumn(item.Name, items[i].Type, items[i].Length)).ToList();
        if (_select.Window is IntervalWindow iw) window = BindInterval(iw, items, where.Range);

        return new BoundSelect
        {
            Source = _source,
            Columns = columns,
            Items = items,
            WhereTerms = where.Terms,
            TagFilters = where.TagFilters,
            Range = where.Range,
            ScanColumns = ScanColumns(readsTimestamp: !IgnoresTimestamp(aggregate, multiRow, aggregates)),
            ScansTagsOnly = ScansTagsOnly(aggregates, multiRow, interpArgs is not null),
            Grouping = Grouped ? GroupingKind.GroupBy : Partitioned ? GroupingKind.PartitionBy : GroupingKind.None,
            Keys = keys,
            PartitionsByTable = _select.PartitionBy.Any(k => k is ColumnExpr { Name: "tbname" }),
            IsAggregate = aggregate,
            Aggregates = aggregates,
            // The only aggregate being a selector lets plain columns show the row it picked.
            SelectorAggregate = aggregate && aggregates is [{ IsSelector: true }] ? 0 : -1,
            MultiRows = multiRows,
            Interp = interpArgs is null ? null : BindInterp(interpArgs),
            Having = having,
            AlwaysEmpty = where.AlwaysFalse,
            Order = order,
            Window = window,
            Distinct = _select.Distinct,
            Limit = _select.Limit,
            SLimit = _select.SLimit,
        };
    }

    // ---------------------------------------------------------------- select list

    private void ExpandItems()
    {
        foreach (var item in _select.Items)
        {
            if (item.Expr is StarExpr star)
            {
                if (Layout is null) throw ExpressionCompiler.SyntaxError(item.Text);
                foreach (var c in Layout.Columns)
                {
                    // Over a join, t.* is the columns of input t; * leaves out the inputs' tags and tbname.
                    if (!c.InStar || (star.Qualifier is { } q && c.Qualifier is not null && c.Qualifier != q)) continue;
                    if (c.Kind == SlotKind.Column || (c.Kind == SlotKind.Tag && Layout.StarIncludesTags))
                    {
                        _items.Add((new ColumnExpr(c.Qualifier, c.Name) { Text = c.Name }, c.Name));
                    }
                }
                continue;
            }
            // FIRST(*), LAST(*), LAST_ROW(*): one call per column.
            if (item.Expr is FunctionExpr { Args: [StarExpr] } f && FunctionCatalog.Find(f.Name.ToLowerInvariant()) is { Kind: FunctionKind.Selector, AcceptsStar: true }
                && Layout is not null)
            {
                string fname = f.Name.ToLowerInvariant();
                foreach (var c in Layout.Columns.Where(c => c.Kind == SlotKind.Column))
                {
                    string text = fname + "(" + c.Name + ")";
                    _items.Add((new FunctionExpr(fname, [new ColumnExpr(null, c.Name) { Text = c.Name }]) { Text = text }, text));
                }
                continue;
            }
            string name = item.Alias ?? (item.Expr is ColumnExpr col ? col.Name : Cut64(item.Text.Length > 0 ? item.Text : item.Expr.Text));
            _items.Add((item.Expr, name));
        }
    }

    private static string Cut64(string text) => ExpressionCompiler.TruncateBytes(text, 64);

    private static IEnumerable<Expr> Children(Expr e) => e switch
    {
        FunctionExpr f => f.Args,
        UnaryExpr u => [u.Operand],
        BinaryExpr b => [b.Left, b.Right],
        BetweenExpr bt => [bt.Operand, bt.Low, bt.High],
        InExpr i => [i.Operand, .. i.Values],
        IsNullExpr n => [n.Operand],
        CastExpr c => [c.Operand],
        CaseExpr ce => (ce.Operand is null ? [] : new[] { ce.Operand })
            .Concat(ce.Branches.SelectMany(b => new[] { b.When, b.Then }))
            .Concat(ce.Else is null ? [] : [ce.Else]),
        _ => [],
    };

    /// <summary>
    /// Several multi-row calls in one select list: DIFF and CSUM may stand together (TDengine lines their outputs up
    /// by position); TOP and BOTTOM together are 9807; any other mix is 9740.
    /// </summary>
    private static void CheckMultiRowMix(List<MultiRowSpec> multiRows)
    {
        if (multiRows.Count <= 1 || multiRows.All(m => m.Kind is MultiRowKind.Diff or MultiRowKind.Csum)) return;
        if (multiRows.All(m => m.Kind is MultiRowKind.Top or MultiRowKind.Bottom))
        {
            throw new TaosServerException(9807,
                "Some functions are allowed only in the SELECT list of a query. And, cannot be mixed with other non scalar functions or columns.");
        }
        throw new TaosServerException(ServerErrorCode.NotSingleGroup, "Not a single-group group function");
    }

    private static bool ContainsMultiRow(Expr e) =>
        (e is FunctionExpr f && FunctionCatalog.IsMultiRow(f.Name.ToLowerInvariant())) || Children(e).Any(ContainsMultiRow);

    private static bool ContainsAggregate(Expr e) =>
        (e is FunctionExpr f && FunctionCatalog.IsAggregate(f.Name.ToLowerInvariant())) || Children(e).Any(ContainsAggregate);

    private static IEnumerable<FunctionExpr> AggregateCalls(Expr e)
    {
        if (e is FunctionExpr f && FunctionCatalog.IsAggregate(f.Name.ToLowerInvariant()))
        {
            yield return f;
            yield break;
        }
        foreach (var c in Children(e))
        {
            foreach (var a in AggregateCalls(c)) yield return a;
        }
    }

    /// <summary>
    /// Plain columns next to aggregates (select list, and ORDER BY unless DISTINCT): only group keys, or the row of
    /// a single selector when no other aggregate is present [src parTranslater.c checkAggColCoexist].
    /// </summary>
    private void ValidateAggregateItems()
    {
        // STATE_WINDOW's expression is constant in each of its windows: it may stand as a key does.
        var keys = _select.Window is StateWindow st ? KeyExprs.Append(st.Expr).ToList() : KeyExprs;
        var keyTexts = new HashSet<string>(keys.Select(k => k.Text));
        var keyColumns = new HashSet<string>(keys.OfType<ColumnExpr>().Select(c => c.Name));
        bool tagsConstant = keyColumns.Contains("tbname");
        var exprs = _items.Select(i => i.Expr).ToList();
        if (_select.Having is not null) exprs.Add(_select.Having);
        if (!_select.Distinct)
        {
            exprs.AddRange(_select.OrderBy.Select(o => o.Expr).Where(e => e is not LiteralExpr && !(e is ColumnExpr c && _select.Items.Any(i => i.Alias == c.Name))));
        }
        bool bare = exprs.Any(e => HasBareColumn(e, keyTexts, keyColumns, tagsConstant));
        if (!bare) return;
        var calls = exprs.SelectMany(AggregateCalls).ToList();
        if (calls is [var only] && FunctionCatalog.IsSelector(only.Name.ToLowerInvariant())) return;
        if (calls.Count == 0 && _select.Window is not null)
        {
            var column = exprs.First(e => HasBareColumn(e, keyTexts, keyColumns, tagsConstant));
            throw new TaosServerException(9831, "Invalid usage of expr: " + column.Text);
        }
        if (Grouped)
        {
            throw new TaosServerException(ServerErrorCode.NotGroupByExpression, "Not a GROUP BY expression");
        }
        throw new TaosServerException(ServerErrorCode.NotSingleGroup, "Not a single-group group function");
    }

    private bool HasBareColumn(Expr e, HashSet<string> keyTexts, HashSet<string> keyColumns, bool tagsConstant)
    {
        if (e.Text.Length > 0 && keyTexts.Contains(e.Text)) return false;
        switch (e)
        {
            case FunctionExpr f when FunctionCatalog.IsAggregate(f.Name.ToLowerInvariant()):
                return false;
            case ColumnExpr c:
                {
                    string lower = c.Name.ToLowerInvariant();
                    if (lower is "_wstart" or "_wend" or "_wduration") return false;
                    if (keyColumns.Contains(c.Name)) return false;
                    var slot = Layout?.Find(c.Name, c.Qualifier);
                    if (slot is null) return false;
                    if (tagsConstant && slot.Kind != SlotKind.Column) return false;
                    return true;
                }
            default:
                return Children(e).Any(ch => HasBareColumn(ch, keyTexts, keyColumns, tagsConstant));
        }
    }

    /// <summary>
    /// The schema columns the query reads: every column any clause names, and the timestamp, which orders rows and
    /// places them in windows, unless <paramref name="readsTimestamp"/> is false: a table scan reads no other.
    /// </summary>
    private List<int> ScanColumns(bool readsTimestamp)
    {
        var used = new SortedSet<int>();
        if (readsTimestamp) used.Add(0);
        if (Layout is null) return [.. used];
        foreach (var e in ClauseExprs()) AddColumns(e, used);
        return [.. used];
    }

    /// <summary>Every expression of the statement: select list, WHERE, HAVING, keys, ORDER BY and window conditions.</summary>
    private IEnumerable<Expr> ClauseExprs() =>
        _items.Select(i => i.Expr)
            .Concat(new[] { _select.Where, _select.Having }.OfType<Expr>())
            .Concat(_select.GroupBy).Concat(_select.PartitionBy)
            .Concat(_select.OrderBy.Select(o => o.Expr))
            .Concat(_select.Window switch
            {
                StateWindow st => [st.Expr],
                EventWindow ev => [ev.Start, ev.End],
                _ => [],
            });

    /// <summary>
    /// True when nothing needs the rows' timestamps unless a clause names the ts column itself: an aggregate without
    /// window or multi-row function whose aggregates neither order nor place rows by time, and no pseudo-column
    /// (<c>_rowts</c>, <c>_c0</c>, …) anywhere. Such a scan need not read the timestamp.
    /// </summary>
    private bool IgnoresTimestamp(bool aggregate, bool multiRow, List<AggSpec> aggregates) =>
        aggregate && !multiRow && _select.Window is null && aggregates.Count > 0
        && aggregates.All(a => a.Kind is AggKind.CountStar or AggKind.Count or AggKind.Avg or AggKind.Sum or AggKind.Min
            or AggKind.Max or AggKind.Spread or AggKind.Stddev or AggKind.HyperLogLog)
        && !ClauseExprs().Any(NamesPseudoColumn);

    private static bool NamesPseudoColumn(Expr e) =>
        e is ColumnExpr c && c.Name.StartsWith('_') || Children(e).Any(NamesPseudoColumn);

    private void AddColumns(Expr e, SortedSet<int> used)
    {
        if (e is ColumnExpr c && Layout!.Find(c.Name, c.Qualifier) is { Kind: SlotKind.Column } slot) used.Add(slot.Index);
        foreach (var child in Children(e)) AddColumns(child, used);
    }
}
