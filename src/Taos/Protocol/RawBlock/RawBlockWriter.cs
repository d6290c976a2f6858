using System.Buffers.Binary;
using System.Text;

namespace Taos.Protocol.RawBlock;

/// <summary>
/// Encodes rows into a TDengine raw block (layout in <see cref="RawBlockLayout"/>), byte for byte as taosAdapter
/// 3.3.0.1 sends it after a <c>fetch_block</c>. Values per column type as <see cref="RawBlockData"/> describes them.
/// </summary>
internal static partial class RawBlockWriter
{
    /// <summary>Encodes <paramref name="rows"/> (one value per column each) under <paramref name="columns"/>.</summary>
    /// <exception cref="ArgumentException">A row has the wrong width, or a variable value exceeds 65535 bytes.</exception>
    /// <exception cref="InvalidCastException">A value does not have the type its column expects.</exception>
    public static byte[] Write(IReadOnlyList<RawBlockColumn> columns, IReadOnlyList<object?[]> rows, ulong groupId = 0)
    {
        var dataLengths = Measure(columns, rows, out int length);
        var block = new byte[length];
        Encode(columns, rows, groupId, dataLengths, block);
        return block;
    }

    /// <summary>
    /// Encodes <paramref name="rows"/> like <see cref="Write(IReadOnlyList{RawBlockColumn}, IReadOnlyList{object?[]}, ulong)"/>
    /// into <paramref name="buffer"/> after <paramref name="reserve"/> bytes left for a frame header the caller
    /// writes, replacing the buffer by a larger one when it is too small (so a caller that keeps it allocates only
    /// while blocks grow). Returns the bytes used: <paramref name="reserve"/> + the block's length.
    /// </summary>
    /// <exception cref="ArgumentException">A row has the wrong width, or a variable value exceeds 65535 bytes.</exception>
    /// <exception cref="InvalidCastException">A value does not have the type its column expects.</exception>
    public static int Write(IReadOnlyList<RawBlockColumn> columns, IReadOnlyList<object?[]> rows, ref byte[] buffer, int reserve)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(reserve);
        var dataLengths = Measure(columns, rows, out int length);
        if (buffer.Length < reserve + length)
        {
            buffer = new byte[reserve + length];
        }
        var span = buffer.AsSpan(reserve, length);
        span.Clear();
        Encode(columns, rows, 0, dataLengths, span);
        return reserve + length;
    }

    // Checks the rows' widths and the variable values' sizes; the data length of each column and the block's length.
    private static int[] Measure(IReadOnlyList<RawBlockColumn> columns, IReadOnlyList<object?[]> rows, out int length)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        int cols = columns.Count;
        int count = rows.Count;
        CheckWidths(rows, cols);
        var dataLengths = new int[cols];
        bool hasJson = false;
        length = RawBlockLayout.HeaderSize + (cols * (RawBlockLayout.SchemaEntrySize + 4));
        for (int c = 0; c < cols; c++)
        {
            var type = columns[c].Type;
            hasJson |= type == TaosDataType.Json;
            dataLengths[c] = RawBlockLayout.IsVariable(type) ? VariableDataLength(type, rows, c) : count * RawBlockLayout.FixedSize(type);
            length += HeadLength(type, count) + dataLengths[c];
        }
        length += hasJson ? 0 : 1;
        return dataLengths;
    }

    // Writes the measured block into span (zeroed, exactly its length).
    private static void Encode(IReadOnlyList<RawBlockColumn> columns, IReadOnlyList<object?[]> rows, ulong groupId, int[] dataLengths, Span<byte> span)
    {
        int count = rows.Count;
        int at = WriteHead(columns, count, groupId, dataLengths, span);
        for (int c = 0; c < columns.Count; c++)
        {
            var type = columns[c].Type;
            int head = HeadLength(type, count);
            var data = span.Slice(at + head, dataLengths[c]);
            if (RawBlockLayout.IsVariable(type))
            {
                EncodeVariable(type, rows, c, span.Slice(at, head), data);
            }
            else
            {
                EncodeFixed(type, rows, c, span.Slice(at, head), data);
            }
            at += head + dataLengths[c];
        }
    }

    // The block's header, its schema and its column data lengths; returns where the first column's head starts.
    private static int WriteHead(IReadOnlyList<RawBlockColumn> columns, int count, ulong groupId, int[] dataLengths, Span<byte> span)
    {
        int cols = columns.Count;
        BinaryPrimitives.WriteInt32LittleEndian(span[RawBlockLayout.VersionOffset..], RawBlockLayout.Version);
        BinaryPrimitives.WriteInt32LittleEndian(span[RawBlockLayout.LengthOffset..], span.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[RawBlockLayout.RowsOffset..], count);
        BinaryPrimitives.WriteInt32LittleEndian(span[RawBlockLayout.ColsOffset..], cols);
        BinaryPrimitives.WriteUInt32LittleEndian(span[RawBlockLayout.FlagOffset..], RawBlockLayout.HasSchemaFlag);
        BinaryPrimitives.WriteUInt64LittleEndian(span[RawBlockLayout.GroupIdOffset..], groupId);
        int at = RawBlockLayout.HeaderSize;
        foreach (var column in columns)
        {
            span[at] = (byte)column.Type;
            BinaryPrimitives.WriteInt32LittleEndian(span[(at + 1)..], column.Bytes);
            at += RawBlockLayout.SchemaEntrySize;
        }
        for (int c = 0; c < cols; c++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], dataLengths[c]);
            at += 4;
        }
        return at;
    }

    private static int HeadLength(TaosDataType type, int rows) =>
        RawBlockLayout.IsVariable(type) ? 4 * rows : RawBlockLayout.BitmapSize(rows);

    private static void CheckWidths(IReadOnlyList<object?[]> rows, int cols)
    {
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != cols)
            {
                throw new ArgumentException($"a row has {rows[r].Length} values for {cols} columns", nameof(rows));
            }
        }
    }

    // Bitmap and data are zeroed: a NULL sets its bit and leaves its slot zero.
    private static void EncodeFixed(TaosDataType type, IReadOnlyList<object?[]> rows, int column, Span<byte> bitmap, Span<byte> data)
    {
        int size = RawBlockLayout.FixedSize(type);
        for (int r = 0; r < rows.Count; r++)
        {
            object? value = rows[r][column];
            if (value is null)
            {
                bitmap[r >> 3] |= RawBlockLayout.BitmapMask(r);
                continue;
            }
            WriteFixed(type, value, data.Slice(r * size, size));
        }
    }

    private static void WriteFixed(TaosDataType type, object value, Span<byte> slot)
    {
        switch (type)
        {
            case TaosDataType.Bool: slot[0] = (bool)value ? (byte)1 : (byte)0; break;
            case TaosDataType.TinyInt: slot[0] = unchecked((byte)(sbyte)value); break;
            case TaosDataType.UTinyInt: slot[0] = (byte)value; break;
            case TaosDataType.SmallInt: BinaryPrimitives.WriteInt16LittleEndian(slot, (short)value); break;
            case TaosDataType.USmallInt: BinaryPrimitives.WriteUInt16LittleEndian(slot, (ushort)value); break;
            case TaosDataType.Int: BinaryPrimitives.WriteInt32LittleEndian(slot, (int)value); break;
            case TaosDataType.UInt: BinaryPrimitives.WriteUInt32LittleEndian(slot, (uint)value); break;
            case TaosDataType.Float: BinaryPrimitives.WriteSingleLittleEndian(slot, (float)value); break;
            case TaosDataType.Double: BinaryPrimitives.WriteDoubleLittleEndian(slot, (double)value); break;
            case TaosDataType.UBigInt: BinaryPrimitives.WriteUInt64LittleEndian(slot, (ulong)value); break;
            default: BinaryPrimitives.WriteInt64LittleEndian(slot, (long)value); break;
        }
    }

    /// <summary>The bytes a variable column's values take (each a u16 length and its bytes).</summary>
    private static int VariableDataLength(TaosDataType type, IReadOnlyList<object?[]> rows, int column)
    {
        int total = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r][column] is { } value)
            {
                total += 2 + CheckedLength(VariableLength(type, value), column);
            }
        }
        return total;
    }

    // The bytes a variable value takes in the block (without its u16 length).
    private static int VariableLength(TaosDataType type, object value) => type switch
    {
        TaosDataType.NChar => 4 * RuneCount((string)value),
        TaosDataType.VarChar or TaosDataType.Json => Encoding.UTF8.GetByteCount((string)value),
        _ => ((byte[])value).Length,
    };

    private static int CheckedLength(int length, int column) => length <= ushort.MaxValue ? length
        : throw new ArgumentException($"a value of column {column} is {length} bytes, more than a raw block holds", "rows");

    // Lengths were checked by VariableDataLength, which sized data to hold them all.
    private static void EncodeVariable(TaosDataType type, IReadOnlyList<object?[]> rows, int column, Span<byte> offsets, Span<byte> data)
    {
        int at = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            WriteVariableEntry(type, rows[r][column], r, ref at, offsets, data);
        }
    }

    // Row r's offset entry (-1 for NULL) and, for a value, its u16 length and bytes at data[at..]; moves at past them.
    private static void WriteVariableEntry(TaosDataType type, object? value, int r, ref int at, Span<byte> offsets, Span<byte> data)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteInt32LittleEndian(offsets[(r * 4)..], -1);
            return;
        }
        BinaryPrimitives.WriteInt32LittleEndian(offsets[(r * 4)..], at);
        int length = EncodeVariableValue(type, value, data[(at + 2)..]);
        BinaryPrimitives.WriteUInt16LittleEndian(data[at..], (ushort)length);
        at += 2 + length;
    }

    // Writes a variable value's bytes (without its u16 length) at the start of target; returns their count.
    private static int EncodeVariableValue(TaosDataType type, object value, Span<byte> target) => type switch
    {
        TaosDataType.NChar => EncodeUcs4((string)value, target),
        TaosDataType.VarChar or TaosDataType.Json => Encoding.UTF8.GetBytes((string)value, target),
        _ => Copy((byte[])value, target),
    };

    private static int Copy(byte[] value, Span<byte> target)
    {
        value.CopyTo(target);
        return value.Length;
    }

    private static int RuneCount(string text)
    {
        int count = 0;
        foreach (Rune _ in text.EnumerateRunes())
        {
            count++;
        }
        return count;
    }

    private static int EncodeUcs4(string text, Span<byte> target)
    {
        int at = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            BinaryPrimitives.WriteInt32LittleEndian(target[at..], rune.Value);
            at += 4;
        }
        return at;
    }
}
