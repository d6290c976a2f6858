using System.Buffers.Binary;
using Taos.Protocol.RawBlock;

namespace Taos.Server.Endpoints.WebSocket.Stmt;

/// <summary>
/// Reads a raw block a client built (flag 0, <c>bytes</c> 0 for variable columns, exact length): bounds-checked
/// before anything is allocated, and — for an INSERT's binds — checked to carry the statement's field types (clients
/// build the block from <c>get_col_fields</c>/<c>get_tag_fields</c>; another type would be read as garbage).
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
        if (rows < 0 || cols < 0 || (long)rows * Math.Max(cols, 1) > length
            || (long)cols * (RawBlockLayout.SchemaEntrySize + 4) > length - RawBlockLayout.HeaderSize)
        {
            throw new FormatException($"raw block of {length} bytes cannot hold {rows} rows of {cols} columns");
        }
        return (rows, cols, length);
    }

    /// <summary>
    /// Decodes the block; with <paramref name="types"/> (one per column) every column must have that type (else a
    /// 65535 <c>stmt column type not match</c> naming the column).
    /// </summary>
    /// <exception cref="FormatException">The block is malformed or lies about its lengths.</exception>
    /// <exception cref="TaosServerException">A column's type is not the expected one.</exception>
    public static RawBlockData Read(ReadOnlySpan<byte> block, IReadOnlyList<TaosDataType>? types)
    {
        var (_, cols, length) = ReadHeader(block);
        for (int c = 0; types is not null && c < cols && c < types.Count; c++)
        {
            CheckType(block, c, types[c]);
        }
        return RawBlockReader.Read(block[..length]);
    }

    /// <summary>A 65535 <c>stmt column type not match</c> naming column <paramref name="c"/> unless its type is <paramref name="expected"/>.</summary>
    /// <remarks>The header must have been read with <see cref="ReadHeader"/>: the column's schema entry is within the block.</remarks>
    public static void CheckType(ReadOnlySpan<byte> block, int c, TaosDataType expected)
    {
        var type = (TaosDataType)block[RawBlockLayout.HeaderSize + (c * RawBlockLayout.SchemaEntrySize)];
        if (type != expected)
        {
            throw new TaosServerException(ServerErrorCode.AdapterError,
                $"stmt column type not match: column {c} is {type}, the statement wants {expected}");
        }
    }
}
