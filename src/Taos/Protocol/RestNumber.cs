namespace Taos.Protocol;

/// <summary>
/// Floating-point numbers as taosAdapter (Go's encoding/json) writes them: the shortest digits that
/// round-trip at the value's own width, plain notation for 1e-6 ≤ |v| &lt; 1e21, else exponent
/// notation with a signed exponent of at least two digits for positive and one for negative powers.
/// The digits are <see cref="FloatText"/>'s.
/// </summary>
internal static class RestNumber
{
    public static string FormatDouble(double value) => FloatText.FormatDouble(value);

    public static string FormatFloat(float value) => FloatText.FormatFloat(value);
}
