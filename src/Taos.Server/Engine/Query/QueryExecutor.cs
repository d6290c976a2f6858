using Taos.Server.Engine.Catalog;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Query;

/// <summary>Runs SELECT statements (with or without FROM) over the catalog.</summary>
internal sealed class QueryExecutor
{
    private readonly ICatalogReader _catalog;
    private readonly TimeZoneInfo _serverZone;

    public QueryExecutor(ICatalogReader catalog, TimeZoneInfo serverZone)
    {
        _catalog = catalog;
        _serverZone = serverZone;
    }

    /// <summary>
    /// Runs <paramref name="select"/>; <paramref name="session"/> gives the default database (names without a
    /// database use it; when it is null or unknown, TDengine answers 9750 <c>Database not specified</c>), the
    /// user and client host. Errors are <see cref="TaosServerException"/>. Every name and type error is raised
    /// here; the rows of a plain projection are produced lazily while the caller enumerates them.
    /// </summary>
    public RowSetResult Execute(SelectStatement select, SqlSession session)
    {
        if (select.Range is not null || select.Every is not null || select.Fill is not null)
        {
            throw TaosServerException.NotSupported("INTERP (RANGE, EVERY)");
        }
        if (select.TagsMode)
        {
            throw TaosServerException.NotSupported("SELECT TAGS");
        }
        var source = ResolveSource(select.From, session);
        string? defaultDb = session.Database is { } d && (_catalog.FindDatabase(d) is not null || SystemTables.IsSystemDatabase(d)) ? d : null;
        var effectiveSession = new SqlSession { Database = defaultDb, User = session.User, ClientHost = session.ClientHost };
        var plan = new QueryPlan(select, source, new ExprCompiler(source.Layout, source.Precision, _serverZone, effectiveSession, QueryTime.Now(source.Precision)), _serverZone);
        return plan.Build();
    }

    /// <summary>Where the rows come from: nothing (one empty row), one table, a super table's children, or a subquery.</summary>
    private QuerySource ResolveSource(FromSource? from, SqlSession session)
    {
        switch (from)
        {
            case null:
                return new QuerySource(null, TaosPrecision.Milliseconds, [], null, null);
            case TableSource ts:
                {
                    string? db = ts.Name.Database ?? session.Database;
                    if (db is null)
                    {
                        throw new TaosServerException(ServerErrorCode.DatabaseNotSpecified, "Database not specified");
                    }
                    if (SystemTables.IsSystemDatabase(db))
                    {
                        var sys = SystemTables.Open(db, ts.Name.Name, _catalog)
                            ?? throw new TaosServerException(ServerErrorCode.TableInfoFailure, "Fail to get table info, error: Table does not exist");
                        var sysLayout = new SourceLayout { TsIndex = -1, StarIncludesTags = true };
                        for (int i = 0; i < sys.Columns.Count; i++)
                        {
                            var c = sys.Columns[i];
                            sysLayout.Columns.Add(new SourceColumn(c.Name, c.Type, c.Length, SlotKind.Column, i));
                        }
                        return new QuerySource(sysLayout, TaosPrecision.Milliseconds, [], null, sys.Rows);
                    }
                    var dbInfo = _catalog.FindDatabase(db);
                    if (dbInfo is null)
                    {
                        if (ts.Name.Database is null)
                        {
                            throw new TaosServerException(ServerErrorCode.DatabaseNotSpecified, "Database not specified");
                        }
                        throw new TaosServerException(ServerErrorCode.TableInfoFailure, "Fail to get table info, error: Database not exist");
                    }
                    var table = _catalog.FindTable(db, ts.Name.Name)
                        ?? throw new TaosServerException(ServerErrorCode.TableInfoFailure, "Fail to get table info, error: Table does not exist");
                    var layout = new SourceLayout { TsIndex = 0, StarIncludesTags = table.Kind == TableKind.Super };
                    for (int i = 0; i < table.Columns.Count; i++)
                    {
                        var c = table.Columns[i];
                        layout.Columns.Add(new SourceColumn(c.Name, c.Type, c.Length, SlotKind.Column, i));
                    }
                    for (int i = 0; i < table.Tags.Count; i++)
                    {
                        var c = table.Tags[i];
                        layout.Columns.Add(new SourceColumn(c.Name, c.Type, c.Length, SlotKind.Tag, i));
                    }
                    layout.Columns.Add(new SourceColumn("tbname", TaosDataType.VarChar, 270, SlotKind.TableName, 0));
                    IReadOnlyList<TableInfo> tables = table.Kind == TableKind.Super ? _catalog.ChildTables(db, table.Name) : [table];
                    return new QuerySource(layout, dbInfo.Precision, tables, _catalog, null);
                }
            case SubquerySource sub:
                {
                    var inner = Execute(sub.Query, session);
                    var layout = new SourceLayout
                    {
                        TsIndex = inner.Columns.ToList().FindIndex(c => c.Type == TaosDataType.Timestamp),
                        StarIncludesTags = true,
                    };
                    for (int i = 0; i < inner.Columns.Count; i++)
                    {
                        var c = inner.Columns[i];
                        layout.Columns.Add(new SourceColumn(c.Name, c.Type, c.Length, SlotKind.Column, i));
                    }
                    return new QuerySource(layout, inner.Precision, [], null, inner.Rows);
                }
            case JoinSource:
                throw TaosServerException.NotSupported("JOIN");
            default:
                throw ExprCompiler.SyntaxError("from");
        }
    }
}

/// <summary>The resolved FROM clause.</summary>
internal sealed record QuerySource(
    SourceLayout? Layout,
    TaosPrecision Precision,
    IReadOnlyList<TableInfo> Tables,
    ICatalogReader? Catalog,
    IEnumerable<object?[]>? SubqueryRows)
{
    public bool IsTableScan => Catalog is not null;
}

/// <summary>One output row before ORDER BY/LIMIT: values, sort keys, and the partition it belongs to.</summary>
internal readonly record struct OutRow(object?[] Values, object?[]? Keys, int Group);

