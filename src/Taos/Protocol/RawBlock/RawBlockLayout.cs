namespace Taos.Protocol.RawBlock;

/// <summary>
/// The byte layout of TDengine's raw block as taosAdapter sends it (all integers little-endian): a 28-byte header
/// (version, total length, rows, cols, flag, group id), 5 bytes of schema per column (type i8, bytes i32), one i32
/// data length per column, then the columns; a trailing <c>blankFill</c> byte unless a column is JSON.
/// </summary>
internal static class RawBlockLayout
{
    /// <summary>Bytes before the schema.</summary>
    public const int HeaderSize = 28;

    /// <summary>The version query blocks carry.</summary>
    public const int Version = 1;

    /// <summary>Flag bit 31: the block carries its column schema.</summary>
    public const uint HasSchemaFlag = 0x80000000;

    /// <summary>The block <c>bytes</c> of a JSON column.</summary>
    public const int JsonBytes = 16384;

    /// <summary>Offset of the version field.</summary>
    public const int VersionOffset = 0;

    /// <summary>Offset of the total length field.</summary>
    public const int LengthOffset = 4;

    /// <summary>Offset of the row count.</summary>
    public const int RowsOffset = 8;

    /// <summary>Offset of the column count.</summary>
    public const int ColsOffset = 12;

    /// <summary>Offset of the flag.</summary>
    public const int FlagOffset = 16;

    /// <summary>Offset of the group id.</summary>
    public const int GroupIdOffset = 20;

    /// <summary>Schema bytes per column: type i8 + bytes i32.</summary>
    public const int SchemaEntrySize = 5;

    /// <summary>True for the types stored with an offsets array and length-prefixed values.</summary>
    public static bool IsVariable(TaosDataType type) => type is TaosDataType.VarChar or TaosDataType.NChar
        or TaosDataType.Json or TaosDataType.VarBinary or TaosDataType.Geometry;

    /// <summary>The size of one value of a fixed-size type.</summary>
    /// <exception cref="NotSupportedException">The type has no raw block encoding in TDengine 3.3.</exception>
    public static int FixedSize(TaosDataType type) => type switch
    {
        TaosDataType.Bool or TaosDataType.TinyInt or TaosDataType.UTinyInt => 1,
        TaosDataType.SmallInt or TaosDataType.USmallInt => 2,
        TaosDataType.Int or TaosDataType.UInt or TaosDataType.Float => 4,
        TaosDataType.BigInt or TaosDataType.UBigInt or TaosDataType.Double or TaosDataType.Timestamp => 8,
        _ => throw new NotSupportedException($"type {type} has no fixed size in a raw block"),
    };

    /// <summary>Bytes of a null bitmap for <paramref name="rows"/> rows.</summary>
    public static int BitmapSize(int rows) => (rows + 7) >> 3;

    /// <summary>The bitmap bit of row <paramref name="row"/> (most significant bit first).</summary>
    public static byte BitmapMask(int row) => (byte)(0x80 >> (row & 7));
}
