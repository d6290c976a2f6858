using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Operators.Aggregates;

namespace Taos.Server.Engine.Operators.Windows;

/// <summary>One window's state: its bounds, aggregates and its earliest row (for group keys and plain values).</summary>
internal sealed class WindowData
{
    public required long Start { get; init; }
    public required long End { get; init; }
    public required Accumulator[] Accs { get; init; }
    public object?[] FirstRow { get; private set; } = [];
    public TableInfo? FirstTable { get; private set; }
    public long FirstTs { get; private set; } = long.MaxValue;

    /// <summary>Whether any row fell into the window.</summary>
    public bool Any { get; set; }

    /// <summary>Whether a row at <paramref name="ts"/> is earlier than the earliest so far.</summary>
    public bool IsEarlier(long ts) => ts < FirstTs;

    /// <summary>Makes the row at <paramref name="ts"/> the window's earliest.</summary>
    public void SetFirst(long ts, object?[] row, TableInfo? table)
    {
        FirstTs = ts;
        FirstRow = row;
        FirstTable = table;
    }
}
