using System.Globalization;
using System.Text;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Streams;

/// <summary>Converts a query result value to the type of the target column or tag it is written to.</summary>
internal static class StreamValues
{
    /// <summary>
    /// <paramref name="value"/> (typed like result values, see <see cref="RowSetResult"/>) as a value of
    /// <paramref name="column"/>'s type; NULL stays NULL. 9797 when it cannot be converted.
    /// </summary>
    public static object? Convert(object? value, ColumnInfo column)
    {
        if (value is null) return null;
        try
        {
            return column.Type switch
            {
                TaosDataType.VarChar or TaosDataType.NChar => Text(value),
                TaosDataType.VarBinary or TaosDataType.Geometry => value as byte[] ?? Encoding.UTF8.GetBytes(Text(value)),
                TaosDataType.Bool => System.Convert.ToBoolean(value, CultureInfo.InvariantCulture),
                TaosDataType.TinyInt => System.Convert.ToSByte(value, CultureInfo.InvariantCulture),
                TaosDataType.SmallInt => System.Convert.ToInt16(value, CultureInfo.InvariantCulture),
                TaosDataType.Int => System.Convert.ToInt32(value, CultureInfo.InvariantCulture),
                TaosDataType.BigInt or TaosDataType.Timestamp => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
                TaosDataType.UTinyInt => System.Convert.ToByte(value, CultureInfo.InvariantCulture),
                TaosDataType.USmallInt => System.Convert.ToUInt16(value, CultureInfo.InvariantCulture),
                TaosDataType.UInt => System.Convert.ToUInt32(value, CultureInfo.InvariantCulture),
                TaosDataType.UBigInt => System.Convert.ToUInt64(value, CultureInfo.InvariantCulture),
                TaosDataType.Float => System.Convert.ToSingle(value, CultureInfo.InvariantCulture),
                TaosDataType.Double => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
                _ => value,
            };
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw StreamErrors.InvalidQuery("Invalid value for " + column.Name);
        }
    }

    private static string Text(object value) => value switch
    {
        string s => s,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
