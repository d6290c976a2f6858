using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using Taos.Protocol.RawBlock;
using Taos.Server.Engine.Write;

namespace Taos.Server.Endpoints.WebSocket.Stmt;

/// <summary>
/// Decodes the raw block of a binary stmt <c>bind</c> (one column per VALUES placeholder) straight into schema-wide
/// rows of the target table, checking each value as it is read: one pass over the block, no intermediate rows. What
/// it accepts and refuses is what <see cref="StmtBlockReader.Read"/> followed by <see cref="BoundValues.CheckRow"/>
/// row by row did: a column of another type first (65535), then a malformed block (<see cref="FormatException"/>),
/// then the first bad value in row order, columns in placeholder order (512 for a NULL ts, 9811 for a value too long).
/// </summary>
internal static class StmtBlockRows
{
    /// <summary>Reads the rows of <paramref name="block"/>, whose column count the caller checked against <paramref name="target"/>.</summary>
    /// <exception cref="FormatException">The block is malformed or lies about its lengths.</exception>
    /// <exception cref="TaosServerException">A column's type is not the statement's, or a value fails its check.</exception>
    public static object?[][] Read(ReadOnlySpan<byte> block, BoundTarget target)
    {
        var (rows, cols, length) = StmtBlockReader.ReadHeader(block);
        for (int c = 0; c < cols; c++)
        {
            StmtBlockReader.CheckType(block, c, target.Schema[target.Columns[c]].Type);
        }
        block = block[..length];
        int width = target.Schema.Count;
        var result = new object?[rows][];
        for (int r = 0; r < rows; r++)
        {
            result[r] = new object?[width];
        }
        var failure = new Failure();
        int at = RawBlockLayout.HeaderSize + (cols * (RawBlockLayout.SchemaEntrySize + 4));
        try
        {
            for (int c = 0; c < cols; c++)
            {
                int dataLength = BinaryPrimitives.ReadInt32LittleEndian(block[(RawBlockLayout.HeaderSize + (cols * RawBlockLayout.SchemaEntrySize) + (c * 4))..]);
                var column = new Column(target, c);
                at = RawBlockLayout.IsVariable(column.Info.Type)
                    ? ReadVariable(block, at, dataLength, column, result, failure)
                    : ReadFixed(block, at, column, result, failure);
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
        if (failure.Error is { } error) throw error;
        return result;
    }

    private static int ReadFixed(ReadOnlySpan<byte> block, int at, Column column, object?[][] rows, Failure failure)
    {
        var type = column.Info.Type;
        int size = RawBlockLayout.FixedSize(type);
        var bitmap = block.Slice(at, RawBlockLayout.BitmapSize(rows.Length));
        var data = block.Slice(at + bitmap.Length, rows.Length * size);
        for (int r = 0; r < rows.Length; r++)
        {
            if ((bitmap[r >> 3] & RawBlockLayout.BitmapMask(r)) != 0)
            {
                if (column.Index == 0) failure.Check(r, column, null);
                continue;
            }
            rows[r][column.Index] = RawBlockReader.ReadFixedValue(type, data.Slice(r * size, size));
        }
        return at + bitmap.Length + data.Length;
    }

    private static int ReadVariable(ReadOnlySpan<byte> block, int at, int dataLength, Column column, object?[][] rows, Failure failure)
    {
        var offsets = block.Slice(at, rows.Length * 4);
        var data = block.Slice(at + offsets.Length, dataLength);
        var info = column.Info;
        for (int r = 0; r < rows.Length; r++)
        {
            int offset = BinaryPrimitives.ReadInt32LittleEndian(offsets[(r * 4)..]);
            if (offset < 0)
            {
                if (column.Index == 0) failure.Check(r, column, null);
                continue;
            }
            var bytes = data.Slice(offset + 2, BinaryPrimitives.ReadUInt16LittleEndian(data[offset..]));
            object value;
            bool suspect;
            switch (info.Type)
            {
                case TaosDataType.VarChar:
                    value = Encoding.UTF8.GetString(bytes);
                    // Valid UTF-8 is as long as its text; invalid bytes decode to U+FFFD, so the check measures the text.
                    suspect = bytes.Length > info.Length || !Utf8.IsValid(bytes);
                    break;
                case TaosDataType.NChar:
                    value = NCharText(bytes);
                    suspect = bytes.Length / 4 > info.Length;
                    break;
                case TaosDataType.VarBinary or TaosDataType.Geometry:
                    value = bytes.ToArray();
                    suspect = bytes.Length > info.Length;
                    break;
                default:
                    value = Encoding.UTF8.GetString(bytes);
                    suspect = true;
                    break;
            }
            rows[r][column.Index] = suspect ? failure.Check(r, column, value) : value;
        }
        return at + offsets.Length + data.Length;
    }

    /// <summary>NCHAR's UTF-32 code points as text, one character (or U+FFFD for an invalid one) per 4 bytes.</summary>
    private static string NCharText(ReadOnlySpan<byte> bytes)
    {
        int units = bytes.Length / 4;
        Span<char> text = units <= 256 ? stackalloc char[units * 2] : new char[units * 2];
        int written = 0;
        for (int i = 0; i < units; i++)
        {
            int value = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * 4)..]);
            var rune = Rune.IsValid(value) ? new Rune(value) : Rune.ReplacementChar;
            written += rune.EncodeToUtf16(text[written..]);
        }
        return new string(text[..written]);
    }

    /// <summary>A block column: its position among the placeholders, its schema index and its column.</summary>
    private readonly struct Column(BoundTarget target, int position)
    {
        public int Position { get; } = position;

        public int Index { get; } = target.Columns[position];

        public Engine.Catalog.ColumnInfo Info { get; } = target.Schema[target.Columns[position]];
    }

    /// <summary>The first failed check in row order (columns in placeholder order), as a row-by-row check finds it.</summary>
    private sealed class Failure
    {
        private int _row = int.MaxValue;
        private int _position = int.MaxValue;

        public TaosServerException? Error { get; private set; }

        /// <summary>
        /// Checks a value a quick look could not pass with <see cref="BoundValues.Check"/>; returns the value to keep.
        /// A failure is kept when it comes before the one kept so far.
        /// </summary>
        public object? Check(int row, Column column, object? value)
        {
            // The bind fails anyway, with an earlier value: no need to look.
            if (row > _row || (row == _row && column.Position > _position)) return value;
            try
            {
                return BoundValues.Check(column.Info, value, primaryKey: column.Index == 0);
            }
            catch (TaosServerException ex)
            {
                if (row < _row || (row == _row && column.Position < _position))
                {
                    (_row, _position, Error) = (row, column.Position, ex);
                }
                return value;
            }
        }
    }
}
