using System.Buffers.Binary;

namespace Taos.Protocol.RawBlock;

/// <summary>
/// Assembles a bind block from filled <see cref="BindColumn"/>s, laid out as clients send it with stmt binary
/// messages 1 (<c>set_tags</c>) and 2 (<c>bind</c>): the raw block of <see cref="RawBlockLayout"/> with flag 0,
/// <c>bytes</c> 0 for variable columns and the exact total length (no trailing <c>blankFill</c> byte).
/// </summary>
internal static class BindBlockWriter
{
    /// <summary>The block's length for <paramref name="columns"/> (all of the same row count).</summary>
    /// <exception cref="ArgumentException">The columns differ in rows.</exception>
    public static int Measure(IReadOnlyList<BindColumn> columns)
    {
        long length = RawBlockLayout.HeaderSize + ((long)columns.Count * (RawBlockLayout.SchemaEntrySize + 4));
        int rows = columns.Count == 0 ? 0 : columns[0].Rows;
        foreach (var column in columns)
        {
            if (column.Rows != rows)
            {
                throw new ArgumentException($"bind columns differ in rows: {column.Rows} and {rows}", nameof(columns));
            }
            length += column.EncodedLength;
        }
        if (length > int.MaxValue)
        {
            throw new ArgumentException($"a bind block of {length} bytes is larger than a block can be", nameof(columns));
        }
        return (int)length;
    }

    /// <summary>Writes the block of <paramref name="columns"/> to the start of <paramref name="target"/>; returns its length.</summary>
    /// <exception cref="ArgumentException">The columns differ in rows, or <paramref name="target"/> is too short.</exception>
    public static int Write(IReadOnlyList<BindColumn> columns, Span<byte> target)
    {
        int length = Measure(columns);
        if (target.Length < length)
        {
            throw new ArgumentException($"a bind block of {length} bytes does not fit {target.Length}", nameof(target));
        }
        int cols = columns.Count;
        BinaryPrimitives.WriteInt32LittleEndian(target[RawBlockLayout.VersionOffset..], RawBlockLayout.Version);
        BinaryPrimitives.WriteInt32LittleEndian(target[RawBlockLayout.LengthOffset..], length);
        BinaryPrimitives.WriteInt32LittleEndian(target[RawBlockLayout.RowsOffset..], cols == 0 ? 0 : columns[0].Rows);
        BinaryPrimitives.WriteInt32LittleEndian(target[RawBlockLayout.ColsOffset..], cols);
        BinaryPrimitives.WriteUInt32LittleEndian(target[RawBlockLayout.FlagOffset..], 0);
        BinaryPrimitives.WriteUInt64LittleEndian(target[RawBlockLayout.GroupIdOffset..], 0);
        int at = RawBlockLayout.HeaderSize;
        foreach (var column in columns)
        {
            target[at] = (byte)column.Type;
            BinaryPrimitives.WriteInt32LittleEndian(target[(at + 1)..], column.SchemaBytes);
            at += RawBlockLayout.SchemaEntrySize;
        }
        foreach (var column in columns)
        {
            BinaryPrimitives.WriteInt32LittleEndian(target[at..], column.DataLength);
            at += 4;
        }
        foreach (var column in columns)
        {
            column.CopyTo(target[at..]);
            at += column.EncodedLength;
        }
        return length;
    }
}
