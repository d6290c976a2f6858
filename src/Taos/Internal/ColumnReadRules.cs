namespace Taos;

/// <summary>
/// Which getter works on which TDengine type, as the ADO.NET specification has it: a column reads as its own type and
/// as lossless widenings; the 16-, 32- and 64-bit integer getters also read any integer column and throw
/// <see cref="OverflowException"/> for a value that does not fit. Anything else is an <see cref="InvalidCastException"/>.
/// </summary>
internal static class ColumnReadRules
{
    private const ColumnReads AnyInteger = ColumnReads.Int16 | ColumnReads.Int32 | ColumnReads.Int64 |
        ColumnReads.UInt16 | ColumnReads.UInt32 | ColumnReads.UInt64 | ColumnReads.Decimal;

    /// <summary>The reads a column of <paramref name="type"/> allows.</summary>
    public static ColumnReads For(TaosDataType type) => type switch
    {
        TaosDataType.Bool => ColumnReads.Boolean,
        // float holds every 8- and 16-bit integer exactly, double every 32-bit one.
        TaosDataType.TinyInt => AnyInteger | ColumnReads.SByte | ColumnReads.Float | ColumnReads.Double,
        TaosDataType.UTinyInt => AnyInteger | ColumnReads.Byte | ColumnReads.Float | ColumnReads.Double,
        TaosDataType.SmallInt or TaosDataType.USmallInt => AnyInteger | ColumnReads.Float | ColumnReads.Double,
        TaosDataType.Int or TaosDataType.UInt => AnyInteger | ColumnReads.Double,
        TaosDataType.BigInt or TaosDataType.UBigInt => AnyInteger,
        TaosDataType.Float => ColumnReads.Float | ColumnReads.Double,
        TaosDataType.Double => ColumnReads.Double,
        TaosDataType.Timestamp => ColumnReads.Timestamp,
        TaosDataType.VarChar or TaosDataType.NChar or TaosDataType.Json => ColumnReads.String | ColumnReads.Stream,
        TaosDataType.VarBinary or TaosDataType.Geometry or TaosDataType.Blob or TaosDataType.MediumBlob => ColumnReads.Bytes | ColumnReads.Stream,
        _ => ColumnReads.None,
    };
}
