namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// The derived child table names (<see cref="SmlChildName.Of"/>) of line-protocol series seen lately, by their series
/// text (<see cref="SmlPoint.Series"/>): the same text always names the same child table, so the MD5 over the sorted
/// tags runs once per distinct series instead of once per line. Bounded: it starts over once it holds
/// <see cref="Capacity"/> series. Thread-safe (writes of several connections share it).
/// </summary>
internal sealed class SmlChildNames
{
    /// <summary>How many series it remembers at most.</summary>
    public const int Capacity = 16_384;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>The derived name of the point's child table (the point must come from the line protocol: <see cref="SmlPoint.Series"/> set).</summary>
    /// <param name="measurement">The super table's name (the measurement with '.' as '_').</param>
    /// <param name="point">The point.</param>
    public string Of(string measurement, SmlPoint point)
    {
        string series = point.Series ?? throw new ArgumentException("the point has no series text", nameof(point));
        lock (_lock)
        {
            if (_names.TryGetValue(series, out string? name)) return name;
        }
        string derived = SmlChildName.Of(measurement, point.Tags);
        lock (_lock)
        {
            if (_names.Count >= Capacity) _names.Clear();
            _names[series] = derived;
        }
        return derived;
    }
}
