namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// The points of one super table with their child table names (see <see cref="SmlChildName.Resolve"/>): a derived name
/// of a line-protocol point comes from the names already derived for its series (<see cref="SmlChildNames"/>), asked
/// once per run of points of one series; with taos.cfg's <c>smlChildTableName</c> set, a point named by its tag is
/// kept without that tag.
/// </summary>
internal sealed class SmlNamedPoints
{
    private readonly string[] _names;

    /// <summary>Names the <paramref name="points"/> of super table <paramref name="measurement"/>.</summary>
    public SmlNamedPoints(string measurement, IReadOnlyList<SmlPoint> points, SmlChildNames names, string? childTableTag)
    {
        _names = new string[points.Count];
        List<SmlPoint>? changed = null;
        string? lastSeries = null;
        string lastName = "";
        for (int i = 0; i < points.Count; i++)
        {
            var point = points[i];
            if (!string.IsNullOrEmpty(childTableTag) || point.Series is null)
            {
                (_names[i], var written) = SmlChildName.Resolve(measurement, point, childTableTag);
                if (!ReferenceEquals(written, point)) (changed ??= [.. points])[i] = written;
                continue;
            }
            if (!ReferenceEquals(point.Series, lastSeries))
            {
                lastName = names.Of(measurement, point);
                lastSeries = point.Series;
            }
            _names[i] = lastName;
        }
        Points = changed ?? points;
    }

    /// <summary>The points as written.</summary>
    public IReadOnlyList<SmlPoint> Points { get; }

    /// <summary>The child table of point <paramref name="index"/>.</summary>
    public string NameOf(int index) => _names[index];
}