/// <summary>The compiled form of one SELECT and the pipeline that produces its rows.</summary>
internal sealed class QueryPlan
{
    private readonly SelectStatement _select;
    private readonly QuerySource _source;
    private readonly ExprCompiler _compiler;
    private readonly TimeZoneInfo _zone;

    private readonly List<(Expr Expr, string Name)> _items = [];
    private readonly List<CExpr> _itemExprs = [];
    private CExpr? _where;
    private readonly List<CExpr> _tagFilters = [];
    private long _minTs = long.MinValue;
    private long _maxTs = long.MaxValue;
    private bool _hasLower;
    private bool _hasUpper;

    private bool _aggregate;
    private List<AggSpec> _aggs = [];
    private readonly List<CExpr> _keys = [];
    private CExpr? _having;
    private int _selectorAgg = -1;
    private CExpr? _stateExpr;
    private readonly List<MultiRowSpec> _multiRow = [];
    private bool _rowsAlreadyOrdered;
    private CExpr? _eventStart;
    private CExpr? _eventEnd;

    /// <summary>Per ORDER BY key: an output column index, or an expression.</summary>
    private readonly List<(int Item, CExpr? Expr, bool Desc, bool NullsFirst)> _order = [];

    public QueryPlan(SelectStatement select, QuerySource source, ExprCompiler compiler, TimeZoneInfo zone)
    {
        _select = select;
        _source = source;
        _compiler = compiler;
        _zone = zone;
    }

    private SourceLayout? Layout => _source.Layout;

    private bool Grouped => _select.GroupBy.Count > 0;

    private bool Partitioned => _select.PartitionBy.Count > 0;

    private IReadOnlyList<Expr> KeyExprs => Grouped ? _select.GroupBy : _select.PartitionBy;

    public RowSetResult Build()
    {
        ExpandItems();
        if (_select.SLimit is not null && !Grouped && !Partitioned)
        {
            throw new TaosServerException(ServerErrorCode.SlimitWithoutGroup, "slimit/soffset only available for PARTITION/GROUP BY query");
        }
        _aggregate = _select.Window is not null || Grouped || _select.Having is not null || _items.Any(i => ContainsAggregate(i.Expr));
        bool multiRow = _items.Any(i => ContainsMultiRow(i.Expr));
        if (multiRow && _aggregate)
        {
            throw new TaosServerException(ServerErrorCode.NotSingleGroup, "Not a single-group group function");
        }

        // WHERE first: TDengine resolves it before the select list.
        _compiler.Aggregates = null;
        _compiler.WindowColumns = false;
        if (_select.Where is not null)
        {
            _where = _compiler.Compile(_select.Where);
            AnalyzeWhere(_select.Where);
        }
        foreach (var k in KeyExprs)
        {
            _keys.Add(_compiler.Compile(k));
        }
        switch (_select.Window)
        {
            case StateWindow st:
                _stateExpr = _compiler.Compile(st.Expr);
                if (!_stateExpr.UsesColumns)
                {
                    throw new TaosServerException(9769, "Not support STATE_WINDOW on tag column");
                }
                if (_stateExpr.Type is TaosDataType.Float or TaosDataType.Double or TaosDataType.Timestamp or TaosDataType.Json)
                {
                    throw new TaosServerException(9768, "Only support STATE_WINDOW on integer/bool/varchar column");
                }
                break;
            case EventWindow ev:
                _eventStart = _compiler.Compile(ev.Start);
                _eventEnd = _compiler.Compile(ev.End);
                break;
            case SessionWindow sw when !IsPrimaryTs(sw.Column):
                throw new TaosServerException(9772, "Only support SESSION on primary timestamp column");
            case CountWindow cw when cw.Count < 1 || cw.Sliding is < 1 || cw.Sliding > cw.Count:
                throw new TaosServerException(ServerErrorCode.InvalidParameterValue, "Size of Count window must exceed 1.");
        }

        if (_aggregate)
        {
            ValidateAggregateItems();
            _compiler.Aggregates = _aggs;
            _compiler.WindowColumns = _select.Window is not null;
        }
        if (multiRow)
        {
            _compiler.MultiRow = _multiRow;
        }
        foreach (var (expr, _) in _items)
        {
            _itemExprs.Add(_compiler.Compile(expr));
        }
        _compiler.MultiRow = null;
        if (_multiRow.Count > 1)
        {
            throw new TaosServerException(ServerErrorCode.NotSingleGroup, "Not a single-group group function");
        }
        if (_select.Having is not null)
        {
            _having = _compiler.Compile(_select.Having);
        }
        CompileOrderBy();
        // The only aggregate being a selector lets plain columns show the row it picked.
        if (_aggregate && _aggs is [{ IsSelector: true }]) _selectorAgg = 0;

        var columns = new List<ResultColumn>();
        for (int i = 0; i < _items.Count; i++)
        {
            var e = _itemExprs[i];
            columns.Add(new ResultColumn(_items[i].Name, e.Type, e.Length));
        }

        IEnumerable<OutRow> produced;
        if (_multiRow.Count > 0)
        {
            produced = MultiRowRows();
        }
        else if (!_aggregate)
        {
            if (IsOrderByTsAscendingOnly() && _source.IsTableScan && _source.Tables.Count <= 256)
            {
                // Each table is read in ts order already: one table needs no sort, several are merged lazily.
                _rowsAlreadyOrdered = true;
                produced = Project(merged: _source.Tables.Count > 1);
            }
            else
            {
                produced = Partitioned ? ProjectPartitioned() : Project();
            }
        }
        else if (_select.Window is IntervalWindow iw)
        {
            produced = Windowed(iw);
        }
        else if (_select.Window is not null)
        {
            produced = WindowedRows(null, FillMode.None, new bool[_itemExprs.Count], null);
        }
        else
        {
            produced = Aggregated();
        }
        return new RowSetResult(columns, Finish(produced), _source.Precision);
    }

    // ---------------------------------------------------------------- select list

