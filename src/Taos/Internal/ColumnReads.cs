namespace Taos;

/// <summary>
/// The typed reads a column allows, decided once per column from its TDengine type (see <see cref="ColumnReadRules"/>):
/// a getter checks one bit instead of the value's kind.
/// </summary>
[Flags]
internal enum ColumnReads
{
    None = 0,
    Boolean = 1 << 0,
    Byte = 1 << 1,
    SByte = 1 << 2,
    Int16 = 1 << 3,
    Int32 = 1 << 4,
    Int64 = 1 << 5,
    UInt16 = 1 << 6,
    UInt32 = 1 << 7,
    UInt64 = 1 << 8,
    Float = 1 << 9,
    Double = 1 << 10,
    Decimal = 1 << 11,
    String = 1 << 12,
    Timestamp = 1 << 13,
    Bytes = 1 << 14,
    Stream = 1 << 15,
}
