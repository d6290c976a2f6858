using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Taos.Protocol.RawBlock;

/// <summary>
/// A raw block (layout in <see cref="RawBlockLayout"/>) read in place: <see cref="Parse"/> checks every length and
/// offset once, after which <see cref="Fill"/> reads a row's values straight out of the buffer — numbers and
/// timestamps into <see cref="TaosValue"/> slots, text and bytes as slices decoded only when asked for. The buffer
/// must not change while values point into it.
/// </summary>
internal sealed class RawBlockView
{
    private readonly byte[] _buffer;
    private readonly TaosDataType[] _types;
    private readonly int[] _heads;
    private readonly int[] _data;
    private readonly int[] _sizes;

    private RawBlockView(byte[] buffer, int rows, TaosDataType[] types, int[] heads, int[] data, int[] sizes)
    {
        _buffer = buffer;
        Rows = rows;
        _types = types;
        _heads = heads;
        _data = data;
        _sizes = sizes;
    }

    /// <summary>The buffer the block was read in (values of the current row may point into it).</summary>
    public byte[] Buffer => _buffer;

    /// <summary>The block's row count.</summary>
    public int Rows { get; }

    /// <summary>The block's column count.</summary>
    public int Columns => _types.Length;

    /// <summary>The type of column <paramref name="column"/> as the block's schema gives it.</summary>
    public TaosDataType TypeOf(int column) => _types[column];

    /// <summary>
    /// Checks the block of <paramref name="length"/> bytes at <paramref name="start"/> of <paramref name="buffer"/>:
    /// header, schema (known types only), each column's bitmap or offsets and values inside the block, and every
    /// variable-length value inside its column's value area.
    /// </summary>
    /// <exception cref="TaosException">The bytes are not a well-formed raw block; the message says what is wrong.</exception>
    public static RawBlockView Parse(byte[] buffer, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var span = new ReadOnlySpan<byte>(buffer, start, length);
        if (span.Length < RawBlockLayout.HeaderSize) throw Malformed("shorter than its 28-byte header");
        int total = BinaryPrimitives.ReadInt32LittleEndian(span[RawBlockLayout.LengthOffset..]);
        int rows = BinaryPrimitives.ReadInt32LittleEndian(span[RawBlockLayout.RowsOffset..]);
        int cols = BinaryPrimitives.ReadInt32LittleEndian(span[RawBlockLayout.ColsOffset..]);
        if (total < RawBlockLayout.HeaderSize || total > span.Length) throw Malformed($"its length field {total} does not fit the {span.Length} bytes received");
        if (rows < 0 || cols < 0) throw Malformed($"negative row or column count ({rows}, {cols})");
        if ((long)cols * (RawBlockLayout.SchemaEntrySize + 4) > total - RawBlockLayout.HeaderSize) throw Malformed($"{cols} columns do not fit its {total} bytes");
        span = span[..total];
        var types = new TaosDataType[cols];
        var heads = new int[cols];
        var data = new int[cols];
        var sizes = new int[cols];
        int at = RawBlockLayout.HeaderSize;
        int lengths = at + (cols * RawBlockLayout.SchemaEntrySize);
        int next = lengths + (cols * 4);
        for (int c = 0; c < cols; c++)
        {
            types[c] = (TaosDataType)span[at + (c * RawBlockLayout.SchemaEntrySize)];
            int dataLength = BinaryPrimitives.ReadInt32LittleEndian(span[(lengths + (c * 4))..]);
            next = Locate(span, c, types[c], rows, dataLength, next, heads, data, sizes);
        }
        for (int c = 0; c < cols; c++)
        {
            heads[c] += start;
            data[c] += start;
        }
        return new RawBlockView(buffer, rows, types, heads, data, sizes);
    }

