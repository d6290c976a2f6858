using System.Buffers.Binary;
using Taos.Protocol.RawBlock;

namespace Taos.Server.Endpoints.WebSocket.Stmt;

/// <summary>
/// Reads a raw block a client built (flag 0, <c>bytes</c> 0 for variable columns, exact length): bounds-checked
/// before anything is allocated, and — for an INSERT's binds, as taosAdapter does — with the statement's field
/// types in place of the block's own.
/// </summary>
internal static class StmtBlockReader
{
    /// <summary>The block's row and column counts; a <see cref="FormatException"/> when its header is short or out of range.</summary>
    public static (int Rows, int Columns, int Length) ReadHeader(ReadOnlySpan<byte> block)
    {
        if (block.Length < RawBlockLayout.HeaderSize)
        {
            throw new FormatException($"raw block of {block.Length} bytes is shorter than its {RawBlockLayout.HeaderSize}-byte header");
        }
        int length = BinaryPrimitives.ReadInt32LittleEndian(block[RawBlockLayout.LengthOffset..]);
        int rows = BinaryPrimitives.ReadInt32LittleEndian(block[RawBlockLayout.RowsOffset..]);
        int cols = BinaryPrimitives.ReadInt32LittleEndian(block[RawBlockLayout.ColsOffset..]);
        if (length < RawBlockLayout.HeaderSize || length > block.Length)
        {
            throw new FormatException($"raw block length {length} does not fit the {block.Length} bytes sent");
        }
        // Every column takes at least a byte (or an offset) per row: more rows than bytes is a lie.
        if (rows < 0 || cols < 0 || (long)rows * Math.Max(cols, 1) > length)
        {
            throw new FormatException($"raw block of {length} bytes cannot hold {rows} rows of {cols} columns");
        }
        return (rows, cols, length);
    }

    /// <summary>
    /// Decodes the block; with <paramref name="types"/> (one per column) its values are read as those types.
    /// </summary>
    /// <exception cref="FormatException">The block is malformed or lies about its lengths.</exception>
    public static RawBlockData Read(ReadOnlySpan<byte> block, IReadOnlyList<TaosDataType>? types)
    {
        var (_, cols, length) = ReadHeader(block);
        if (types is null)
        {
            return RawBlockReader.Read(block[..length]);
        }
        var copy = block[..length].ToArray();
        for (int c = 0; c < cols && c < types.Count; c++)
        {
            copy[RawBlockLayout.HeaderSize + (c * RawBlockLayout.SchemaEntrySize)] = (byte)types[c];
        }
        return RawBlockReader.Read(copy);
    }
}
