using Taos.Server.Engine.Operators;
using Taos.Server.Engine.Time;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary>
/// Resolves <c>a [type] JOIN b ON …</c> and <c>FROM a, b WHERE …</c>, also chained (<c>a JOIN b ON … JOIN c ON …</c>,
/// <c>FROM a, b, c</c>) as a left-deep chain of two-input joins: reads each input (a table with its tags and
/// <c>tbname</c>, a super table's children, a subquery, or a join) through <paramref name="runSide"/>, finds the
/// primary-timestamp condition TDengine 3.3 requires (9985 without it), keeps the ON clause's other terms as a
/// condition every matched pair must meet, and offers the joined rows — each name qualified by its input's alias
/// or table name — to the outer query as a subquery's rows are.
/// </summary>
internal sealed class JoinResolver(SourceResolver sides, Func<SelectStatement, SqlSession, RowSetResult> runSide, TimeZoneInfo zone)
{
    /// <summary>TSDB_CODE_PAR_NOT_SUPPORT_JOIN (0x2664).</summary>
    private const int NotSupportJoin = 9828;

    public QuerySource Resolve(JoinSource join, Expr? where, SqlSession session)
    {
        CheckUniqueNames(join);
        var joined = Join(join, where, session);
        var layout = new SourceLayout { TsIndex = joined.TsIndex, StarIncludesTags = false };
        layout.Columns.AddRange(joined.Columns);
        return new QuerySource(layout, joined.Precision, [], null, joined.Rows);
    }

    private JoinSide Join(JoinSource join, Expr? where, SqlSession session)
    {
        var (kind, driving) = JoinClauses.Check(join);
        CheckInputs(join, kind);
        var left = Side(join.Left, where, session);
        var right = Side(join.Right, where, session);
        int leftWidth = left.Columns.Count;
        var columns = left.Columns.Concat(right.Columns.Select(c => c with { Index = c.Index + leftWidth })).ToList();
        var (bound, main) = Bind(join, where, kind, driving, left, right, session);
        var pairCondition = PairCondition(join.On, main, columns, left.Precision, session);
        // JLIMIT 0 makes the whole result empty [src parTranslater.c translateJoinTable: isEmptyResult].
        var rows = join.JLimit == 0 ? [] : new TimestampJoin(bound, left.Rows, right.Rows, pairCondition).Rows();
        var primary = left.PrimaryTs.Concat(right.PrimaryTs.Select(i => i + leftWidth)).ToHashSet();
        // The driving input's timestamp is the result's timeline: the right input's for a RIGHT join.
        int ts = driving == "right" ? right.TsIndex + leftWidth : left.TsIndex;
        return new JoinSide(columns, rows, primary, ts, left.Precision);
    }

    /// <summary>
    /// Only inner joins take a join (or a subquery over one) as an input; ASOF and WINDOW joins take tables only
    /// [src parTranslater.c checkJoinTable].
    /// </summary>
    private static void CheckInputs(JoinSource join, JoinKind kind)
    {
        if (kind != JoinKind.Inner && (HasJoin(join.Left) || HasJoin(join.Right)))
        {
            throw new TaosServerException(NotSupportJoin, "unsupported nested join type");
        }
        if (kind is JoinKind.Asof or JoinKind.Window && (join.Left is not TableSource || join.Right is not TableSource))
        {
            throw new TaosServerException(NotSupportJoin, "Only support ASOF/WINDOW join between tables");
        }
    }

