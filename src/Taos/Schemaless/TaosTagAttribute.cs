namespace Taos.Schemaless;

/// <summary>
/// Marks a public property written as a tag of the point (NCHAR in TDengine): its value's invariant text; a null or
/// empty value leaves the tag out.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class TaosTagAttribute : Attribute
{
    /// <summary>The tag's name; null for the property's name.</summary>
    public string? Name { get; set; }
}
