namespace Taos.Schemaless;

/// <summary>
/// Names the measurement (super table) the points of a class are written to by <see cref="TaosPointWriter"/>;
/// without it the class's name is the measurement.
/// </summary>
/// <param name="name">The measurement.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TaosMeasurementAttribute(string name) : Attribute
{
    /// <summary>The measurement.</summary>
    public string Name { get; } = name;
}
