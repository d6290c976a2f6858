using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Query;

/// <summary>What one row of the FROM source is: a table's column values plus the table (for tags and tbname).</summary>
internal readonly record struct SourceRow(object?[] Values, TableInfo? Table);

internal enum SlotKind { Column, Tag, TableName }

/// <summary>A name the FROM source offers: a column, a tag or <c>tbname</c>.</summary>
internal sealed record SourceColumn(string Name, TaosDataType Type, int Length, SlotKind Kind, int Index);

/// <summary>The names and types a FROM source offers, and where its primary timestamp is.</summary>
internal sealed class SourceLayout
{
    public List<SourceColumn> Columns { get; } = [];

    /// <summary>Index of the primary timestamp among the row values, or −1.</summary>
    public int TsIndex { get; init; } = -1;

    /// <summary>True when <c>*</c> includes the tags (a super table).</summary>
    public bool StarIncludesTags { get; init; }

    /// <summary>
    /// The column of that exact name: the parser already lowercased unquoted names, and TDengine compares names
    /// case-sensitively, so <c>val</c> does not find a column created as <c>`Val`</c>.
    /// </summary>
    public SourceColumn? Find(string name)
    {
        foreach (var c in Columns)
        {
            if (c.Name == name) return c;
        }
        return null;
    }
}

/// <summary>The state an expression is evaluated against.</summary>
internal sealed class EvalContext
{
    public object?[] Row = [];
    public TableInfo? Table;
    public object?[] Aggs = [];
    public long WStart;
    public long WEnd;
    public long WDuration;
}

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

    public static CExpr Constant(TaosDataType type, int length, object? value, bool isNull = false, bool isInt = false) =>
        new() { Type = type, Length = length, Eval = _ => value, IsConstant = true, IsNullLiteral = isNull, IsIntegerLiteral = isInt };

    public bool IsString => Type is TaosDataType.VarChar or TaosDataType.NChar;
}
