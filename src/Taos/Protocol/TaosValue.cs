namespace Taos.Protocol;

/// <summary>What a <see cref="TaosValue"/> holds, and so which of its slots is meaningful.</summary>
internal enum TaosValueKind : byte
{
    Null,
    Bool,
    Int64,
    UInt64,
    Float,
    Double,
    String,
    Bytes,
    Timestamp,
    Json,
}

/// <summary>
/// One decoded cell, whatever the wire it came over. A struct with typed slots so that reading numbers and timestamps allocates nothing;
/// only strings, byte arrays and JSON text live on the heap.
/// </summary>
internal struct TaosValue
{
    public TaosValueKind Kind;
    public TaosPrecision Precision;
    /// <summary>Offset from UTC of a rendered timestamp, in minutes.</summary>
    public short OffsetMinutes;
    public long Int64;
    public double Double;
    public object? Ref;

    public readonly bool IsNull => Kind == TaosValueKind.Null;
    public readonly ulong UInt64 => unchecked((ulong)Int64);
    public readonly TaosTimestamp Timestamp => new(Int64, Precision);
}
