using System.Globalization;
using System.Text;

namespace Taos.Server.Engine.Topics;

/// <summary>
/// Tag values in table metadata: a canonical text per value (what <see cref="MetaEvent"/> stores; invariant numbers,
/// <c>true</c>/<c>false</c>, hex for binary types), read back typed, and written the ways TDengine's client writes
/// them into JSON meta: C's <c>%1.15g</c>/<c>%1.17g</c> of cJSON numbers and <c>dataConverToStr</c>'s text
/// (strings in double quotes, FLOAT and DOUBLE as <c>%e</c>, VARBINARY as <c>"\x…"</c>).
/// </summary>
internal static class MetaValueText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The canonical text of a tag value (null for NULL).</summary>
    public static string? ToText(object? value) => value switch
    {
        null or DBNull => null,
        bool b => b ? "true" : "false",
        byte[] bytes => Convert.ToHexString(bytes),
        float f => f.ToString("R", Invariant),
        double d => d.ToString("R", Invariant),
        IFormattable f => f.ToString(null, Invariant),
        _ => value.ToString(),
    };

    /// <summary>The value of canonical <paramref name="text"/> typed as a result value of <paramref name="type"/>.</summary>
    public static object? Parse(string? text, TaosDataType type)
    {
        if (text is null) return null;
        return type switch
        {
            TaosDataType.Bool => text == "true",
            TaosDataType.TinyInt => sbyte.Parse(text, Invariant),
            TaosDataType.SmallInt => short.Parse(text, Invariant),
            TaosDataType.Int => int.Parse(text, Invariant),
            TaosDataType.BigInt or TaosDataType.Timestamp => long.Parse(text, Invariant),
            TaosDataType.UTinyInt => byte.Parse(text, Invariant),
            TaosDataType.USmallInt => ushort.Parse(text, Invariant),
            TaosDataType.UInt => uint.Parse(text, Invariant),
            TaosDataType.UBigInt => ulong.Parse(text, Invariant),
            TaosDataType.Float => float.Parse(text, Invariant),
            TaosDataType.Double => double.Parse(text, Invariant),
            TaosDataType.VarBinary or TaosDataType.Geometry => Convert.FromHexString(text),
            _ => text,
        };
    }

    /// <summary>The value as the double cJSON holds for a numeric, BOOL or TIMESTAMP tag (GET_TYPED_DATA).</summary>
    public static double AsDouble(string text, TaosDataType type) => type switch
    {
        TaosDataType.Bool => text == "true" ? 1 : 0,
        TaosDataType.UBigInt => ulong.Parse(text, Invariant),
        TaosDataType.Float => float.Parse(text, Invariant),
        _ => double.Parse(text, Invariant),
    };

    /// <summary>TDengine's <c>dataConverToStr</c> of a tag value.</summary>
    public static string Converted(string text, TaosDataType type) => type switch
    {
        TaosDataType.Float or TaosDataType.Double => CFormat.Exponent(double.Parse(text, Invariant)),
        TaosDataType.VarBinary => "\"\\x" + text + "\"",
        TaosDataType.Geometry => "\"" + Encoding.Latin1.GetString(Convert.FromHexString(text)) + "\"",
        TaosDataType.VarChar or TaosDataType.NChar => "\"" + text + "\"",
        _ => text,
    };
}
