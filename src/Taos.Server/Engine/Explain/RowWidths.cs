namespace Taos.Server.Engine.Explain;

/// <summary>
/// The bytes TDengine counts for a column in a data block (EXPLAIN's <c>width=</c> is their sum): the fixed size of
/// numbers and timestamps, the declared length plus the 2-byte length prefix of VARCHAR/VARBINARY/GEOMETRY/JSON, and
/// four bytes per character plus the prefix for NCHAR.
/// </summary>
internal static class RowWidths
{
    /// <summary>The bytes of one value of <paramref name="type"/> declared with <paramref name="length"/>.</summary>
    public static int Bytes(TaosDataType type, int length) => type switch
    {
        TaosDataType.Bool or TaosDataType.TinyInt or TaosDataType.UTinyInt => 1,
        TaosDataType.SmallInt or TaosDataType.USmallInt => 2,
        TaosDataType.Int or TaosDataType.UInt or TaosDataType.Float => 4,
        TaosDataType.BigInt or TaosDataType.UBigInt or TaosDataType.Double or TaosDataType.Timestamp => 8,
        TaosDataType.NChar => length * 4 + 2,
        TaosDataType.Null => 0,
        _ => length + 2,
    };

    /// <summary>The width of a row of <paramref name="columns"/>.</summary>
    public static int Of(IEnumerable<ResultColumn> columns) => columns.Sum(c => Bytes(c.Type, c.Length));
}
