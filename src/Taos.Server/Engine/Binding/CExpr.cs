namespace Taos.Server.Engine.Binding;

/// <summary>A compiled expression: its result type and length and how to compute it.</summary>
internal sealed class CExpr
{
    public required TaosDataType Type { get; init; }
    public required int Length { get; init; }
    public required Func<EvalContext, object?> Eval { get; init; }

    /// <summary>Depends on no row, aggregate or window (so it can be evaluated once).</summary>
    public bool IsConstant { get; init; }

    /// <summary>Contains an aggregate function.</summary>
    public bool HasAggregate { get; init; }

    /// <summary>Reads some column value of the row (not only tags or tbname).</summary>
    public bool UsesColumns { get; init; }

    /// <summary>The bare NULL literal.</summary>
    public bool IsNullLiteral { get; init; }

    /// <summary>An integer literal, possibly negated or parenthesised (stays BIGINT under unary minus).</summary>
    public bool IsIntegerLiteral { get; init; }

    /// <summary>A duration literal; <see cref="DurationUnit"/> and <see cref="DurationValue"/> give it as written.</summary>
    public char DurationUnit { get; init; }

    public long DurationValue { get; init; }

    /// <summary>Set when this is a plain reference to a source slot.</summary>
    public SourceColumn? Slot { get; init; }

    /// <summary>Set when this is a comparison of a bare column with a constant that can run on typed vectors.</summary>
    public ColumnComparison? Comparison { get; init; }

    public static CExpr Constant(TaosDataType type, int length, object? value, bool isNull = false, bool isInt = false) =>
        new() { Type = type, Length = length, Eval = _ => value, IsConstant = true, IsNullLiteral = isNull, IsIntegerLiteral = isInt };

    public bool IsString => Type is TaosDataType.VarChar or TaosDataType.NChar;
}