    private void ExpandItems()
    {
        foreach (var item in _select.Items)
        {
            if (item.Expr is StarExpr)
            {
                if (Layout is null) throw ExprCompiler.SyntaxError(item.Text);
                foreach (var c in Layout.Columns)
                {
                    if (c.Kind == SlotKind.Column || (c.Kind == SlotKind.Tag && Layout.StarIncludesTags))
                    {
                        _items.Add((new ColumnExpr(null, c.Name) { Text = c.Name }, c.Name));
                    }
                }
                continue;
            }
            if (item.Expr is FunctionExpr { Args: [StarExpr] } f && f.Name.ToLowerInvariant() is "first" or "last" or "last_row" && Layout is not null)
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

    private static string Cut64(string text) => ExprCompiler.TruncateBytes(text, 64);

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

    private static bool ContainsMultiRow(Expr e) =>
        (e is FunctionExpr f && MultiRowSpec.IsMultiRowName(f.Name.ToLowerInvariant())) || Children(e).Any(ContainsMultiRow);

    private static bool ContainsAggregate(Expr e) =>
        (e is FunctionExpr f && ExprCompiler.IsAggregateName(f.Name.ToLowerInvariant())) || Children(e).Any(ContainsAggregate);

    private static IEnumerable<FunctionExpr> AggregateCalls(Expr e)
    {
        if (e is FunctionExpr f && ExprCompiler.IsAggregateName(f.Name.ToLowerInvariant()))
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
        var keyTexts = new HashSet<string>(KeyExprs.Select(k => k.Text));
        var keyColumns = new HashSet<string>(KeyExprs.OfType<ColumnExpr>().Select(c => c.Name));
        bool tagsConstant = keyColumns.Contains("tbname");
        var exprs = _items.Select(i => i.Expr).ToList();
        if (!_select.Distinct)
        {
            exprs.AddRange(_select.OrderBy.Select(o => o.Expr).Where(e => e is not LiteralExpr && !(e is ColumnExpr c && _select.Items.Any(i => i.Alias == c.Name))));
        }
        bool bare = exprs.Any(e => HasBareColumn(e, keyTexts, keyColumns, tagsConstant));
        if (!bare) return;
        var calls = exprs.SelectMany(AggregateCalls).ToList();
        if (calls is [var only] && ExprCompiler.IsSelectorName(only.Name.ToLowerInvariant())) return;
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
            case FunctionExpr f when ExprCompiler.IsAggregateName(f.Name.ToLowerInvariant()):
                return false;
            case ColumnExpr c:
                {
                    string lower = c.Name.ToLowerInvariant();
                    if (lower is "_wstart" or "_wend" or "_wduration") return false;
                    if (keyColumns.Contains(c.Name)) return false;
                    var slot = Layout?.Find(c.Name);
                    if (slot is null) return false;
                    if (tagsConstant && slot.Kind != SlotKind.Column) return false;
                    return true;
                }
            default:
                return Children(e).Any(ch => HasBareColumn(ch, keyTexts, keyColumns, tagsConstant));
        }
    }

    // ---------------------------------------------------------------- WHERE analysis

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
        var slot = Layout.Find(c.Name);
        return slot is { Kind: SlotKind.Column } && slot.Index == Layout.TsIndex;
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
            c = _compiler.Compile(e);
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
                if (QueryTime.TryParseTimestamp(s, _source.Precision, _zone, out ticks)) return true;
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

    /// <summary>Finds the primary-timestamp bounds and the tag-only conditions among the top-level ANDs.</summary>
    private void AnalyzeWhere(Expr where)
    {
        foreach (var conj in Conjuncts(where))
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
                        else break;
                        switch (op)
                        {
                            case BinaryOp.Greater: Lower(t == long.MaxValue ? t : t + 1); break;
                            case BinaryOp.GreaterOrEqual: Lower(t); break;
                            // ts < 5.5 admits ts = 5 (the floored t) itself.
                            case BinaryOp.Less: Upper(fractional || t == long.MinValue ? t : t - 1); break;
                            case BinaryOp.LessOrEqual: Upper(t); break;
                            default: Lower(t); Upper(t); break;
                        }
                        break;
                    }
                case BetweenExpr { Negated: false } bt when IsPrimaryTs(bt.Operand):
                    if (TryTimestampConstant(bt.Low, out long lo, out _)) Lower(lo);
                    if (TryTimestampConstant(bt.High, out long hi, out _)) Upper(hi);
                    break;
            }
            if (_source.IsTableScan)
            {
                var compiled = _compiler.Compile(conj);
                if (!compiled.UsesColumns && !compiled.IsConstant) _tagFilters.Add(compiled);
            }
        }
    }

    private void Lower(long t)
    {
        _hasLower = true;
        if (t > _minTs) _minTs = t;
    }

    private void Upper(long t)
    {
        _hasUpper = true;
        if (t < _maxTs) _maxTs = t;
    }

    // ---------------------------------------------------------------- ORDER BY

    private void CompileOrderBy()
    {
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
                    item = _items.FindIndex(i => i.Expr is ColumnExpr ic && ic.Name == c2.Name);
                }
            }
            bool nullsFirst = o.NullsFirst ?? !o.Descending;
            if (item >= 0)
            {
                _order.Add((item, null, o.Descending, nullsFirst));
            }
            else
            {
                _order.Add((-1, _compiler.Compile(o.Expr), o.Descending, nullsFirst));
            }
        }
    }

    /// <summary>ORDER BY the primary timestamp ascending and nothing else, on a plain projection.</summary>
    private bool IsOrderByTsAscendingOnly()
    {
        if (_order.Count != 1 || _order[0].Desc || Partitioned || _select.Distinct || Layout is not { TsIndex: >= 0 } l) return false;
        var slot = _order[0].Item >= 0 ? _itemExprs[_order[0].Item].Slot : _order[0].Expr?.Slot;
        return slot is { Kind: SlotKind.Column } && slot.Index == l.TsIndex;
    }

    private object?[]? OrderKeys(EvalContext ctx)
    {
        if (_order.Count == 0) return null;
        var keys = new object?[_order.Count];
        for (int i = 0; i < _order.Count; i++)
        {
            if (_order[i].Expr is { } e) keys[i] = e.Eval(ctx);
        }
        return keys;
    }

    // ---------------------------------------------------------------- scanning

    private static readonly object?[] NoRow = [];

    /// <summary>The source rows passing WHERE, one context per row (reused: copy what you keep).</summary>
    private IEnumerable<EvalContext> Scan(Action<TableInfo, EvalContext>? onTable = null)
    {
        var ctx = new EvalContext();
        if (_source.Layout is null)
        {
            ctx.Row = NoRow;
            if (_where is null || Values.IsTrue(_where.Eval(ctx))) yield return ctx;
            yield break;
        }
        if (_source.SubqueryRows is { } subRows)
        {
            foreach (var row in subRows)
            {
                ctx.Row = row;
                ctx.Table = null;
                if (_where is not null && !Values.IsTrue(_where.Eval(ctx))) continue;
                yield return ctx;
            }
            yield break;
        }
        if (_minTs > _maxTs) yield break;
        var nullRow = NullRow();
        foreach (var table in _source.Tables)
        {
            if (!PassesTagFilters(ctx, table, nullRow)) continue;
            onTable?.Invoke(table, ctx);
            foreach (var row in _source.Catalog!.Scan(table, _minTs, _maxTs))
            {
                ctx.Row = row;
                ctx.Table = table;
                if (_where is not null && !Values.IsTrue(_where.Eval(ctx))) continue;
                yield return ctx;
            }
        }
    }

    /// <summary>
    /// The rows passing WHERE from all tables merged into ascending ts order (ties: table order), reading every
    /// table lazily at once: ORDER BY ts over a super table without buffering.
    /// </summary>
    private IEnumerable<EvalContext> ScanMerged()
    {
        var ctx = new EvalContext();
        if (_minTs > _maxTs) yield break;
        var nullRow = NullRow();
        var tables = new List<TableInfo>();
        foreach (var table in _source.Tables)
        {
            if (PassesTagFilters(ctx, table, nullRow)) tables.Add(table);
        }
        var cursors = new List<IEnumerator<object?[]>>(tables.Count);
        try
        {
            var heap = new PriorityQueue<int, (long Ts, int Table)>();
            for (int i = 0; i < tables.Count; i++)
            {
                var cursor = _source.Catalog!.Scan(tables[i], _minTs, _maxTs).GetEnumerator();
                cursors.Add(cursor);
                if (cursor.MoveNext()) heap.Enqueue(i, (Values.ToLong(cursor.Current[0]!), i));
            }
            while (heap.TryDequeue(out int i, out _))
            {
                var cursor = cursors[i];
                ctx.Row = cursor.Current;
                ctx.Table = tables[i];
                bool pass = _where is null || Values.IsTrue(_where.Eval(ctx));
                if (pass) yield return ctx;
                if (cursor.MoveNext()) heap.Enqueue(i, (Values.ToLong(cursor.Current[0]!), i));
            }
        }
        finally
        {
            foreach (var c in cursors) c.Dispose();
        }
    }

    /// <summary>Whether <paramref name="table"/>'s tags pass the tag-only WHERE conjuncts; leaves <paramref name="ctx"/> on that table.</summary>
    private bool PassesTagFilters(EvalContext ctx, TableInfo table, object?[] nullRow)
    {
        ctx.Row = nullRow;
        ctx.Table = table;
        foreach (var f in _tagFilters)
        {
            if (!Values.IsTrue(f.Eval(ctx))) return false;
        }
        return true;
    }

    private object?[] NullRow() => new object?[Layout?.Columns.Count(c => c.Kind == SlotKind.Column) ?? 0];

    private long TsOf(EvalContext ctx, long ordinal) =>
        Layout is { TsIndex: >= 0 } l && ctx.Row.Length > l.TsIndex && ctx.Row[l.TsIndex] is { } v ? Values.ToLong(v) : ordinal;

    // ---------------------------------------------------------------- projection

    private object?[] EvalItems(EvalContext ctx)
    {
        var values = new object?[_itemExprs.Count];
        for (int i = 0; i < values.Length; i++) values[i] = _itemExprs[i].Eval(ctx);
        return values;
    }

    private IEnumerable<OutRow> Project(bool merged = false)
    {
        foreach (var ctx in merged ? ScanMerged() : Scan())
        {
            if (_having is not null && !Values.IsTrue(_having.Eval(ctx))) continue;
            yield return new OutRow(EvalItems(ctx), OrderKeys(ctx), 0);
        }
    }

    private IEnumerable<OutRow> ProjectPartitioned()
    {
        var index = new Dictionary<string, int>();
        var lists = new List<List<OutRow>>();
        foreach (var ctx in Scan())
        {
            if (!KnownGroup(ctx, index, lists.Count, out int g)) lists.Add([]);
            lists[g].Add(new OutRow(EvalItems(ctx), OrderKeys(ctx), g));
        }
        return SelectGroups(lists).SelectMany(l => l);
    }

    /// <summary>
    /// The number of <paramref name="ctx"/>'s group; a key not seen before is given <paramref name="next"/> and
    /// false is returned, so the caller appends the new group's state.
    /// </summary>
    private bool KnownGroup(EvalContext ctx, Dictionary<string, int> index, int next, out int g)
    {
        string key = _keys.Count == 0 ? "" : GroupKey(ctx);
        if (index.TryGetValue(key, out g)) return true;
        index[key] = g = next;
        return false;
    }

    private string GroupKey(EvalContext ctx)
    {
        var k = new object?[_keys.Count];
        for (int i = 0; i < k.Length; i++) k[i] = _keys[i].Eval(ctx);
        return Values.KeyOf(k);
    }

    private IEnumerable<T> SelectGroups<T>(List<T> groups)
    {
        if (_select.SLimit is not { } sl) return groups;
        return groups.Skip((int)Math.Min(int.MaxValue, sl.Offset)).Take((int)Math.Min(int.MaxValue, sl.Count));
    }

    // ---------------------------------------------------------------- aggregation

    private sealed class GroupState
    {
        public required Accumulator[] Accs;
        public object?[] Row = [];
        public TableInfo? Table;
        public bool HasRows;
        public List<(object?[] Row, TableInfo? Table)>? Rows;
    }

    /// <summary>Fresh accumulators for one group or window (run per window: a loop, not LINQ).</summary>
    private Accumulator[] NewAccs()
    {
        var accs = new Accumulator[_aggs.Count];
        for (int i = 0; i < accs.Length; i++) accs[i] = _aggs[i].Create();
        return accs;
    }

    private static object?[] Results(Accumulator[] accs)
    {
        var results = new object?[accs.Length];
        for (int i = 0; i < accs.Length; i++) results[i] = accs[i].Result();
        return results;
    }

    private IEnumerable<OutRow> Aggregated()
    {
        var index = new Dictionary<string, int>();
        var groups = new List<GroupState>();
        bool seedTagGroups = Grouped && _source.IsTableScan && _keys.All(k => !k.UsesColumns);
        Action<TableInfo, EvalContext>? seed = null;
        if (seedTagGroups)
        {
            seed = (table, ctx) =>
            {
                if (!KnownGroup(ctx, index, groups.Count, out _)) groups.Add(new GroupState { Accs = NewAccs(), Row = NullRow(), Table = table });
            };
        }
        long ordinal = 0;
        foreach (var ctx in Scan(seed))
        {
            if (!KnownGroup(ctx, index, groups.Count, out int g)) groups.Add(new GroupState { Accs = NewAccs() });
            var state = groups[g];
            if (!state.HasRows)
            {
                state.HasRows = true;
                state.Row = ctx.Row;
                state.Table = ctx.Table;
            }
            long ts = TsOf(ctx, ordinal++);
            foreach (var acc in state.Accs) acc.Add(ctx, ts);
        }
        if (_keys.Count == 0 && groups.Count == 0)
        {
            bool onlyLastRow = _aggs.Count > 0 && _aggs.All(a => a.Kind == AggKind.LastRow);
            if (onlyLastRow) yield break;
            groups.Add(new GroupState { Accs = NewAccs(), Row = NullRow() });
        }
        var outCtx = new EvalContext();
        int gi = 0;
        foreach (var state in SelectGroups(groups))
        {
            outCtx.Row = state.Row;
            outCtx.Table = state.Table;
            if (_selectorAgg >= 0 && state.Accs[_selectorAgg].Selected is { } sel)
            {
                outCtx.Row = sel.Row;
                outCtx.Table = sel.Table;
            }
            outCtx.Aggs = Results(state.Accs);
            if (_having is not null && !Values.IsTrue(_having.Eval(outCtx))) continue;
            yield return new OutRow(EvalItems(outCtx), OrderKeys(outCtx), gi++);
        }
    }

    // ---------------------------------------------------------------- multi-row functions

    /// <summary>DIFF, CSUM, TOP… per partition (or over the whole merged timeline), rows in ts order.</summary>
    private IEnumerable<OutRow> MultiRowRows()
    {
        var index = new Dictionary<string, int>();
        var groups = new List<List<(long Ts, object?[] Row, TableInfo? Table)>>();
        long ordinal = 0;
        foreach (var ctx in Scan())
        {
            if (!KnownGroup(ctx, index, groups.Count, out int g)) groups.Add([]);
            groups[g].Add((TsOf(ctx, ordinal++), ctx.Row, ctx.Table));
        }
        var spec = _multiRow[0];
        var outCtx = new EvalContext();
        int gi = 0;
        foreach (var rows in SelectGroups(groups))
        {
            var sorted = InTsOrder(rows);
            foreach (var (row, value) in spec.Run(sorted))
            {
                outCtx.Row = sorted[row].Row;
                outCtx.Table = sorted[row].Table;
                outCtx.Aggs = [value];
                yield return new OutRow(EvalItems(outCtx), OrderKeys(outCtx), gi);
            }
            gi++;
        }
    }

    // ---------------------------------------------------------------- windows

    private IEnumerable<OutRow> Windowed(IntervalWindow iw)
    {
        var spec = new WindowSpec(iw, _source.Precision, _zone);
        var fill = iw.Fill?.Mode ?? FillMode.None;
        var fillable = _itemExprs.Select(e => e.HasAggregate).ToArray();
        object?[]? fillValues = null;
        if (fill is FillMode.Value or FillMode.ValueF)
        {
            int needed = fillable.Count(f => f);
            if (iw.Fill!.Values.Count != needed)
            {
                throw new TaosServerException(ServerErrorCode.FillValuesMismatch, "Filled values number mismatch");
            }
            fillValues = new object?[_itemExprs.Count];
            int vi = 0;
            for (int i = 0; i < _itemExprs.Count; i++)
            {
                if (!fillable[i]) continue;
                var v = _compiler.Compile(iw.Fill.Values[vi++]).Eval(new EvalContext());
                fillValues[i] = Values.Convert(v, _itemExprs[i].Type, _source.Precision, _zone);
            }
        }
        if (fill != FillMode.None && (!_hasLower || !_hasUpper))
        {
            throw new TaosServerException(ServerErrorCode.TimeRangeRequired, "Start(end) time of query range required or time range too large");
        }
        return WindowedRows(spec, fill, fillable, fillValues);
    }

    /// <summary>One window's state: its bounds, aggregates and the earliest row (for group keys and plain values).</summary>
    private sealed class WindowData
    {
        public required long Start;
        public required long End;
        public required Accumulator[] Accs;
        public object?[] FirstRow = [];
        public TableInfo? FirstTable;
        public long FirstTs = long.MaxValue;
        public bool Any;
    }

    /// <summary>
    /// True when each group's rows arrive in ts order (one table, or partitions by table), so INTERVAL windows can be
    /// aggregated while scanning instead of keeping every row.
    /// </summary>
    private bool GroupsArriveInTsOrder =>
        _source.IsTableScan && (_source.Tables.Count <= 1 || _select.PartitionBy.Any(k => k is ColumnExpr { Name: "tbname" }));

    private IEnumerable<OutRow> WindowedRows(WindowSpec? spec, FillMode fill, bool[] fillable, object?[]? fillValues)
    {
        if (spec is not null && GroupsArriveInTsOrder)
        {
            foreach (var row in StreamedIntervalRows(spec, fill, fillable, fillValues)) yield return row;
            yield break;
        }
        var index = new Dictionary<string, int>();
        var groups = new List<GroupState>();
        foreach (var ctx in Scan())
        {
            if (!KnownGroup(ctx, index, groups.Count, out int g))
            {
                groups.Add(new GroupState { Accs = [], Row = ctx.Row, Table = ctx.Table, HasRows = true, Rows = [] });
            }
            groups[g].Rows!.Add((ctx.Row, ctx.Table));
        }
        if (groups.Count == 0 && _keys.Count == 0 && fill is FillMode.NullF or FillMode.ValueF)
        {
            groups.Add(new GroupState { Accs = [], Row = NullRow(), Rows = [] });
        }

        int gi = 0;
        foreach (var state in SelectGroups(groups))
        {
            foreach (var row in WindowsOfGroup(state, spec, fill, fillable, fillValues, gi)) yield return row;
            gi++;
        }
    }

    /// <summary>INTERVAL over groups whose rows come in ts order: each row goes straight into the windows holding it.</summary>
    private IEnumerable<OutRow> StreamedIntervalRows(WindowSpec spec, FillMode fill, bool[] fillable, object?[]? fillValues)
    {
        var index = new Dictionary<string, int>();
        var groups = new List<(GroupState State, SortedDictionary<long, WindowData> Windows)>();
        long ordinal = 0;
        foreach (var ctx in Scan())
        {
            if (!KnownGroup(ctx, index, groups.Count, out int g))
            {
                groups.Add((new GroupState { Accs = [], Row = ctx.Row, Table = ctx.Table, HasRows = true }, new SortedDictionary<long, WindowData>()));
            }
            var windows = groups[g].Windows;
            long ts = TsOf(ctx, ordinal++);
            for (long s = spec.FirstStartHolding(ts); s <= ts; s = spec.Next(s))
            {
                if (!windows.TryGetValue(s, out var w))
                {
                    w = new WindowData { Start = s, End = spec.End(s), Accs = NewAccs() };
                    windows[s] = w;
                }
                if (ts >= w.End) continue;
                foreach (var acc in w.Accs) acc.Add(ctx, ts);
                if (ts < w.FirstTs)
                {
                    w.FirstTs = ts;
                    w.FirstRow = ctx.Row;
                    w.FirstTable = ctx.Table;
                }
                w.Any = true;
            }
        }
        if (groups.Count == 0 && _keys.Count == 0 && fill is FillMode.NullF or FillMode.ValueF)
        {
            groups.Add((new GroupState { Accs = [], Row = NullRow() }, new SortedDictionary<long, WindowData>()));
        }
        int gi = 0;
        foreach (var (state, windows) in SelectGroups(groups))
        {
            List<WindowData> list;
            if (fill == FillMode.None)
            {
                list = windows.Values.Where(w => w.Any).ToList();
            }
            else
            {
                list = [];
                foreach (long s in FillStarts(spec))
                {
                    list.Add(windows.TryGetValue(s, out var w) ? w : new WindowData { Start = s, End = spec.End(s), Accs = NewAccs() });
                }
            }
            foreach (var row in EmitWindows(state, list, fill, fillable, fillValues, gi)) yield return row;
            gi++;
        }
    }

    /// <summary>Every window start from the window holding the lower bound to the one holding the upper bound.</summary>
    private List<long> FillStarts(WindowSpec spec)
    {
        var starts = new List<long>();
        long s = spec.FirstStartHolding(_minTs);
        while (s <= _maxTs)
        {
            starts.Add(s);
            s = spec.Next(s);
            if (starts.Count > 10_000_000)
            {
                throw new TaosServerException(ServerErrorCode.TimeRangeRequired, "Start(end) time of query range required or time range too large");
            }
        }
        return starts;
    }

    private IEnumerable<OutRow> WindowsOfGroup(GroupState state, WindowSpec? spec, FillMode fill, bool[] fillable, object?[]? fillValues, int group)
    {
        var rows = state.Rows!;
        var ctx = new EvalContext();
        var withTs = new List<(long Ts, object?[] Row, TableInfo? Table)>(rows.Count);
        long ordinal = 0;
        foreach (var (row, table) in rows)
        {
            ctx.Row = row;
            withTs.Add((TsOf(ctx, ordinal++), row, table));
        }
        var sorted = InTsOrder(withTs);

        var segments = spec is null ? EventSegments(sorted) : IntervalSegments(sorted, spec, fill);
        if (segments is null) return [];
        var windows = new List<WindowData>(segments.Count);
        foreach (var (s, e, lo, hi) in segments)
        {
            var w = new WindowData { Start = s, End = e, Accs = NewAccs(), Any = lo < hi };
            if (w.Any)
            {
                w.FirstRow = sorted[lo].Row;
                w.FirstTable = sorted[lo].Table;
            }
            for (int i = lo; i < hi; i++)
            {
                ctx.Row = sorted[i].Row;
                ctx.Table = sorted[i].Table;
                foreach (var acc in w.Accs) acc.Add(ctx, sorted[i].Ts);
            }
            windows.Add(w);
        }
        return EmitWindows(state, windows, fill, fillable, fillValues, group);
    }

    /// <summary><paramref name="rows"/> itself when already in ts order (the usual case), else a stable sort by ts.</summary>
    private static List<(long Ts, object?[] Row, TableInfo? Table)> InTsOrder(List<(long Ts, object?[] Row, TableInfo? Table)> rows)
    {
        for (int i = 1; i < rows.Count; i++)
        {
            if (rows[i - 1].Ts > rows[i].Ts) return rows.OrderBy(r => r.Ts).ToList();
        }
        return rows;
    }

    private IEnumerable<OutRow> EmitWindows(GroupState state, List<WindowData> windows, FillMode fill, bool[] fillable, object?[]? fillValues, int group)
    {
        var ctx = new EvalContext();
        var outputs = new List<(object?[] Values, object?[]? Keys, bool Empty, long Start)>(windows.Count);
        foreach (var w in windows)
        {
            ctx.Row = w.Any ? w.FirstRow : state.Row;
            ctx.Table = w.Any ? w.FirstTable : state.Table;
            if (_selectorAgg >= 0 && w.Accs[_selectorAgg].Selected is { } sel)
            {
                ctx.Row = sel.Row;
                ctx.Table = sel.Table;
            }
            ctx.Aggs = Results(w.Accs);
            ctx.WStart = w.Start;
            ctx.WEnd = w.End;
            ctx.WDuration = w.End - w.Start;
            if (_having is not null && !Values.IsTrue(_having.Eval(ctx))) continue;
            var values = EvalItems(ctx);
            if (!w.Any && fill != FillMode.None)
            {
                // A window without rows has no aggregate values at all (not COUNT 0): every fill mode starts from NULL.
                for (int i = 0; i < values.Length; i++) if (fillable[i]) values[i] = null;
            }
            outputs.Add((values, OrderKeys(ctx), !w.Any, w.Start));
        }
        ApplyFill(outputs, fill, fillable, fillValues);
        return outputs.Select(o => new OutRow(o.Values, o.Keys, group));
    }

    /// <summary>INTERVAL windows as [start, end) with the index range of their rows; null when nothing is emitted.</summary>
    private List<(long Start, long End, int Lo, int Hi)>? IntervalSegments(List<(long Ts, object?[] Row, TableInfo? Table)> sorted, WindowSpec spec, FillMode fill)
    {
        var starts = new List<long>();
        if (fill == FillMode.None)
        {
            if (sorted.Count == 0) return null;
            long s = spec.FirstStartHolding(sorted[0].Ts);
            long last = sorted[^1].Ts;
            int probe = 0;
            while (s <= last)
            {
                long e = spec.End(s);
                while (probe < sorted.Count && sorted[probe].Ts < s) probe++;
                if (probe < sorted.Count && sorted[probe].Ts < e)
                {
                    starts.Add(s);
                    s = spec.Next(s);
                }
                else if (probe < sorted.Count)
                {
                    long jump = spec.FirstStartHolding(sorted[probe].Ts);
                    s = jump > s ? jump : spec.Next(s);
                }
                else break;
            }
        }
        else
        {
            if (sorted.Count == 0 && fill is not (FillMode.NullF or FillMode.ValueF)) return null;
            starts = FillStarts(spec);
        }
        var segments = new List<(long, long, int, int)>(starts.Count);
        int lo = 0;
        foreach (long s in starts)
        {
            long e = spec.End(s);
            while (lo < sorted.Count && sorted[lo].Ts < s) lo++;
            int hi = lo;
            while (hi < sorted.Count && sorted[hi].Ts < e) hi++;
            segments.Add((s, e, lo, hi));
        }
        return segments;
    }

    /// <summary>
    /// SESSION, STATE_WINDOW, EVENT_WINDOW and COUNT_WINDOW windows: runs of rows, each reported from its first to
    /// its last row's timestamp.
    /// </summary>
    private List<(long Start, long End, int Lo, int Hi)> EventSegments(List<(long Ts, object?[] Row, TableInfo? Table)> sorted)
    {
        var result = new List<(long, long, int, int)>();
        void Add(int lo, int hi)
        {
            if (hi > lo) result.Add((sorted[lo].Ts, sorted[hi - 1].Ts, lo, hi));
        }
        var ctx = new EvalContext();
        switch (_select.Window)
        {
            case SessionWindow sw:
                {
                    long gap = QueryTime.FixedTicks(sw.Gap, _source.Precision);
                    int start = 0;
                    for (int i = 1; i <= sorted.Count; i++)
                    {
                        if (i == sorted.Count || sorted[i].Ts - sorted[i - 1].Ts > gap)
                        {
                            Add(start, i);
                            start = i;
                        }
                    }
                    break;
                }
            case StateWindow:
                {
                    // Rows with a NULL state belong to no window of their own; a window ends at its last non-NULL row.
                    int start = -1, lastKnown = -1;
                    object? state = null;
                    for (int i = 0; i < sorted.Count; i++)
                    {
                        ctx.Row = sorted[i].Row;
                        ctx.Table = sorted[i].Table;
                        var v = _stateExpr!.Eval(ctx);
                        if (v is null) continue;
                        if (start < 0)
                        {
                            start = i;
                            state = v;
                        }
                        else if (Values.Compare(v, state!) != 0)
                        {
                            Add(start, lastKnown + 1);
                            start = i;
                            state = v;
                        }
                        lastKnown = i;
                    }
                    if (start >= 0) Add(start, lastKnown + 1);
                    break;
                }
            case EventWindow:
                {
                    int start = -1;
                    for (int i = 0; i < sorted.Count; i++)
                    {
                        ctx.Row = sorted[i].Row;
                        ctx.Table = sorted[i].Table;
                        if (start < 0 && Values.IsTrue(_eventStart!.Eval(ctx))) start = i;
                        if (start >= 0 && Values.IsTrue(_eventEnd!.Eval(ctx)))
                        {
                            Add(start, i + 1);
                            start = -1;
                        }
                    }
                    break;
                }
            case CountWindow cw:
                {
                    long step = cw.Sliding ?? cw.Count;
                    for (long lo = 0; lo < sorted.Count; lo += step)
                    {
                        Add((int)lo, (int)Math.Min(sorted.Count, lo + cw.Count));
                        if (lo + cw.Count >= sorted.Count) break;
                    }
                    break;
                }
        }
        return result;
    }

    private void ApplyFill(List<(object?[] Values, object?[]? Keys, bool Empty, long Start)> outputs, FillMode fill, bool[] fillable, object?[]? fillValues)
    {
        switch (fill)
        {
            case FillMode.Value:
            case FillMode.ValueF:
                foreach (var o in outputs)
                {
                    for (int i = 0; i < fillable.Length; i++)
                    {
                        if (fillable[i] && o.Values[i] is null) o.Values[i] = fillValues![i];
                    }
                }
                break;
            case FillMode.Prev:
                for (int i = 0; i < fillable.Length; i++)
                {
                    if (!fillable[i]) continue;
                    object? prev = null;
                    foreach (var o in outputs)
                    {
                        if (o.Values[i] is null) o.Values[i] = prev;
                        else prev = o.Values[i];
                    }
                }
                break;
            case FillMode.Next:
                for (int i = 0; i < fillable.Length; i++)
                {
                    if (!fillable[i]) continue;
                    object? next = null;
                    for (int k = outputs.Count - 1; k >= 0; k--)
                    {
                        var o = outputs[k];
                        if (o.Values[i] is null) o.Values[i] = next;
                        else next = o.Values[i];
                    }
                }
                break;
            case FillMode.Linear:
                for (int i = 0; i < fillable.Length; i++)
                {
                    if (!fillable[i] || !Protocol.TaosTypes.IsNumeric(_itemExprs[i].Type)) continue;
                    for (int k = 0; k < outputs.Count; k++)
                    {
                        if (!outputs[k].Empty || outputs[k].Values[i] is not null) continue;
                        int before = k - 1;
                        while (before >= 0 && outputs[before].Values[i] is null) before--;
                        int after = k + 1;
                        while (after < outputs.Count && (outputs[after].Empty || outputs[after].Values[i] is null)) after++;
                        if (before < 0 || after >= outputs.Count || outputs[before].Empty) continue;
                        double y0 = Values.ToDouble(outputs[before].Values[i]!), y1 = Values.ToDouble(outputs[after].Values[i]!);
                        double x0 = outputs[before].Start, x1 = outputs[after].Start, x = outputs[k].Start;
                        double y = y0 + (y1 - y0) * (x - x0) / (x1 - x0);
                        outputs[k].Values[i] = Values.Convert(y, _itemExprs[i].Type, _source.Precision, _zone);
                    }
                }
                break;
        }
    }

    // ---------------------------------------------------------------- DISTINCT, ORDER BY, LIMIT

    private IEnumerable<object?[]> Finish(IEnumerable<OutRow> produced)
    {
        bool perGroupLimit = Partitioned && (_select.Window is not null || !_aggregate || _multiRow.Count > 0);
        if (_select.Distinct)
        {
            produced = Distinct(produced);
        }
        if (perGroupLimit && _select.Limit is { } gl)
        {
            produced = LimitPerGroup(produced, gl);
        }
        if (_order.Count > 0 && !_rowsAlreadyOrdered)
        {
            long keep = !perGroupLimit && _select.Limit is { } sl ? LimitEnd(sl) : long.MaxValue;
            produced = Sort(produced, keep);
        }
        var values = produced.Select(r => r.Values);
        if (!perGroupLimit && _select.Limit is { } l)
        {
            values = values.Skip((int)Math.Min(int.MaxValue, l.Offset)).Take((int)Math.Min(int.MaxValue, l.Count));
        }
        return values;
    }

    private static IEnumerable<OutRow> Distinct(IEnumerable<OutRow> rows)
    {
        var seen = new HashSet<string>();
        foreach (var r in rows)
        {
            if (seen.Add(Values.KeyOf(r.Values))) yield return r;
        }
    }

    private static IEnumerable<OutRow> LimitPerGroup(IEnumerable<OutRow> rows, LimitClause limit)
    {
        var counts = new Dictionary<int, long>();
        long end = LimitEnd(limit);
        foreach (var r in rows)
        {
            counts.TryGetValue(r.Group, out long n);
            counts[r.Group] = n + 1;
            if (n >= limit.Offset && n < end) yield return r;
        }
    }

    /// <summary>Offset + count, saturating: LIMIT 9223372036854775807 OFFSET 1 must not wrap to a negative end.</summary>
    private static long LimitEnd(LimitClause limit) =>
        limit.Count > long.MaxValue - limit.Offset ? long.MaxValue : limit.Offset + limit.Count;

    private int CompareRows(OutRow a, OutRow b)
    {
        for (int i = 0; i < _order.Count; i++)
        {
            var (item, _, desc, nullsFirst) = _order[i];
            object? x = item >= 0 ? a.Values[item] : a.Keys![i];
            object? y = item >= 0 ? b.Values[item] : b.Keys![i];
            if (x is null || y is null)
            {
                if (x is null && y is null) continue;
                return x is null ? (nullsFirst ? -1 : 1) : (nullsFirst ? 1 : -1);
            }
            int c = Values.Compare(x, y);
            if (c != 0) return desc ? -c : c;
        }
        return 0;
    }

    /// <summary>Stable sort; with a LIMIT only the first offset+count rows are kept while reading (a bounded heap).</summary>
    private IEnumerable<OutRow> Sort(IEnumerable<OutRow> rows, long keep)
    {
        List<(OutRow Row, long Seq)> list;
        Comparison<(OutRow Row, long Seq)> cmp = (a, b) =>
        {
            int c = CompareRows(a.Row, b.Row);
            return c != 0 ? c : a.Seq.CompareTo(b.Seq);
        };
        if (keep < 100_000)
        {
            // Max-heap of the best `keep` rows: the root is the worst kept row.
            var heap = new PriorityQueue<(OutRow Row, long Seq), (OutRow Row, long Seq)>(Comparer<(OutRow Row, long Seq)>.Create((a, b) => cmp(b, a)));
            long seq = 0;
            if (keep <= 0) return [];
            foreach (var r in rows)
            {
                var e = (r, seq++);
                if (heap.Count < keep)
                {
                    heap.Enqueue(e, e);
                }
                else if (cmp(e, heap.Peek()) < 0)
                {
                    heap.EnqueueDequeue(e, e);
                }
            }
            list = new List<(OutRow Row, long Seq)>(heap.Count);
            while (heap.Count > 0) list.Add(heap.Dequeue());
            list.Reverse();
            return list.Select(x => x.Row);
        }
        list = rows.Select((r, i) => (r, (long)i)).ToList();
        bool sorted = true;
        for (int i = 1; i < list.Count && sorted; i++)
        {
            if (cmp(list[i - 1], list[i]) > 0) sorted = false;
        }
        if (!sorted) list.Sort(cmp);
        return list.Select(x => x.Row);
    }
}
