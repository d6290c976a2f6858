using System.Globalization;
using Taos.Server.Engine.Catalog;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Users;

/// <summary>
/// The tag condition of <c>GRANT … ON db.table WITH condition</c>: checked against the table's columns and tags as
/// TDengine's translator checks it (an unknown name is 9730), and written back the way the mnode shows it in
/// ins_user_privileges (nodesToSQLFuncs.c <c>nodesNodeToSQL</c>): columns as <c>`db`.`table`.`name`</c>, every
/// operator and every AND/OR group in parentheses, strings in single quotes, floats as C's <c>%e</c>.
/// </summary>
internal static class GrantCondition
{
    /// <summary>The condition's text for ins_user_privileges, or TDengine's error for a name the table lacks.</summary>
    public static string Render(Expr condition, TableInfo table) => Sql(condition, table);

    private static string Sql(Expr e, TableInfo table) => e switch
    {
        ColumnExpr c => Column(c, table),
        LiteralExpr l => Literal(l),
        BinaryExpr { Op: BinaryOp.And or BinaryOp.Or } b => "(" + string.Join(b.Op == BinaryOp.And ? " AND " : " OR ",
            Flatten(b, b.Op).Select(x => Sql(x, table))) + ")",
        BinaryExpr b => "(" + Sql(b.Left, table) + " " + OperatorText(b.Op) + " " + Sql(b.Right, table) + ")",
        IsNullExpr n => "(" + Sql(n.Operand, table) + (n.Negated ? " IS NOT NULL " : " IS NULL ") + ")",
        InExpr i => "(" + Sql(i.Operand, table) + (i.Negated ? " NOT IN " : " IN ") + "(" + string.Join(", ", i.Values.Select(v => Sql(v, table))) + "))",
        FunctionExpr f => f.Name + "(" + string.Join(", ", f.Args.Select(a => Sql(a, table))) + ")",
        _ => e.Text,
    };

    /// <summary>A run of the same logical operator is one group, as TDengine's logic condition node holds it.</summary>
    private static IEnumerable<Expr> Flatten(Expr e, BinaryOp op) =>
        e is BinaryExpr b && b.Op == op ? Flatten(b.Left, op).Concat(Flatten(b.Right, op)) : [e];

    private static string Column(ColumnExpr c, TableInfo table)
    {
        if (!table.Columns.Any(x => x.Name == c.Name) && !table.Tags.Any(x => x.Name == c.Name))
        {
            throw new TaosServerException(ServerErrorCode.InvalidColumnName, "Invalid column name: " + c.Name);
        }
        return "`" + table.Database + "`.`" + table.Name + "`.`" + c.Name + "`";
    }

    private static string Literal(LiteralExpr l) => l.Value switch
    {
        string s => "'" + s + "'",
        bool b => b ? "true" : "false",
        double d => d.ToString("0.000000e+00", CultureInfo.InvariantCulture),
        null => "NULL",
        var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };

    private static string OperatorText(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        BinaryOp.Divide => "/",
        BinaryOp.Modulo => "%",
        BinaryOp.BitAnd => "&",
        BinaryOp.BitOr => "|",
        BinaryOp.Equal => "=",
        BinaryOp.NotEqual => "<>",
        BinaryOp.Less => "<",
        BinaryOp.LessOrEqual => "<=",
        BinaryOp.Greater => ">",
        BinaryOp.GreaterOrEqual => ">=",
        BinaryOp.Like => "LIKE",
        BinaryOp.NotLike => "NOT LIKE",
        BinaryOp.Match => "MATCH",
        BinaryOp.NotMatch => "NMATCH",
        BinaryOp.Contains => "CONTAINS",
        _ => "=>",
    };
}
