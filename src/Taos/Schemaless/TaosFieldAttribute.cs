namespace Taos.Schemaless;

/// <summary>
/// Marks a public property written as a field (column) of the point, typed by the property's type as
/// <see cref="TaosPoint"/>'s <c>Field</c> overloads type it; a null value leaves the field out.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class TaosFieldAttribute : Attribute
{
    /// <summary>The field's name; null for the property's name.</summary>
    public string? Name { get; set; }

    /// <summary>For a string property: write it as NCHAR (<c>L"…"</c>) instead of VARCHAR.</summary>
    public bool NChar { get; set; }
}
