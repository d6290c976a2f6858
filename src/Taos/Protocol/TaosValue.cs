using System.Text;

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
    /// <summary>UTF-8 text (VARCHAR, JSON) still in a raw block: <see cref="TaosValue.Ref"/> is the block's buffer, <see cref="TaosValue.Int64"/> the slice.</summary>
    Utf8Slice,
    /// <summary>UCS-4 little-endian text (NCHAR) still in a raw block, as <see cref="Utf8Slice"/>.</summary>
    Ucs4Slice,
    /// <summary>Bytes (VARBINARY, GEOMETRY) still in a raw block, as <see cref="Utf8Slice"/>.</summary>
    BytesSlice,
}

/// <summary>
/// One decoded cell, whatever the wire it came over. A struct with typed slots so that reading numbers and timestamps allocates nothing;
/// only strings, byte arrays and JSON text live on the heap — and over WebSocket not even those until asked for: a
/// slice kind points into the raw block's buffer (which no one writes to while the reader is on that block) and is
/// decoded on demand.
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

    /// <summary>True for the kinds that point into a raw block's buffer.</summary>
    public readonly bool IsSlice => Kind is TaosValueKind.Utf8Slice or TaosValueKind.Ucs4Slice or TaosValueKind.BytesSlice;

    /// <summary>The bytes a slice kind points at (empty for other kinds).</summary>
    public readonly ReadOnlySpan<byte> Slice => IsSlice ? new ReadOnlySpan<byte>((byte[])Ref!, SliceOffset, SliceLength) : default;

    private readonly int SliceOffset => (int)(Int64 >> 32);

    private readonly int SliceLength => (int)(Int64 & 0xFFFF_FFFF);

    /// <summary>The reference value: text as <see cref="string"/>, bytes as <see cref="byte"/>[] (a slice is decoded, or copied, now).</summary>
    public readonly object? Object => Kind switch
    {
        TaosValueKind.Utf8Slice => Encoding.UTF8.GetString(Slice),
        TaosValueKind.Ucs4Slice => Encoding.UTF32.GetString(Slice),
        TaosValueKind.BytesSlice => Slice.ToArray(),
        _ => Ref,
    };

    /// <summary>
    /// The value as a read-only stream: bytes as they are, text as UTF-8. A UTF-8 or bytes slice is copied: the
    /// stream may outlive the row, and the block's buffer is reused once the reader moves past it.
    /// </summary>
    public readonly MemoryStream OpenStream() => Kind switch
    {
        TaosValueKind.Utf8Slice or TaosValueKind.BytesSlice => new MemoryStream(Slice.ToArray(), writable: false),
        _ => new MemoryStream(Object as byte[] ?? Encoding.UTF8.GetBytes((string)Object!), writable: false),
    };

    /// <summary>Makes this value the slice <paramref name="length"/> bytes at <paramref name="offset"/> of <paramref name="buffer"/>.</summary>
    public void SetSlice(TaosValueKind kind, byte[] buffer, int offset, int length)
    {
        Kind = kind;
        Ref = buffer;
        Int64 = ((long)offset << 32) | (uint)length;
    }
}
