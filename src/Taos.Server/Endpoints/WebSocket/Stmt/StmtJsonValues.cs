using System.Text.Json;
using Taos.Server.Engine;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Time;

namespace Taos.Server.Endpoints.WebSocket.Stmt;

/// <summary>
/// The JSON forms of bound values in <c>set_tags</c> and <c>bind</c> (taosAdapter 3.3.0.1): null is NULL; BOOL
/// true/false; numbers for the numeric types (a fraction is cut off for integers, as Go's conversion does);
/// TIMESTAMP a number in the table's precision or an RFC 3339 string; VARCHAR/NCHAR/JSON strings; VARBINARY and
/// GEOMETRY hex strings. A value of another form is a 65535 error naming the column.
/// </summary>
internal static class StmtJsonValues
{
    /// <summary>The typed value (see <see cref="RowSetResult"/>) of <paramref name="value"/> for <paramref name="column"/>.</summary>
    public static object? ToValue(JsonElement value, ColumnInfo column, TaosPrecision precision)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return column.Type switch
        {
            TaosDataType.Bool => value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number => value.GetDouble() != 0,
                _ => throw Wrong(column, "a boolean"),
            },
            TaosDataType.TinyInt => (sbyte)Signed(value, column, sbyte.MinValue, sbyte.MaxValue),
            TaosDataType.SmallInt => (short)Signed(value, column, short.MinValue, short.MaxValue),
            TaosDataType.Int => (int)Signed(value, column, int.MinValue, int.MaxValue),
            TaosDataType.BigInt => Signed(value, column, long.MinValue, long.MaxValue),
            TaosDataType.UTinyInt => (byte)Unsigned(value, column, byte.MaxValue),
            TaosDataType.USmallInt => (ushort)Unsigned(value, column, ushort.MaxValue),
            TaosDataType.UInt => (uint)Unsigned(value, column, uint.MaxValue),
            TaosDataType.UBigInt => Unsigned(value, column, ulong.MaxValue),
            TaosDataType.Float => (float)Number(value, column),
            TaosDataType.Double => Number(value, column),
            TaosDataType.Timestamp => Timestamp(value, column, precision),
            TaosDataType.VarChar or TaosDataType.NChar or TaosDataType.Json => Text(value, column),
            TaosDataType.VarBinary or TaosDataType.Geometry => Hex(value, column),
            _ => throw Wrong(column, "a supported type"),
        };
    }

    private static long Signed(JsonElement value, ColumnInfo column, long min, long max)
    {
        if (value.ValueKind != JsonValueKind.Number) throw Wrong(column, "a number");
        if (!value.TryGetInt64(out long n))
        {
            double d = Math.Truncate(value.GetDouble());
            if (!(d >= min && d <= max)) throw Wrong(column, $"a number in [{min}, {max}]");
            n = (long)d;
        }
        return n >= min && n <= max ? n : throw Wrong(column, $"a number in [{min}, {max}]");
    }

    private static ulong Unsigned(JsonElement value, ColumnInfo column, ulong max)
    {
        if (value.ValueKind != JsonValueKind.Number) throw Wrong(column, "a number");
        if (!value.TryGetUInt64(out ulong n))
        {
            double d = Math.Truncate(value.GetDouble());
            if (!(d >= 0 && d <= max)) throw Wrong(column, $"a number in [0, {max}]");
            n = (ulong)d;
        }
        return n <= max ? n : throw Wrong(column, $"a number in [0, {max}]");
    }

    private static double Number(JsonElement value, ColumnInfo column) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw Wrong(column, "a number");

    private static long Timestamp(JsonElement value, ColumnInfo column, TaosPrecision precision)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt64(out long ticks) ? ticks : throw Wrong(column, "an integer timestamp");
        }
        if (value.ValueKind == JsonValueKind.String &&
            TimestampText.TryParse(value.GetString()!, precision, TimeZoneInfo.Utc, out long parsed))
        {
            return parsed;
        }
        throw Wrong(column, "a number or an RFC 3339 timestamp");
    }

    private static string Text(JsonElement value, ColumnInfo column) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Wrong(column, "a string");

    private static byte[] Hex(JsonElement value, ColumnInfo column)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                return Convert.FromHexString(value.GetString()!);
            }
            catch (FormatException)
            {
                // answered below
            }
        }
        throw Wrong(column, "a hex string");
    }

    private static TaosServerException Wrong(ColumnInfo column, string expected) =>
        new(ServerErrorCode.AdapterError, $"bind value of {column.Name} ({column.Type}) must be {expected}");
}
