using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Taos.Protocol.RawBlock;

internal static partial class RawBlockWriter
{
    /// <summary>
    /// Encodes the first <paramref name="count"/> rows of <paramref name="vectors"/> (one per column, typed as
    /// <see cref="RawBlockVector"/> describes) into <paramref name="buffer"/> after <paramref name="reserve"/> bytes,
    /// byte for byte the block <see cref="Write(IReadOnlyList{RawBlockColumn}, IReadOnlyList{object?[]}, ref byte[], int)"/>
    /// writes for the same values as boxed rows, without boxing them. The buffer is replaced by a larger one when
    /// it is too small. Returns the bytes used: <paramref name="reserve"/> + the block's length.
    /// </summary>
    /// <exception cref="ArgumentException">The vectors do not match the columns, or a variable value exceeds 65535 bytes.</exception>
    /// <exception cref="InvalidCastException">A string or binary value does not have the type its column expects.</exception>
    public static int Write(IReadOnlyList<RawBlockColumn> columns, IReadOnlyList<RawBlockVector> vectors, int count, ref byte[] buffer, int reserve)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(reserve);
        var dataLengths = Measure(columns, vectors, count, out int length);
        if (buffer.Length < reserve + length)
        {
            buffer = new byte[reserve + length];
        }
        var span = buffer.AsSpan(reserve, length);
        int at = WriteHead(columns, count, 0, dataLengths, span);
        for (int c = 0; c < columns.Count; c++)
        {
            var type = columns[c].Type;
            int head = HeadLength(type, count);
            var data = span.Slice(at + head, dataLengths[c]);
            if (RawBlockLayout.IsVariable(type))
            {
                EncodeVariable(type, vectors[c], count, span.Slice(at, head), data);
            }
            else
            {
                EncodeFixed(type, vectors[c], count, span.Slice(at, head), data);
            }
            at += head + dataLengths[c];
        }
        if (at < span.Length)
        {
            span[at..].Clear();
        }
        return reserve + length;
    }

    private static int[] Measure(IReadOnlyList<RawBlockColumn> columns, IReadOnlyList<RawBlockVector> vectors, int count, out int length)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int cols = columns.Count;
        if (vectors.Count != cols)
        {
            throw new ArgumentException($"{vectors.Count} vectors for {cols} columns", nameof(vectors));
        }
        var dataLengths = new int[cols];
        bool hasJson = false;
        length = RawBlockLayout.HeaderSize + (cols * (RawBlockLayout.SchemaEntrySize + 4));
        for (int c = 0; c < cols; c++)
        {
            var type = columns[c].Type;
            CheckVector(type, vectors[c], count, c);
            hasJson |= type == TaosDataType.Json;
            dataLengths[c] = RawBlockLayout.IsVariable(type) ? VariableDataLength(type, vectors[c], count, c) : count * RawBlockLayout.FixedSize(type);
            length += HeadLength(type, count) + dataLengths[c];
        }
        length += hasJson ? 0 : 1;
        return dataLengths;
    }

    private static void CheckVector(TaosDataType type, RawBlockVector vector, int count, int column)
    {
        int values = RawBlockLayout.IsVariable(type) ? vector.Objects.Length
            : type is TaosDataType.Float or TaosDataType.Double ? vector.Doubles.Length : vector.Longs.Length;
        if (vector.Nulls.Length < count || values < count)
        {
            throw new ArgumentException($"the vector of column {column} holds fewer than {count} values", "vectors");
        }
    }

    // The bitmap is cleared here; every value slot is written (a NULL's slot as zero).
    private static void EncodeFixed(TaosDataType type, RawBlockVector vector, int count, Span<byte> bitmap, Span<byte> data)
    {
        bitmap.Clear();
        var nulls = vector.Nulls.AsSpan(0, count);
        for (int r = 0; r < nulls.Length; r++)
        {
            if (nulls[r])
            {
                bitmap[r >> 3] |= RawBlockLayout.BitmapMask(r);
            }
        }
        switch (type)
        {
            case TaosDataType.Float:
                EncodeFloats(vector.Doubles.AsSpan(0, count), nulls, MemoryMarshal.Cast<byte, float>(data));
                break;
            case TaosDataType.Double:
                EncodeDoubles(vector.Doubles.AsSpan(0, count), nulls, MemoryMarshal.Cast<byte, double>(data));
                break;
            case TaosDataType.BigInt or TaosDataType.UBigInt or TaosDataType.Timestamp:
                EncodeLongs(vector.Longs.AsSpan(0, count), nulls, MemoryMarshal.Cast<byte, long>(data));
                break;
            case TaosDataType.Int or TaosDataType.UInt:
                EncodeInts(vector.Longs.AsSpan(0, count), nulls, MemoryMarshal.Cast<byte, int>(data));
                break;
            case TaosDataType.SmallInt or TaosDataType.USmallInt:
                EncodeShorts(vector.Longs.AsSpan(0, count), nulls, MemoryMarshal.Cast<byte, short>(data));
                break;
            default:
                EncodeBytes(vector.Longs.AsSpan(0, count), nulls, data, type == TaosDataType.Bool);
                break;
        }
    }

    // The block is little-endian: on a big-endian machine each slot is swapped after the plain store.
    private static void EncodeLongs(ReadOnlySpan<long> values, ReadOnlySpan<bool> nulls, Span<long> slots)
    {
        for (int r = 0; r < values.Length; r++)
        {
            long v = nulls[r] ? 0 : values[r];
            slots[r] = BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
        }
    }

    private static void EncodeInts(ReadOnlySpan<long> values, ReadOnlySpan<bool> nulls, Span<int> slots)
    {
        for (int r = 0; r < values.Length; r++)
        {
            int v = nulls[r] ? 0 : unchecked((int)values[r]);
            slots[r] = BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
        }
    }

    private static void EncodeShorts(ReadOnlySpan<long> values, ReadOnlySpan<bool> nulls, Span<short> slots)
    {
        for (int r = 0; r < values.Length; r++)
        {
            short v = nulls[r] ? (short)0 : unchecked((short)values[r]);
            slots[r] = BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
        }
    }

    private static void EncodeBytes(ReadOnlySpan<long> values, ReadOnlySpan<bool> nulls, Span<byte> slots, bool isBool)
    {
        for (int r = 0; r < values.Length; r++)
        {
            slots[r] = nulls[r] ? (byte)0 : isBool ? (values[r] != 0 ? (byte)1 : (byte)0) : unchecked((byte)values[r]);
        }
    }

    private static void EncodeDoubles(ReadOnlySpan<double> values, ReadOnlySpan<bool> nulls, Span<double> slots)
    {
        for (int r = 0; r < values.Length; r++)
        {
            double v = nulls[r] ? 0 : values[r];
            slots[r] = BitConverter.IsLittleEndian ? v : BitConverter.Int64BitsToDouble(BinaryPrimitives.ReverseEndianness(BitConverter.DoubleToInt64Bits(v)));
        }
    }

    private static void EncodeFloats(ReadOnlySpan<double> values, ReadOnlySpan<bool> nulls, Span<float> slots)
    {
        for (int r = 0; r < values.Length; r++)
        {
            float v = nulls[r] ? 0 : (float)values[r];
            slots[r] = BitConverter.IsLittleEndian ? v : BitConverter.Int32BitsToSingle(BinaryPrimitives.ReverseEndianness(BitConverter.SingleToInt32Bits(v)));
        }
    }

    private static int VariableDataLength(TaosDataType type, RawBlockVector vector, int count, int column)
    {
        int total = 0;
        var nulls = vector.Nulls;
        var objects = vector.Objects;
        for (int r = 0; r < count; r++)
        {
            if (nulls[r] || objects[r] is not { } value)
            {
                continue;
            }
            total += 2 + CheckedLength(VariableLength(type, value), column);
        }
        return total;
    }

    private static void EncodeVariable(TaosDataType type, RawBlockVector vector, int count, Span<byte> offsets, Span<byte> data)
    {
        int at = 0;
        var nulls = vector.Nulls;
        var objects = vector.Objects;
        for (int r = 0; r < count; r++)
        {
            WriteVariableEntry(type, nulls[r] ? null : objects[r], r, ref at, offsets, data);
        }
    }
}