    // Places column c (its head at `at`), checks it, and returns where the next column starts.
    private static int Locate(ReadOnlySpan<byte> block, int c, TaosDataType type, int rows, int dataLength, int at, int[] heads, int[] data, int[] sizes)
    {
        if (dataLength < 0) throw Malformed($"column {c} has a negative data length");
        bool variable = RawBlockLayout.IsVariable(type);
        int size = variable ? 0 : FixedSize(type, c);
        long headLength = variable ? 4L * rows : RawBlockLayout.BitmapSize(rows);
        if (!variable && dataLength != (long)rows * size) throw Malformed($"column {c} ({type}) says {dataLength} data bytes for {rows} values of {size}");
        if (at + headLength + dataLength > block.Length) throw Malformed($"column {c} runs past the block's end");
        heads[c] = at;
        data[c] = at + (int)headLength;
        sizes[c] = variable ? -dataLength - 1 : size;
        if (variable)
        {
            CheckOffsets(block.Slice(at, (int)headLength), block.Slice(data[c], dataLength), c);
        }
        return data[c] + dataLength;
    }

    private static void CheckOffsets(ReadOnlySpan<byte> offsets, ReadOnlySpan<byte> values, int c)
    {
        for (int at = 0; at < offsets.Length; at += 4)
        {
            int offset = BinaryPrimitives.ReadInt32LittleEndian(offsets[at..]);
            if (offset == -1) continue;
            if (offset < 0 || offset > values.Length - 2) throw Malformed($"column {c} row {at / 4} has offset {offset} outside its {values.Length} value bytes");
            int size = BinaryPrimitives.ReadUInt16LittleEndian(values[offset..]);
            if (size > values.Length - 2 - offset) throw Malformed($"column {c} row {at / 4} has a {size}-byte value past the end of its column");
        }
    }

    private static int FixedSize(TaosDataType type, int c) => type switch
    {
        TaosDataType.Bool or TaosDataType.TinyInt or TaosDataType.UTinyInt or TaosDataType.SmallInt or TaosDataType.USmallInt
            or TaosDataType.Int or TaosDataType.UInt or TaosDataType.Float or TaosDataType.BigInt or TaosDataType.UBigInt
            or TaosDataType.Double or TaosDataType.Timestamp => RawBlockLayout.FixedSize(type),
        _ => throw Malformed($"column {c} has type code {(int)type}, which has no raw block encoding"),
    };

