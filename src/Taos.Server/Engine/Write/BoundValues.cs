using System.Text;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Write;

/// <summary>
/// Checks typed values bound to columns or tags (stmt binds, raw blocks) the way an INSERT checks its values: the
/// value's type must be the column's (see <see cref="RowSetResult"/>), strings and bytes must fit the declared
/// length (9811), JSON tags must be JSON objects, and the primary timestamp must not be NULL.
/// </summary>
internal static class BoundValues
{
    /// <summary>The largest JSON tag text, in UTF-8 bytes.</summary>
    public const int MaxJsonBytes = 4095;

    /// <summary>Checks one value for <paramref name="column"/> and returns it (a JSON tag normalized).</summary>
    public static object? Check(ColumnInfo column, object? value, bool primaryKey)
    {
        if (value is null)
        {
            if (primaryKey)
                throw new TaosServerException(ServerErrorCode.PrimaryTimestampNull, "Primary timestamp column should not be null");
            return null;
        }
        if (!HasType(column.Type, value))
            throw new TaosServerException(ServerErrorCode.InvalidValue,
                $"a {value.GetType().Name} value cannot be bound to {column.Name} of type {column.Type}");
        int length = column.Type switch
        {
            TaosDataType.VarChar => Encoding.UTF8.GetByteCount((string)value),
            TaosDataType.NChar => ((string)value).EnumerateRunes().Count(),
            TaosDataType.VarBinary or TaosDataType.Geometry => ((byte[])value).Length,
            _ => 0,
        };
        if (length > column.Length)
            throw new TaosServerException(ServerErrorCode.ValueTooLong, "Value too long for column/tag: " + column.Name);
        return column.Type == TaosDataType.Json ? JsonText((string)value) : value;
    }

    /// <summary>Checks a row of values given for <paramref name="columns"/> in place (index 0 is the primary timestamp).</summary>
    public static void CheckRow(IReadOnlyList<ColumnInfo> schema, IReadOnlyList<int> columns, object?[] row)
    {
        foreach (int c in columns)
        {
            row[c] = Check(schema[c], row[c], primaryKey: c == 0);
        }
    }

    private static string JsonText(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) > MaxJsonBytes)
            throw ValueCoercer.SyntaxError(text, "json string too long than 4095");
        if (!JsonTag.TryNormalize(text, out string? normalized, out string? reason, out string? quoted))
            throw ValueCoercer.SyntaxError(quoted!, reason!);
        return normalized!;
    }

    private static bool HasType(TaosDataType type, object value) => type switch
    {
        TaosDataType.Bool => value is bool,
        TaosDataType.TinyInt => value is sbyte,
        TaosDataType.SmallInt => value is short,
        TaosDataType.Int => value is int,
        TaosDataType.BigInt or TaosDataType.Timestamp => value is long,
        TaosDataType.UTinyInt => value is byte,
        TaosDataType.USmallInt => value is ushort,
        TaosDataType.UInt => value is uint,
        TaosDataType.UBigInt => value is ulong,
        TaosDataType.Float => value is float,
        TaosDataType.Double => value is double,
        TaosDataType.VarChar or TaosDataType.NChar or TaosDataType.Json => value is string,
        TaosDataType.VarBinary or TaosDataType.Geometry => value is byte[],
        _ => false,
    };
}
