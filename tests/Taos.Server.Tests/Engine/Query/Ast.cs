using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Engine.Query;

/// <summary>Builds ASTs for executor tests with the texts the parser would give them.</summary>
internal static class Ast
{
    public static ColumnExpr Col(string name) => new(null, name) { Text = name };

    public static LiteralExpr Int(long v) => new(LiteralKind.Integer, v) { Text = v.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public static LiteralExpr Dbl(double v, string text) => new(LiteralKind.Float, v) { Text = text };

    public static LiteralExpr Str(string v) => new(LiteralKind.String, v) { Text = "'" + v + "'" };

    public static LiteralExpr Null() => new(LiteralKind.Null, null) { Text = "null" };

    public static LiteralExpr Dur(long v, char unit) => new(LiteralKind.Duration, new Duration(v, unit, v + unit.ToString())) { Text = v + unit.ToString() };

    public static FunctionExpr Fn(string name, params Expr[] args) =>
        new(name, args) { Text = name + "(" + string.Join(", ", args.Select(a => a.Text)) + ")" };

    public static FunctionExpr CountStar() => new("count", [new StarExpr(null) { Text = "*" }]) { Text = "count(*)" };

    private static string OpText(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+", BinaryOp.Subtract => "-", BinaryOp.Multiply => "*", BinaryOp.Divide => "/", BinaryOp.Modulo => "%",
        BinaryOp.Equal => "=", BinaryOp.NotEqual => "<>", BinaryOp.Less => "<", BinaryOp.LessOrEqual => "<=",
        BinaryOp.Greater => ">", BinaryOp.GreaterOrEqual => ">=", BinaryOp.And => "and", BinaryOp.Or => "or",
        BinaryOp.Like => "like", BinaryOp.JsonGet => "->", _ => op.ToString().ToLowerInvariant(),
    };

    public static BinaryExpr Bin(BinaryOp op, Expr l, Expr r) => new(op, l, r) { Text = l.Text + " " + OpText(op) + " " + r.Text };

    public static SelectItem Item(Expr e, string? alias = null) => new(e, alias, e.Text);

    public static SelectItem Star() => new(new StarExpr(null) { Text = "*" }, null, "*");

    public static SelectStatement Select(params SelectItem[] items) =>
        new(false, items, null, null, [], null, [], null, [], null, null);

    public static SelectStatement From(this SelectStatement s, string table, string? db = null) =>
        s with { From = new TableSource(new TableName(db, table), null) };

    public static SelectStatement Where(this SelectStatement s, Expr e) => s with { Where = e };

    public static SelectStatement OrderBy(this SelectStatement s, params (Expr Expr, bool Desc)[] keys) =>
        s with { OrderBy = keys.Select(k => new OrderItem(k.Expr, k.Desc, null)).ToList() };

    public static SelectStatement GroupBy(this SelectStatement s, params Expr[] keys) => s with { GroupBy = keys };

    public static SelectStatement PartitionBy(this SelectStatement s, params Expr[] keys) => s with { PartitionBy = keys };

    public static SelectStatement Interval(this SelectStatement s, Duration len, FillMode fill = FillMode.None, params Expr[] values) =>
        s with { Window = new IntervalWindow(len, null, null, fill == FillMode.None ? null : new FillClause(fill, values)) };

    public static SelectStatement Limit(this SelectStatement s, long count, long offset = 0) => s with { Limit = new LimitClause(count, offset) };

    public static SelectStatement SLimit(this SelectStatement s, long count) => s with { SLimit = new LimitClause(count, 0) };
}
