using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine;

/// <summary>
/// Rows of a <see cref="RowSetResult"/> as typed column vectors instead of boxed rows (see
/// <see cref="RowSetResult.Batches"/>): <see cref="Columns"/> holds one vector per result column, in result order
/// (several may be the same vector), and the result's rows are the vectors' rows <see cref="RowAt"/>(0) to
/// <see cref="RowAt"/>(<see cref="Length"/> − 1), in order. A producer refills the same instance for its next
/// batch: a consumer copies what it keeps.
/// </summary>
internal sealed class ResultBatch
{
    private int[] _selection = [];

    /// <summary>A batch of <paramref name="columns"/> result columns.</summary>
    public ResultBatch(int columns) => Columns = new ColumnVector[columns];

    /// <summary>The vector of each result column.</summary>
    public ColumnVector[] Columns { get; }

    /// <summary>The number of result rows.</summary>
    public int Length { get; private set; }

    /// <summary>The result rows are the vectors' rows 0 to <see cref="Length"/> − 1.</summary>
    public bool IsContiguous { get; private set; } = true;

    /// <summary>The vectors' row holding result row <paramref name="k"/>.</summary>
    public int RowAt(int k) => IsContiguous ? k : _selection[k];

    /// <summary>Makes the vectors' rows 0 to <paramref name="length"/> − 1 the result rows.</summary>
    public void SelectFirst(int length)
    {
        IsContiguous = true;
        Length = length;
    }

    /// <summary>Makes <paramref name="length"/> vector rows the result rows: the caller writes them, in order, into the span returned.</summary>
    public Span<int> Select(int length)
    {
        if (_selection.Length < length) _selection = new int[Math.Max(length, ColumnBatch.DefaultCapacity)];
        IsContiguous = false;
        Length = length;
        return _selection.AsSpan(0, length);
    }
}
