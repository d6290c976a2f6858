namespace Taos.Server.Sql.Ast;

/// <summary>
/// An expression. <see cref="Text"/> is its source text (lowercased outside quotes), which names an unaliased
/// result column and identifies the same expression written twice (select item vs GROUP BY key).
/// </summary>
internal abstract record Expr
{
    public string Text { get; init; } = "";
}

internal enum LiteralKind
{
    /// <summary>An integer literal; <see cref="LiteralExpr.Value"/> is <see cref="long"/>, or <see cref="ulong"/> above long.MaxValue.</summary>
    Integer,
    /// <summary>A decimal or exponent literal; <see cref="double"/>.</summary>
    Float,
    /// <summary>A quoted string; <see cref="string"/> with escapes resolved.</summary>
    String,
    /// <summary><c>TRUE</c>/<c>FALSE</c>; <see cref="bool"/>.</summary>
    Bool,
    /// <summary><c>NULL</c>; null.</summary>
    Null,
    /// <summary>A duration such as <c>1s</c>; <see cref="Duration"/>.</summary>
    Duration,
    /// <summary><c>TIMESTAMP '…'</c>; the <see cref="string"/> inside the quotes.</summary>
    Timestamp,
    /// <summary>A <c>?</c> of a prepared statement; <see cref="int"/>: its 0-based index among the statement's <c>?</c>s.</summary>
    Placeholder,
}

internal sealed record LiteralExpr(LiteralKind Kind, object? Value) : Expr;

/// <summary>A column, tag or pseudo-column (<c>tbname</c>, <c>_wstart</c>, <c>_wend</c>, <c>_wduration</c>, …), optionally qualified.</summary>
internal sealed record ColumnExpr(string? Qualifier, string Name) : Expr;

/// <summary><c>*</c> or <c>t.*</c> in a select list.</summary>
internal sealed record StarExpr(string? Qualifier) : Expr;

/// <summary>A function call; <c>count(*)</c> has one <see cref="StarExpr"/> argument.</summary>
internal sealed record FunctionExpr(string Name, IReadOnlyList<Expr> Args) : Expr;

internal enum UnaryOp { Negate, Plus, Not }

internal sealed record UnaryExpr(UnaryOp Op, Expr Operand) : Expr;

internal enum BinaryOp
{
    Add, Subtract, Multiply, Divide, Modulo, BitAnd, BitOr,
    Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual,
    And, Or,
    Like, NotLike, Match, NotMatch, Contains,
    /// <summary><c>json->'key'</c>.</summary>
    JsonGet,
}

internal sealed record BinaryExpr(BinaryOp Op, Expr Left, Expr Right) : Expr;

/// <summary><c>x [NOT] BETWEEN low AND high</c> (inclusive).</summary>
internal sealed record BetweenExpr(Expr Operand, Expr Low, Expr High, bool Negated) : Expr;

/// <summary><c>x [NOT] IN (v, …)</c>.</summary>
internal sealed record InExpr(Expr Operand, IReadOnlyList<Expr> Values, bool Negated) : Expr;

/// <summary><c>x IS [NOT] NULL</c>.</summary>
internal sealed record IsNullExpr(Expr Operand, bool Negated) : Expr;

/// <summary><c>CAST(x AS type)</c>.</summary>
internal sealed record CastExpr(Expr Operand, TypeSpec Type) : Expr;

/// <summary><c>CASE [x] WHEN a THEN b … [ELSE c] END</c>.</summary>
internal sealed record CaseExpr(Expr? Operand, IReadOnlyList<(Expr When, Expr Then)> Branches, Expr? Else) : Expr;