    /// <summary>Two inputs of one FROM clause named alike: 9827 [src parTranslater.c addNamespace].</summary>
    private static void CheckUniqueNames(JoinSource join)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in InputNames(join))
        {
            if (!seen.Add(name)) throw new TaosServerException(9827, $"Not unique table/alias: '{name}'");
        }
    }

    private static IEnumerable<string> InputNames(FromSource source) => source switch
    {
        JoinSource j => InputNames(j.Left).Concat(InputNames(j.Right)),
        TableSource t => [t.Alias ?? t.Name.Name],
        SubquerySource { Alias: { } alias } => [alias],
        _ => [],
    };

    private static bool HasJoin(FromSource source) => source is JoinSource || source is SubquerySource { Query.From: JoinSource };

    /// <summary>One input read whole.</summary>
    private JoinSide Side(FromSource source, Expr? where, SqlSession session)
    {
        switch (source)
        {
            case TableSource t:
                {
                    var layout = sides.Resolve(t, session).Layout!;
                    var items = layout.Columns.Select(c => new SelectItem(new ColumnExpr(null, c.Name) { Text = c.Name }, null, c.Name)).ToList();
                    var select = new SelectStatement(false, items, t with { Alias = null }, null, [], null, [], null, [], null, null);
                    var result = runSide(select, session);
                    string name = t.Alias ?? t.Name.Name;
                    var columns = result.Columns.Select((c, i) => new SourceColumn(c.Name, c.Type, c.Length, SlotKind.Column, i, name)
                    {
                        InStar = layout.Columns[i].Kind == SlotKind.Column,
                    }).ToList();
                    return new JoinSide(columns, result.Rows, new HashSet<int> { layout.TsIndex }, layout.TsIndex, result.Precision);
                }
            case SubquerySource sub:
                {
                    var result = runSide(sub.Query, session);
                    int ts = result.Columns.ToList().FindIndex(c => c.Type == TaosDataType.Timestamp);
                    var columns = result.Columns.Select((c, i) => new SourceColumn(c.Name, c.Type, c.Length, SlotKind.Column, i, sub.Alias ?? "")).ToList();
                    var primary = ts >= 0 ? new HashSet<int> { ts } : [];
                    return new JoinSide(columns, result.Rows, primary, ts, result.Precision);
                }
            case JoinSource nested:
                return Join(nested, where, session);
            default:
                throw ExpressionCompiler.SyntaxError("from");
        }
    }

    /// <summary>The primary-timestamp condition: its comparison read from the driving side, the positions and operands of each input's timestamp, the AND term.</summary>
    private sealed record MainCondition(BinaryOp Op, int LeftTs, int RightTs, Expr LeftOperand, Expr RightOperand, Expr Term);

    /// <summary>The join bound, and the AND term of ON (or WHERE) that is its primary-timestamp condition (null for WINDOW and a default ASOF).</summary>
    private (BoundJoin Join, Expr? Main) Bind(JoinSource join, Expr? where, JoinKind kind, string driving, JoinSide left, JoinSide right, SqlSession session)
    {
        MainCondition? found = null;
        var op = BinaryOp.Equal;
        if (kind != JoinKind.Window)
        {
            // An inner join may name its conditions in WHERE too; the others only in ON.
            found = FindTimestampCondition(join.On, left, right, driving == "right")
                ?? (kind == JoinKind.Inner ? FindTimestampCondition(where, left, right, rightDrives: false) : null);
            if (found is null && kind == JoinKind.Asof)
            {
                // ASOF without a timestamp comparison: TDengine adds driving.ts >= other.ts [src parTranslater.c addPrimJoinEqCond].
                op = BinaryOp.GreaterOrEqual;
            }
            else if (found is null || (found.Op != BinaryOp.Equal && kind != JoinKind.Asof))
            {
                throw new TaosServerException(9985, "primary timestamp equal condition is expected in join conditions");
            }
            else
            {
                op = found.Op;
            }
        }
        long low = 0, high = 0;
        if (join.WindowOffset is { } offset)
        {
            low = OffsetTicks(offset.Low, left.Precision);
            high = OffsetTicks(offset.High, left.Precision);
        }
        var bound = new BoundJoin(kind, driving, found?.LeftTs ?? left.TsIndex, found?.RightTs ?? right.TsIndex, left.Columns.Count, right.Columns.Count,
            op, low, high, join.JLimit ?? (kind == JoinKind.Asof ? 1 : null))
        {
            LeftKey = found is null ? null : KeyOf(found.LeftOperand, left, session),
            RightKey = found is null ? null : KeyOf(found.RightOperand, right, session),
        };
        return (bound, found?.Term);
    }

    /// <summary>
    /// The first comparison between the two inputs' primary timestamps (or their <c>timetruncate</c>) among the
    /// AND terms of <paramref name="condition"/>, as <c>driving.ts op other.ts</c>; null when there is none.
    /// </summary>
    private static MainCondition? FindTimestampCondition(Expr? condition, JoinSide left, JoinSide right, bool rightDrives)
    {
        if (condition is null) return null;
        foreach (var term in Conjuncts(condition))
        {
            if (term is not BinaryExpr { Op: BinaryOp.Equal or BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual } b)
            {
                continue;
            }
            var (l, lIndex) = SideOfTs(b.Left, left, right);
            var (r, rIndex) = SideOfTs(b.Right, left, right);
            if (l == 0 || r == 0 || l == r) continue;
            // Written as left.ts op right.ts when l is the left input; flip to read from the driving side.
            bool leftFirst = l == 1;
            var op = leftFirst != rightDrives ? b.Op : ExpressionCompiler.Mirror(b.Op);
            return leftFirst
                ? new MainCondition(op, lIndex, rIndex, b.Left, b.Right, term)
                : new MainCondition(op, rIndex, lIndex, b.Right, b.Left, term);
        }
        return null;
    }

    /// <summary>
    /// The join key of an input's rows when its operand is <c>timetruncate(ts, …)</c> (the one function TDengine
    /// allows there); null when the operand is the timestamp itself.
    /// </summary>
    private Func<object?[], long?>? KeyOf(Expr operand, JoinSide side, SqlSession session)
    {
        if (operand is ColumnExpr) return null;
        var layout = new SourceLayout();
        layout.Columns.AddRange(side.Columns);
        var key = new ExpressionCompiler(layout, side.Precision, zone, session, Clock.Now(side.Precision)).Compile(operand);
        var ctx = new EvalContext();
        return row =>
        {
            ctx.SetRow(row, null);
            return key.Eval(ctx) is { } v ? Values.ToLong(v) : null;
        };
    }

    private static IEnumerable<Expr> Conjuncts(Expr e) =>
        e is BinaryExpr { Op: BinaryOp.And } b ? Conjuncts(b.Left).Concat(Conjuncts(b.Right)) : [e];

    /// <summary>
    /// (1, position) when <paramref name="e"/> names a primary timestamp of the left input (itself or inside
    /// <c>timetruncate</c>), (2, position) of the right, else (0, −1).
    /// </summary>
    private static (int Side, int Index) SideOfTs(Expr e, JoinSide left, JoinSide right)
    {
        if (e is FunctionExpr { Args: [var inner, ..] } f && f.Name.Equals("timetruncate", StringComparison.OrdinalIgnoreCase)) e = inner;
        if (e is not ColumnExpr { Qualifier: { } q } c) return (0, -1);
        int i = left.Find(q, c.Name);
        if (i >= 0 && left.PrimaryTs.Contains(i)) return (1, i);
        i = right.Find(q, c.Name);
        if (i >= 0 && right.PrimaryTs.Contains(i)) return (2, i);
        return (0, -1);
    }

    /// <summary>
    /// ON's AND terms other than the primary-timestamp condition, bound over the joined columns: a pair of rows
    /// matches only when all hold (an outer join keeps a driving row without such a pair with NULLs). Null when
    /// there are none; WHERE's terms are the outer query's filter, not this.
    /// </summary>
    private Func<object?[], bool>? PairCondition(Expr? on, Expr? main, List<SourceColumn> columns, TaosPrecision precision, SqlSession session)
    {
        if (on is null) return null;
        var terms = Conjuncts(on).Where(t => !ReferenceEquals(t, main)).ToList();
        if (terms.Count == 0) return null;
        var layout = new SourceLayout();
        layout.Columns.AddRange(columns);
        var compiler = new ExpressionCompiler(layout, precision, zone, session, Clock.Now(precision));
        var bound = terms.Select(compiler.Compile).ToList();
        var ctx = new EvalContext();
        return row =>
        {
            ctx.SetRow(row, null);
            foreach (var term in bound)
            {
                if (!Values.IsTrue(term.Eval(ctx))) return false;
            }
            return true;
        };
    }

    /// <summary>A WINDOW_OFFSET bound: a duration (or tick count), possibly negated.</summary>
    private static long OffsetTicks(Expr e, TaosPrecision precision) => e switch
    {
        UnaryExpr { Op: UnaryOp.Negate, Operand: var inner } => -OffsetTicks(inner, precision),
        UnaryExpr { Op: UnaryOp.Plus, Operand: var inner } => OffsetTicks(inner, precision),
        LiteralExpr { Kind: LiteralKind.Duration, Value: Duration d } => Durations.Ticks(d, precision),
        LiteralExpr { Kind: LiteralKind.Integer, Value: var v } => System.Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw ExpressionCompiler.SyntaxError(e.Text),
    };
}
