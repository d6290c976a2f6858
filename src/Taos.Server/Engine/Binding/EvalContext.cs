using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Binding;

/// <summary>
/// The state an expression is evaluated against: one source row — either a whole row of values
/// (<see cref="Row"/>) or row <see cref="Index"/> of typed vectors (<see cref="Vectors"/>, by column index; only
/// the columns the query reads are present) — its table, and for grouped output the aggregate values and window.
/// </summary>
internal sealed class EvalContext
{
    public object?[] Row = [];
    public ColumnVector?[]? Vectors;
    public int Index;

    /// <summary>How many values a whole row of the current vectors holds.</summary>
    public int RowWidth;
    public TableInfo? Table;
    public object?[] Aggs = [];
    public long WStart;
    public long WEnd;
    public long WDuration;

    /// <summary>INTERP's <c>_isfilled</c>: the current point's values were filled, not read from a row at that instant.</summary>
    public bool IsFilled;

    /// <summary>The value of column <paramref name="column"/> of the current row, typed as a result value.</summary>
    public object? Column(int column) => Vectors is { } v ? v[column]!.GetValue(Index) : Row[column];

    /// <summary>The current row as a whole row that outlives the context's position (copied out of vectors).</summary>
    public object?[] CurrentRow() => Vectors is { } vectors ? RowOf(vectors, Index, RowWidth) : Row;

    /// <summary>Row <paramref name="index"/> of <paramref name="vectors"/> copied into a new row of <paramref name="width"/> values (columns not read stay NULL).</summary>
    public static object?[] RowOf(ColumnVector?[] vectors, int index, int width)
    {
        var values = new object?[width];
        for (int i = 0; i < vectors.Length && i < width; i++)
        {
            if (vectors[i] is { } v) values[i] = v.GetValue(index);
        }
        return values;
    }

    /// <summary>Positions the context on a whole row.</summary>
    public void SetRow(object?[] row, TableInfo? table)
    {
        Row = row;
        Vectors = null;
        Table = table;
    }
}
