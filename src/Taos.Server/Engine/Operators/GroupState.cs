using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Operators.Aggregates;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// One group of an aggregation: its accumulators and its representative row (the first one in table order,
/// which plain columns and group keys are evaluated against).
/// </summary>
internal sealed class GroupState
{
    public Accumulator[] Accs { get; init; } = [];
    public object?[] Row { get; private set; } = [];
    public TableInfo? Table { get; private set; }
    public bool HasRows { get; private set; }
    private int _tableIndex = int.MaxValue;

    /// <summary>A group without rows yet, shown with <paramref name="row"/> (all NULL) of <paramref name="table"/>.</summary>
    public static GroupState Empty(Accumulator[] accs, object?[] row, TableInfo? table)
    {
        var state = new GroupState { Accs = accs };
        state.Row = row;
        state.Table = table;
        return state;
    }

    /// <summary>
    /// Whether a row of table number <paramref name="tableIndex"/> becomes the representative: the first row, or one
    /// from an earlier table than the current one (a merged scan meets tables out of order).
    /// </summary>
    public bool Wants(int tableIndex) => !HasRows || tableIndex < _tableIndex;

    /// <summary>Makes <paramref name="row"/> the representative (see <see cref="Wants"/>).</summary>
    public void Take(object?[] row, TableInfo? table, int tableIndex)
    {
        HasRows = true;
        Row = row;
        Table = table;
        _tableIndex = tableIndex;
    }
}
