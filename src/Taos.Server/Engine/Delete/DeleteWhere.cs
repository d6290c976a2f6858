using Taos.Server.Engine.Catalog;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Delete;

/// <summary>
/// The checks TDengine makes of a DELETE's WHERE before deleting anything: it may name only the primary timestamp
/// and tags (any other column: 9813), never <c>tbname</c> (9804); tag conditions without a time condition are
/// refused by the vnode with 1807 <c>invalid input</c>.
/// </summary>
internal static class DeleteWhere
{
    /// <summary>0x2655 TSDB_CODE_PAR_INVALID_DELETE_WHERE.</summary>
    public const int InvalidDeleteWhereCode = 9813;

    /// <summary>0x264C TSDB_CODE_PAR_INVALID_TBNAME.</summary>
    public const int InvalidTbnameCode = 9804;

    /// <summary>0x070F TSDB_CODE_QRY_INVALID_INPUT.</summary>
    public const int InvalidInputCode = 1807;

    /// <summary>Throws TDengine's error when <paramref name="where"/> cannot select what to delete from <paramref name="table"/>.</summary>
    public static void Check(Expr? where, TableInfo table)
    {
        if (where is null)
        {
            return;
        }
        bool time = false, tags = false;
        foreach (var column in Columns(where))
        {
            string name = column.Name;
            if (string.Equals(name, "tbname", StringComparison.OrdinalIgnoreCase))
            {
                throw new TaosServerException(InvalidTbnameCode, "Invalid tbname pseudo column");
            }
            if (IsPrimaryTimestamp(name, table))
            {
                time = true;
            }
            else if (table.Tags.Any(t => t.Name == name))
            {
                tags = true;
            }
            else
            {
                throw new TaosServerException(InvalidDeleteWhereCode, "The DELETE statement must only have a definite time window range");
            }
        }
        if (tags && !time)
        {
            throw new TaosServerException(InvalidInputCode, "invalid input");
        }
    }

    private static bool IsPrimaryTimestamp(string name, TableInfo table) =>
        name == table.Columns[0].Name || name is "_rowts" or "_c0";

    /// <summary>Every column reference in <paramref name="e"/>.</summary>
    private static IEnumerable<ColumnExpr> Columns(Expr e)
    {
        switch (e)
        {
            case ColumnExpr c:
                yield return c;
                break;
            case BinaryExpr b:
                foreach (var c in Columns(b.Left).Concat(Columns(b.Right))) yield return c;
                break;
            case UnaryExpr u:
                foreach (var c in Columns(u.Operand)) yield return c;
                break;
            case BetweenExpr bt:
                foreach (var c in Columns(bt.Operand).Concat(Columns(bt.Low)).Concat(Columns(bt.High))) yield return c;
                break;
            case InExpr i:
                foreach (var c in i.Values.Prepend(i.Operand).SelectMany(Columns)) yield return c;
                break;
            case IsNullExpr n:
                foreach (var c in Columns(n.Operand)) yield return c;
                break;
            case CastExpr cast:
                foreach (var c in Columns(cast.Operand)) yield return c;
                break;
            case FunctionExpr f:
                foreach (var c in f.Args.SelectMany(Columns)) yield return c;
                break;
        }
    }
}
