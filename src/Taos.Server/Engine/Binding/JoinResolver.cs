using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Operators;
using Taos.Server.Engine.Time;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary>
/// Resolves <c>a [type] JOIN b ON …</c> and <c>FROM a, b WHERE …</c>: reads each side (a table, a super table's
/// children or a subquery) through <paramref name="runSide"/>, finds the primary-timestamp condition TDengine 3.3
/// requires (9985 without it), and offers the joined rows — the left side's columns, then the right side's, each
/// name qualified by its side's alias or table name — to the outer query as a subquery's rows are.
/// </summary>
internal sealed class JoinResolver(SourceResolver sides, Func<SelectStatement, SqlSession, RowSetResult> runSide)
{
    public QuerySource Resolve(JoinSource join, Expr? where, SqlSession session)
    {
        var (leftName, left) = Side(join.Left, session);
        var (rightName, right) = Side(join.Right, session);
        var layout = new SourceLayout { TsIndex = left.TsIndex, StarIncludesTags = false };
        int li = 0;
        foreach (var c in left.Columns) layout.Columns.Add(new SourceColumn(c.Name, c.Type, c.Length, SlotKind.Column, li++, leftName));
        foreach (var c in right.Columns) layout.Columns.Add(new SourceColumn(c.Name, c.Type, c.Length, SlotKind.Column, li++, rightName));
        var bound = Bind(join, where, (leftName, left), (rightName, right));
        var rows = new TimestampJoin(bound, left.Rows, right.Rows).Rows();
        return new QuerySource(layout, left.Precision, [], null, rows);
    }

    /// <summary>One side read whole: its columns (not its tags), its rows and where its timestamp is.</summary>
    private sealed record SideRows(IReadOnlyList<ResultColumn> Columns, IEnumerable<object?[]> Rows, int TsIndex, TaosPrecision Precision);

    private (string Name, SideRows Rows) Side(FromSource source, SqlSession session)
    {
        switch (source)
        {
            case TableSource t:
                {
                    var resolved = sides.Resolve(t, session);
                    var columns = resolved.Layout!.Columns.Where(c => c.Kind == SlotKind.Column).ToList();
                    var items = columns.Select(c => new SelectItem(new ColumnExpr(null, c.Name) { Text = c.Name }, null, c.Name)).ToList();
                    var select = new SelectStatement(false, items, t with { Alias = null }, null, [], null, [], null, [], null, null);
                    var result = runSide(select, session);
                    return (t.Alias ?? t.Name.Name, new SideRows(result.Columns, result.Rows, resolved.Layout.TsIndex, result.Precision));
                }
            case SubquerySource sub:
                {
                    var result = runSide(sub.Query, session);
                    int ts = result.Columns.ToList().FindIndex(c => c.Type == TaosDataType.Timestamp);
                    return (sub.Alias ?? "", new SideRows(result.Columns, result.Rows, ts, result.Precision));
                }
            default:
                throw TaosServerException.NotSupported("JOIN of more than two tables");
        }
    }

    private static BoundJoin Bind(JoinSource join, Expr? where, (string Name, SideRows Rows) left, (string Name, SideRows Rows) right)
    {
        var words = join.JoinType.Split(' ').Where(w => w != "outer").ToList();
        string driving = words.Count > 1 || words[0] is "left" or "right" or "full" ? words[0] : "left";
        var kind = words[^1] switch
        {
            "semi" => JoinKind.Semi,
            "anti" => JoinKind.Anti,
            "asof" => JoinKind.Asof,
            "window" => JoinKind.Window,
            "left" or "right" or "full" => JoinKind.Outer,
            _ => JoinKind.Inner,
        };
        var condition = join.On ?? where;
        var op = BinaryOp.Equal;
        if (kind != JoinKind.Window)
        {
            var found = condition is null ? null : TimestampCondition(condition, left, right, driving == "right");
            if (found is null || (found != BinaryOp.Equal && kind != JoinKind.Asof))
            {
                throw new TaosServerException(9985, "primary timestamp equal condition is expected in join conditions");
            }
            op = found.Value;
        }
        var precision = left.Rows.Precision;
        long low = 0, high = 0;
        if (join.WindowOffset is { } offset)
        {
            low = OffsetTicks(offset.Low, precision);
            high = OffsetTicks(offset.High, precision);
        }
        return new BoundJoin(kind, driving, left.Rows.TsIndex, right.Rows.TsIndex, left.Rows.Columns.Count, right.Rows.Columns.Count,
            op, low, high, join.JLimit ?? (kind == JoinKind.Asof ? 1 : null));
    }

    /// <summary>
    /// The comparison between the two sides' primary timestamps among the AND terms of <paramref name="condition"/>,
    /// as <c>driving.ts op other.ts</c>; null when there is none.
    /// </summary>
    private static BinaryOp? TimestampCondition(Expr condition, (string Name, SideRows Rows) left, (string Name, SideRows Rows) right, bool rightDrives)
    {
        foreach (var term in Conjuncts(condition))
        {
            if (term is not BinaryExpr { Op: BinaryOp.Equal or BinaryOp.Less or BinaryOp.LessOrEqual or BinaryOp.Greater or BinaryOp.GreaterOrEqual } b)
            {
                continue;
            }
            int l = SideOfTs(b.Left, left, right), r = SideOfTs(b.Right, left, right);
            if (l == 0 || r == 0 || l == r) continue;
            // Written as left.ts op right.ts when l is the left side; flip to read from the driving side.
            bool leftFirst = l == 1;
            return leftFirst != rightDrives ? b.Op : ExpressionCompiler.Mirror(b.Op);
        }
        return null;
    }

    private static IEnumerable<Expr> Conjuncts(Expr e) =>
        e is BinaryExpr { Op: BinaryOp.And } b ? Conjuncts(b.Left).Concat(Conjuncts(b.Right)) : [e];

    /// <summary>1 when <paramref name="e"/> names the left side's primary timestamp, 2 the right's, else 0.</summary>
    private static int SideOfTs(Expr e, (string Name, SideRows Rows) left, (string Name, SideRows Rows) right)
    {
        if (e is not ColumnExpr { Qualifier: { } q } c) return 0;
        if (q == left.Name && left.Rows.TsIndex >= 0 && left.Rows.Columns[left.Rows.TsIndex].Name == c.Name) return 1;
        if (q == right.Name && right.Rows.TsIndex >= 0 && right.Rows.Columns[right.Rows.TsIndex].Name == c.Name) return 2;
        return 0;
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