    /// <summary>True when row <paramref name="row"/> of column <paramref name="column"/> is NULL.</summary>
    public bool IsNull(int row, int column)
    {
        if (_sizes[column] > 0) return (_buffer[_heads[column] + (row >> 3)] & RawBlockLayout.BitmapMask(row)) != 0;
        return BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(_heads[column] + (4 * row))) < 0;
    }

    /// <summary>
    /// Reads row <paramref name="row"/> into <paramref name="values"/> (one per column). Timestamps are in
    /// <paramref name="precision"/>, with the offset of <paramref name="zone"/> at that instant (none for null).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row of the block, or <paramref name="values"/> is too short.</exception>
    public void Fill(int row, TaosValue[] values, TaosPrecision precision, TimeZoneInfo? zone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Length, _types.Length);
        // Parse checked every bitmap, offset and value of every row against the block: the reads below stay inside it.
        ref byte block = ref MemoryMarshal.GetArrayDataReference(_buffer);
        var types = _types;
        var sizes = _sizes;
        var heads = _heads;
        var data = _data;
        for (int c = 0; c < types.Length; c++)
        {
            ref var value = ref values[c];
            int size = sizes[c];
            if (size < 0)
            {
                int offset = I32(ref Unsafe.Add(ref block, heads[c] + (4 * row)));
                if (offset < 0)
                {
                    value.Kind = TaosValueKind.Null;
                    value.Ref = null;
                    continue;
                }
                int at = data[c] + offset;
                int length = (ushort)I16(ref Unsafe.Add(ref block, at));
                value.SetSlice(SliceKind(types[c]), _buffer, at + 2, length);
                continue;
            }
            value.Ref = null;
            if ((Unsafe.Add(ref block, heads[c] + (row >> 3)) & RawBlockLayout.BitmapMask(row)) != 0)
            {
                value.Kind = TaosValueKind.Null;
                continue;
            }
            ReadFixed(ref value, types[c], ref Unsafe.Add(ref block, data[c] + (row * size)), precision, zone);
        }
    }

    private static TaosValueKind SliceKind(TaosDataType type) => type switch
    {
        TaosDataType.NChar => TaosValueKind.Ucs4Slice,
        TaosDataType.VarChar or TaosDataType.Json => TaosValueKind.Utf8Slice,
        _ => TaosValueKind.BytesSlice,
    };

    // Reads each value unaligned straight from the block (the wire is little-endian).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReadFixed(ref TaosValue value, TaosDataType type, ref byte slot, TaosPrecision precision, TimeZoneInfo? zone)
    {
        switch (type)
        {
            case TaosDataType.Bool: value.Kind = TaosValueKind.Bool; value.Int64 = slot != 0 ? 1 : 0; break;
            case TaosDataType.TinyInt: value.Kind = TaosValueKind.Int64; value.Int64 = unchecked((sbyte)slot); break;
            case TaosDataType.SmallInt: value.Kind = TaosValueKind.Int64; value.Int64 = I16(ref slot); break;
            case TaosDataType.Int: value.Kind = TaosValueKind.Int64; value.Int64 = I32(ref slot); break;
            case TaosDataType.BigInt: value.Kind = TaosValueKind.Int64; value.Int64 = I64(ref slot); break;
            case TaosDataType.UTinyInt: value.Kind = TaosValueKind.UInt64; value.Int64 = slot; break;
            case TaosDataType.USmallInt: value.Kind = TaosValueKind.UInt64; value.Int64 = (ushort)I16(ref slot); break;
            case TaosDataType.UInt: value.Kind = TaosValueKind.UInt64; value.Int64 = (uint)I32(ref slot); break;
            case TaosDataType.UBigInt: value.Kind = TaosValueKind.UInt64; value.Int64 = I64(ref slot); break;
            case TaosDataType.Float: value.Kind = TaosValueKind.Float; value.Double = BitConverter.Int32BitsToSingle(I32(ref slot)); break;
            case TaosDataType.Double: value.Kind = TaosValueKind.Double; value.Double = BitConverter.Int64BitsToDouble(I64(ref slot)); break;
            default:
                value.Kind = TaosValueKind.Timestamp;
                value.Int64 = I64(ref slot);
                value.Precision = precision;
                value.OffsetMinutes = zone is null ? (short)0 : ZoneOffsetMinutes(value.Int64, precision, zone);
                break;
        }
    }

    private static short I16(ref byte at) =>
        BitConverter.IsLittleEndian ? Unsafe.ReadUnaligned<short>(ref at) : BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<short>(ref at));

    private static int I32(ref byte at) =>
        BitConverter.IsLittleEndian ? Unsafe.ReadUnaligned<int>(ref at) : BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<int>(ref at));

    private static long I64(ref byte at) =>
        BitConverter.IsLittleEndian ? Unsafe.ReadUnaligned<long>(ref at) : BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<long>(ref at));

    private static short ZoneOffsetMinutes(long ticks, TaosPrecision precision, TimeZoneInfo zone)
    {
        long perTick = precision switch
        {
            TaosPrecision.Milliseconds => TimeSpan.TicksPerMillisecond,
            TaosPrecision.Microseconds => TimeSpan.TicksPerMicrosecond,
            _ => 0,
        };
        long limit = perTick == 0 ? long.MaxValue : long.MaxValue / perTick;
        if (ticks <= -limit || ticks >= limit) return (short)zone.BaseUtcOffset.TotalMinutes;
        long utc = DateTime.UnixEpoch.Ticks + (perTick == 0 ? ticks / 100 : ticks * perTick);
        var offset = utc >= DateTime.MinValue.Ticks && utc <= DateTime.MaxValue.Ticks
            ? zone.GetUtcOffset(new DateTime(utc, DateTimeKind.Utc))
            : zone.BaseUtcOffset;
        return (short)offset.TotalMinutes;
    }

    private static TaosException Malformed(string detail) => new("The server sent a malformed raw block: " + detail + ".");
}
