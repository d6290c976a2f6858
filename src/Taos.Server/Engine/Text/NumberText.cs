using Taos.Protocol;

namespace Taos.Server.Engine.Text;

/// <summary>
/// Floating-point numbers as TDengine's SQL shows them as text where the shortest round-trip form is the rule
/// (e.g. <c>information_schema.ins_tags.tag_value</c>): the shared <see cref="FloatText"/> digits.
/// </summary>
internal static class NumberText
{
    /// <summary>The shortest text that reads back as <paramref name="value"/> at float width.</summary>
    public static string Shortest(float value) => FloatText.FormatFloat(value);

    /// <summary>The shortest text that reads back as <paramref name="value"/>.</summary>
    public static string Shortest(double value) => FloatText.FormatDouble(value);
}
