namespace Taos.Schemaless;

/// <summary>
/// Marks the public property that holds the point's timestamp: a <see cref="DateTime"/>, <see cref="DateTimeOffset"/>,
/// <see cref="TaosTimestamp"/> or a <see cref="long"/> in the unit of the writer's precision (nullable ones too: null
/// lets the server stamp the point).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class TaosTimestampAttribute : Attribute;
