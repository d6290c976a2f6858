using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Operators;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Planning;

/// <summary>
/// Plans <c>q1 UNION [ALL] q2 …</c>: each block runs as its own query; UNION ALL concatenates the left result with
/// the next block, UNION also keeps one row of each set of equal rows (left to right, as TDengine nests them); then
/// ORDER BY (result positions or names of the first block) and LIMIT over the whole.
/// </summary>
internal sealed class UnionPlanner(TimeZoneInfo zone)
{
    /// <summary>Plans <paramref name="union"/>, running its blocks through <paramref name="runBlock"/>.</summary>
    public QueryPlan Plan(UnionStatement union, Func<SelectStatement, RowSetResult> runBlock)
    {
        var first = runBlock(union.Queries[0]);
        var columns = first.Columns;
        RowOperator root = new ResultRowsOperator(first, columns, zone);
        for (int i = 1; i < union.Queries.Count; i++)
        {
            var block = runBlock(union.Queries[i]);
            if (block.Columns.Count != columns.Count)
            {
                throw new TaosServerException(9780, "Query block has incorrect number of result columns");
            }
            root = new UnionAllOperator(root, new ResultRowsOperator(block, columns, zone));
            if (!union.All[i - 1]) root = new DistinctOperator(root);
        }
        if (union.SLimit is not null)
        {
            throw new TaosServerException(ServerErrorCode.SlimitWithoutGroup, "slimit/soffset only available for PARTITION/GROUP BY query");
        }
        var order = union.OrderBy.Select(o => OrderKeyOf(o, columns)).ToList();
        if (order.Count > 0)
        {
            root = new SortOperator(root, order, union.Limit is { } sortLimit ? LimitOperator.End(sortLimit) : long.MaxValue);
        }
        if (union.Limit is { } limit) root = new LimitOperator(root, limit, perGroup: false);
        return new QueryPlan(columns, root, first.Precision) { Sorted = order.Count > 0 };
    }

    /// <summary>An ORDER BY key of a UNION: a position in, or the name of, a result column of the first block.</summary>
    private static OrderKey OrderKeyOf(OrderItem o, IReadOnlyList<ResultColumn> columns)
    {
        int item = o.Expr switch
        {
            LiteralExpr { Kind: LiteralKind.Integer } pos => PositionOf(pos, columns.Count),
            ColumnExpr { Qualifier: null } c => columns.ToList().FindIndex(col => string.Equals(col.Name, c.Name, StringComparison.OrdinalIgnoreCase)),
            _ => -1,
        };
        if (item < 0) throw new TaosServerException(9845, "Invalid expr in order by clause");
        return new OrderKey(item, null, o.Descending, o.NullsFirst ?? !o.Descending);
    }

    private static int PositionOf(LiteralExpr pos, int count)
    {
        long p = Convert.ToInt64(pos.Value, System.Globalization.CultureInfo.InvariantCulture);
        if (p < 1 || p > count)
        {
            throw new TaosServerException(9737, "ORDER BY item must be the number of a SELECT-list expression");
        }
        return (int)p - 1;
    }
}
