using System.Buffers.Binary;
using System.Text;

namespace Taos.Protocol.RawBlock;

/// <summary>
/// Encodes rows into a TDengine raw block (layout in <see cref="RawBlockLayout"/>), byte for byte as taosAdapter
/// 3.3.0.1 sends it after a <c>fetch_block</c>. Values per column type as <see cref="RawBlockData"/> describes them.
/// </summary>
internal static class RawBlockWriter
{
    /// <summary>Encodes <paramref name="rows"/> (one value per column each) under <paramref name="columns"/>.</summary>
    /// <exception cref="ArgumentException">A row has the wrong width, or a variable value exceeds 65535 bytes.</exception>
    /// <exception cref="InvalidCastException">A value does not have the type its column expects.</exception>
    public static byte[] Write(IReadOnlyList<RawBlockColumn> columns, IReadOnlyList<object?[]> rows, ulong groupId = 0)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        int cols = columns.Count;
        var heads = new byte[cols][];
        var bodies = new byte[cols][];
        bool hasJson = false;
        for (int c = 0; c < cols; c++)
        {
            hasJson |= columns[c].Type == TaosDataType.Json;
            (heads[c], bodies[c]) = RawBlockLayout.IsVariable(columns[c].Type)
                ? EncodeVariable(columns[c].Type, rows, c, cols)
                : EncodeFixed(columns[c].Type, rows, c, cols);
        }
        int length = RawBlockLayout.HeaderSize + (cols * (RawBlockLayout.SchemaEntrySize + 4)) + (hasJson ? 0 : 1);
        for (int c = 0; c < cols; c++)
        {
            length += heads[c].Length + bodies[c].Length;
        }
        var block = new byte[length];
        Span<byte> span = block;
        BinaryPrimitives.WriteInt32LittleEndian(span[RawBlockLayout.VersionOffset..], RawBlockLayout.Version);
        BinaryPrimitives.WriteInt32LittleEndian(span[RawBlockLayout.LengthOffset..], length);
        BinaryPrimitives.WriteInt32LittleEndian(span[RawBlockLayout.RowsOffset..], rows.Count);
        BinaryPrimitives.WriteInt32LittleEndian(span[RawBlockLayout.ColsOffset..], cols);
        BinaryPrimitives.WriteUInt32LittleEndian(span[RawBlockLayout.FlagOffset..], RawBlockLayout.HasSchemaFlag);
        BinaryPrimitives.WriteUInt64LittleEndian(span[RawBlockLayout.GroupIdOffset..], groupId);
        int at = RawBlockLayout.HeaderSize;
        foreach (var column in columns)
        {
            block[at] = (byte)column.Type;
            BinaryPrimitives.WriteInt32LittleEndian(span[(at + 1)..], column.Bytes);
            at += RawBlockLayout.SchemaEntrySize;
        }
        for (int c = 0; c < cols; c++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], bodies[c].Length);
            at += 4;
        }
        for (int c = 0; c < cols; c++)
        {
            heads[c].CopyTo(span[at..]);
            at += heads[c].Length;
            bodies[c].CopyTo(span[at..]);
            at += bodies[c].Length;
        }
        return block;
    }

    /// <summary>The bytes of a variable-length value as the block stores them (after the u16 length).</summary>
    public static byte[] VariableBytes(TaosDataType type, object value) => type switch
    {
        TaosDataType.NChar => EncodeUcs4((string)value),
        TaosDataType.VarChar or TaosDataType.Json => Encoding.UTF8.GetBytes((string)value),
        _ => (byte[])value,
    };

    private static (byte[] Bitmap, byte[] Data) EncodeFixed(TaosDataType type, IReadOnlyList<object?[]> rows, int column, int cols)
    {
        int size = RawBlockLayout.FixedSize(type);
        var bitmap = new byte[RawBlockLayout.BitmapSize(rows.Count)];
        var data = new byte[rows.Count * size];
        for (int r = 0; r < rows.Count; r++)
        {
            object? value = Cell(rows[r], column, cols);
            if (value is null)
            {
                bitmap[r >> 3] |= RawBlockLayout.BitmapMask(r);
                continue;
            }
            WriteFixed(type, value, data.AsSpan(r * size, size));
        }
        return (bitmap, data);
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

    private static (byte[] Offsets, byte[] Data) EncodeVariable(TaosDataType type, IReadOnlyList<object?[]> rows, int column, int cols)
    {
        var offsets = new byte[rows.Count * 4];
        var values = new byte[rows.Count][];
        int total = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            object? value = Cell(rows[r], column, cols);
            if (value is null)
            {
                BinaryPrimitives.WriteInt32LittleEndian(offsets.AsSpan(r * 4), -1);
                continue;
            }
            byte[] bytes = VariableBytes(type, value);
            if (bytes.Length > ushort.MaxValue)
            {
                throw new ArgumentException($"a value of column {column} is {bytes.Length} bytes, more than a raw block holds", nameof(rows));
            }
            BinaryPrimitives.WriteInt32LittleEndian(offsets.AsSpan(r * 4), total);
            values[r] = bytes;
            total += 2 + bytes.Length;
        }
        var data = new byte[total];
        int at = 0;
        foreach (byte[]? bytes in values)
        {
            if (bytes is null)
            {
                continue;
            }
            BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at), (ushort)bytes.Length);
            bytes.CopyTo(data, at + 2);
            at += 2 + bytes.Length;
        }
        return (offsets, data);
    }

    private static object? Cell(object?[] row, int column, int cols)
    {
        if (row.Length != cols)
        {
            throw new ArgumentException($"a row has {row.Length} values for {cols} columns", nameof(row));
        }
        return row[column];
    }

    private static byte[] EncodeUcs4(string text)
    {
        var bytes = new byte[4 * text.Length];
        int at = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), rune.Value);
            at += 4;
        }
        return at == bytes.Length ? bytes : bytes[..at];
    }
}
