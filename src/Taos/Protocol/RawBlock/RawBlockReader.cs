using System.Buffers.Binary;
using System.Text;

namespace Taos.Protocol.RawBlock;

/// <summary>Decodes a TDengine raw block (layout in <see cref="RawBlockLayout"/>) into <see cref="RawBlockData"/>.</summary>
internal static class RawBlockReader
{
    /// <summary>Reads the block at the start of <paramref name="block"/> (its length is the block's own length field).</summary>
    /// <exception cref="FormatException">The bytes are not a well-formed raw block, or a column has a type without a raw block encoding.</exception>
    public static RawBlockData Read(ReadOnlySpan<byte> block)
    {
        if (block.Length < RawBlockLayout.HeaderSize)
        {
            throw new FormatException("raw block shorter than its header");
        }
        int version = BinaryPrimitives.ReadInt32LittleEndian(block[RawBlockLayout.VersionOffset..]);
        int length = BinaryPrimitives.ReadInt32LittleEndian(block[RawBlockLayout.LengthOffset..]);
        int rows = BinaryPrimitives.ReadInt32LittleEndian(block[RawBlockLayout.RowsOffset..]);
        int cols = BinaryPrimitives.ReadInt32LittleEndian(block[RawBlockLayout.ColsOffset..]);
        uint flag = BinaryPrimitives.ReadUInt32LittleEndian(block[RawBlockLayout.FlagOffset..]);
        ulong groupId = BinaryPrimitives.ReadUInt64LittleEndian(block[RawBlockLayout.GroupIdOffset..]);
        if (length < RawBlockLayout.HeaderSize || length > block.Length || rows < 0 || cols < 0
            || (long)cols * (RawBlockLayout.SchemaEntrySize + 4) > length - RawBlockLayout.HeaderSize)
        {
            throw new FormatException("raw block header out of range");
        }
        block = block[..length];
        var columns = new RawBlockColumn[cols];
        var dataLengths = new int[cols];
        int at = RawBlockLayout.HeaderSize;
        for (int c = 0; c < cols; c++)
        {
            columns[c] = new RawBlockColumn((TaosDataType)block[at], BinaryPrimitives.ReadInt32LittleEndian(block[(at + 1)..]));
            at += RawBlockLayout.SchemaEntrySize;
        }
        for (int c = 0; c < cols; c++)
        {
            dataLengths[c] = BinaryPrimitives.ReadInt32LittleEndian(block[at..]);
            at += 4;
        }
        var result = new object?[rows][];
        for (int r = 0; r < rows; r++)
        {
            result[r] = new object?[cols];
        }
        try
        {
            for (int c = 0; c < cols; c++)
            {
                at = RawBlockLayout.IsVariable(columns[c].Type)
                    ? ReadVariable(block, at, dataLengths[c], columns[c].Type, result, c)
                    : ReadFixed(block, at, columns[c].Type, result, c);
            }
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new FormatException("raw block column data out of range", ex);
        }
        catch (NotSupportedException ex)
        {
            throw new FormatException("raw block column of a type without a raw block encoding", ex);
        }
        return new RawBlockData(version, flag, groupId, columns, result);
    }

    private static int ReadFixed(ReadOnlySpan<byte> block, int at, TaosDataType type, object?[][] rows, int column)
    {
        int size = RawBlockLayout.FixedSize(type);
        ReadOnlySpan<byte> bitmap = block.Slice(at, RawBlockLayout.BitmapSize(rows.Length));
        ReadOnlySpan<byte> data = block.Slice(at + bitmap.Length, rows.Length * size);
        for (int r = 0; r < rows.Length; r++)
        {
            if ((bitmap[r >> 3] & RawBlockLayout.BitmapMask(r)) == 0)
            {
                rows[r][column] = ReadFixedValue(type, data.Slice(r * size, size));
            }
        }
        return at + bitmap.Length + data.Length;
    }

    /// <summary>The value of one fixed-width slot of a column of <paramref name="type"/>, boxed as its .NET type.</summary>
    internal static object ReadFixedValue(TaosDataType type, ReadOnlySpan<byte> slot) => type switch
    {
        TaosDataType.Bool => slot[0] != 0,
        TaosDataType.TinyInt => unchecked((sbyte)slot[0]),
        TaosDataType.UTinyInt => slot[0],
        TaosDataType.SmallInt => BinaryPrimitives.ReadInt16LittleEndian(slot),
        TaosDataType.USmallInt => BinaryPrimitives.ReadUInt16LittleEndian(slot),
        TaosDataType.Int => BinaryPrimitives.ReadInt32LittleEndian(slot),
        TaosDataType.UInt => BinaryPrimitives.ReadUInt32LittleEndian(slot),
        TaosDataType.Float => BinaryPrimitives.ReadSingleLittleEndian(slot),
        TaosDataType.Double => BinaryPrimitives.ReadDoubleLittleEndian(slot),
        TaosDataType.UBigInt => BinaryPrimitives.ReadUInt64LittleEndian(slot),
        _ => BinaryPrimitives.ReadInt64LittleEndian(slot),
    };

    private static int ReadVariable(ReadOnlySpan<byte> block, int at, int dataLength, TaosDataType type, object?[][] rows, int column)
    {
        ReadOnlySpan<byte> offsets = block.Slice(at, rows.Length * 4);
        ReadOnlySpan<byte> data = block.Slice(at + offsets.Length, dataLength);
        for (int r = 0; r < rows.Length; r++)
        {
            int offset = BinaryPrimitives.ReadInt32LittleEndian(offsets[(r * 4)..]);
            if (offset < 0)
            {
                continue;
            }
            int size = BinaryPrimitives.ReadUInt16LittleEndian(data[offset..]);
            rows[r][column] = ReadVariableValue(type, data.Slice(offset + 2, size));
        }
        return at + offsets.Length + data.Length;
    }

    private static object ReadVariableValue(TaosDataType type, ReadOnlySpan<byte> bytes)
    {
        switch (type)
        {
            case TaosDataType.VarChar or TaosDataType.Json:
                return Encoding.UTF8.GetString(bytes);
            case TaosDataType.NChar:
                var text = new StringBuilder(bytes.Length / 4);
                for (int i = 0; i + 4 <= bytes.Length; i += 4)
                {
                    int value = BinaryPrimitives.ReadInt32LittleEndian(bytes[i..]);
                    text.Append(Rune.IsValid(value) ? new Rune(value) : Rune.ReplacementChar);
                }
                return text.ToString();
            default:
                return bytes.ToArray();
        }
    }
}
