namespace Taos.Server.Engine.Streams;

/// <summary>
/// The recomputed windows of one group of a stream: the child table they go to, its tag source (the group's
/// PARTITION BY values and id) and per window start the values to write, or null for a window held back until it
/// closes.
/// </summary>
internal sealed class StreamGroupResult(string child, IReadOnlyList<object?> key, ulong groupId)
{
    /// <summary>The target child table.</summary>
    public string Child { get; } = child;

    /// <summary>The group's PARTITION BY values.</summary>
    public IReadOnlyList<object?> Key { get; } = key;

    /// <summary>The group's id (the <c>group_id</c> tag).</summary>
    public ulong GroupId { get; } = groupId;

    /// <summary>Per window start (the first written value), the written values, or null when the window is held back.</summary>
    public SortedDictionary<long, object?[]?> Windows { get; } = [];

    /// <summary>Per window start, the window's <c>_wend</c> (for the close check).</summary>
    public Dictionary<long, long> Ends { get; } = [];
}
