using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>
/// Bounds how deep a statement may nest. Everything that reads the AST (this parser included) walks it recursively,
/// and a stack overflow ends the whole process rather than the request: a 1 MiB statement such as
/// <c>select 1+1+…+1</c> or <c>((((…))))</c> must fail like any other bad statement instead.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Nested parentheses, calls, signs, NOT and subqueries the recursive descent may be inside at once.</summary>
    private const int MaxRecursion = 200;

    /// <summary>Levels an expression tree may have (a chain <c>a+b+c</c> is a left-deep tree one level per operator).</summary>
    private const int MaxExpressionDepth = 1000;

    private int _recursion;
    private readonly Dictionary<Expr, int> _depths = new(ReferenceEqualityComparer.Instance);

    private void Enter()
    {
        if (++_recursion > MaxRecursion)
        {
            throw SqlErrors.SyntaxNear(_sql, _cur.Start);
        }
    }

    private void Leave() => _recursion--;

    private int DepthOf(Expr? expr) => expr is not null && _depths.TryGetValue(expr, out int depth) ? depth : 1;

    /// <summary>Records the depth of a node built from already-recorded children; fails when it is too deep.</summary>
    private T Tracked<T>(T expr) where T : Expr
    {
        int children = expr switch
        {
            UnaryExpr u => DepthOf(u.Operand),
            BinaryExpr b => Math.Max(DepthOf(b.Left), DepthOf(b.Right)),
            BetweenExpr b => Math.Max(DepthOf(b.Operand), Math.Max(DepthOf(b.Low), DepthOf(b.High))),
            InExpr i => DepthOf(i.Operand),
            IsNullExpr n => DepthOf(n.Operand),
            CastExpr c => DepthOf(c.Operand),
            FunctionExpr f => f.Args.Count == 0 ? 0 : f.Args.Max(DepthOf),
            CaseExpr c => Math.Max(Math.Max(DepthOf(c.Operand), DepthOf(c.Else)),
                c.Branches.Count == 0 ? 0 : c.Branches.Max(b => Math.Max(DepthOf(b.When), DepthOf(b.Then)))),
            _ => 0,
        };
        int depth = children + 1;
        if (depth > MaxExpressionDepth)
        {
            throw SqlErrors.SyntaxNear(_sql, _cur.Start);
        }
        _depths[expr] = depth;
        return expr;
    }
}
