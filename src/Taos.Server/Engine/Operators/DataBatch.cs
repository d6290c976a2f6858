using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// Rows flowing from a scan through filters into the operator that consumes them: either typed column vectors
/// (<see cref="Vectors"/>, indexed by schema column, only the columns the query reads) or whole rows
/// (<see cref="Rows"/>, from a subquery or a system table), all of one <see cref="Table"/>, plus a selection of
/// the rows still passing. A producer refills the same instance for its next batch: a consumer copies
/// (<see cref="Materialize"/>) what it keeps.
/// </summary>
internal sealed class DataBatch
{
    private int[] _selection = [];
    private bool _all = true;

    public DataBatch(int rowWidth, int tsIndex)
    {
        RowWidth = rowWidth;
        TsIndex = tsIndex;
    }

    /// <summary>How many values a whole row holds.</summary>
    public int RowWidth { get; }

    /// <summary>Where the primary timestamp is among a row's values, or −1.</summary>
    public int TsIndex { get; }

    public ColumnVector?[]? Vectors { get; set; }

    public IReadOnlyList<object?[]>? Rows { get; set; }

    /// <summary>The number of physical rows.</summary>
    public int Count { get; set; }

    public TableInfo? Table { get; set; }

    /// <summary>The position of <see cref="Table"/> among the scanned tables.</summary>
    public int TableIndex { get; set; }

    /// <summary>The number of selected rows.</summary>
    public int Length { get; private set; }

    /// <summary>The physical row of the <paramref name="k"/>-th selected row.</summary>
    public int RowAt(int k) => _all ? k : _selection[k];

    /// <summary>
    /// Points <see cref="Vectors"/> at a storage batch read for the schema columns <paramref name="columns"/> (its
    /// vectors in that order) and takes its row count; the selection is left to the caller.
    /// </summary>
    public void Load(ColumnBatch read, IReadOnlyList<int> columns)
    {
        for (int k = 0; k < columns.Count; k++) Vectors![columns[k]] = read.Columns[k];
        Count = read.Count;
    }

    /// <summary>Selects every physical row (after the producer filled the batch).</summary>
    public void SelectAll()
    {
        _all = true;
        Length = Count;
    }

    /// <summary>Selects the physical rows <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public void SelectRange(int from, int to)
    {
        if (_selection.Length < Count) _selection = new int[Math.Max(Count, ColumnBatch.DefaultCapacity)];
        for (int i = from; i < to; i++) _selection[i - from] = i;
        _all = false;
        Length = to - from;
    }

    /// <summary>Keeps of the selected rows those <paramref name="keep"/> accepts (rows given physically).</summary>
    public void Retain(Func<int, bool> keep)
    {
        if (_selection.Length < Count) _selection = new int[Math.Max(Count, ColumnBatch.DefaultCapacity)];
        int n = 0;
        for (int k = 0; k < Length; k++)
        {
            int row = RowAt(k);
            if (keep(row)) _selection[n++] = row;
        }
        _all = false;
        Length = n;
    }

    /// <summary>Positions <paramref name="ctx"/> on physical row <paramref name="row"/>.</summary>
    public void Position(EvalContext ctx, int row)
    {
        if (Vectors is not null)
        {
            ctx.Vectors = Vectors;
            ctx.Index = row;
            ctx.RowWidth = RowWidth;
        }
        else
        {
            ctx.Vectors = null;
            ctx.Row = Rows![row];
        }
        ctx.Table = Table;
    }

    /// <summary>The primary timestamp of physical row <paramref name="row"/>, or <paramref name="ordinal"/> when there is none or it was not read.</summary>
    public long TsAt(int row, long ordinal)
    {
        if (TsIndex < 0) return ordinal;
        if (Vectors is not null)
        {
            // A scan that needs no timestamps does not read them.
            var ts = Vectors[TsIndex];
            return ts is null || ts.Nulls[row] ? ordinal : ts.Longs[row];
        }
        var values = Rows![row];
        return values.Length > TsIndex && values[TsIndex] is { } v ? Values.ToLong(v) : ordinal;
    }

    /// <summary>Physical row <paramref name="row"/> as a whole row of its own (columns not read stay NULL).</summary>
    public object?[] Materialize(int row) => Vectors is null ? Rows![row] : EvalContext.RowOf(Vectors, row, RowWidth);
}
