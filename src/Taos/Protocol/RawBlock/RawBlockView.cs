using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Taos.Protocol.RawBlock;

/// <summary>
/// A raw block (layout in <see cref="RawBlockLayout"/>) read in place: <see cref="Parse"/> checks every length and
/// offset once (computing each column's offsets once per block), after which the accessors read a value straight
/// out of the buffer at its row and column (<see cref="TryInteger"/>, <see cref="TryReal"/>, <see cref="Text"/>, …; text is
/// decoded only when asked for), and <see cref="Read"/>/<see cref="Fill"/> put values into <see cref="TaosValue"/>
/// cells. The buffer must not change while values are read or point into it.
/// </summary>
internal sealed partial class RawBlockView
{
    private readonly byte[] _buffer;
    private readonly ColumnAt[] _columns;

    private RawBlockView(byte[] buffer, int rows, ColumnAt[] columns)
    {
        _buffer = buffer;
        Rows = rows;
        _columns = columns;
    }

    /// <summary>The buffer the block was read in (values of the current row may point into it).</summary>
    public byte[] Buffer => _buffer;

    /// <summary>The block's row count.</summary>
    public int Rows { get; }

    /// <summary>The block's column count.</summary>
    public int Columns => _columns.Length;

    /// <summary>The type of column <paramref name="column"/> as the block's schema gives it.</summary>
    public TaosDataType TypeOf(int column) => _columns[column].Type;

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
        var columns = new ColumnAt[cols];
        int at = RawBlockLayout.HeaderSize;
        int lengths = at + (cols * RawBlockLayout.SchemaEntrySize);
        int next = lengths + (cols * 4);
        for (int c = 0; c < cols; c++)
        {
            var type = (TaosDataType)span[at + (c * RawBlockLayout.SchemaEntrySize)];
            int dataLength = BinaryPrimitives.ReadInt32LittleEndian(span[(lengths + (c * 4))..]);
            columns[c] = Locate(span, c, type, rows, dataLength, ref next, start);
        }
        return new RawBlockView(buffer, rows, columns);
    }

    // Places column c (its head at `at` of the block), checks it, says where it is in the buffer (the block at
    // `start`), and moves `at` to where the next column starts.
    private static ColumnAt Locate(ReadOnlySpan<byte> block, int c, TaosDataType type, int rows, int dataLength, ref int at, int start)
    {
        if (dataLength < 0) throw Malformed($"column {c} has a negative data length");
        bool variable = RawBlockLayout.IsVariable(type);
        int size = variable ? 0 : FixedSize(type, c);
        long headLength = variable ? 4L * rows : RawBlockLayout.BitmapSize(rows);
        if (!variable && dataLength != (long)rows * size) throw Malformed($"column {c} ({type}) says {dataLength} data bytes for {rows} values of {size}");
        if (at + headLength + dataLength > block.Length) throw Malformed($"column {c} runs past the block's end");
        int data = at + (int)headLength;
        if (variable)
        {
            CheckOffsets(block.Slice(at, (int)headLength), block.Slice(data, dataLength), c);
        }
        // A fixed-size column without NULL in this block (the usual case) needs no bitmap test per value.
        bool noNull = !variable && block.Slice(at, (int)headLength).IndexOfAnyExcept((byte)0) < 0;
        var column = new ColumnAt(type, noNull ? -1 : start + at, start + data, variable ? -dataLength - 1 : size);
        at = data + dataLength;
        return column;
    }

    // Every offset is -1 (NULL) or points at a 2-byte length whose value fits in the column's value area.
    private static void CheckOffsets(ReadOnlySpan<byte> offsets, ReadOnlySpan<byte> values, int c)
    {
        var entries = MemoryMarshal.Cast<byte, int>(offsets);
        ref byte area = ref MemoryMarshal.GetReference(values);
        int limit = values.Length - 2;
        for (int row = 0; row < entries.Length; row++)
        {
            int offset = BitConverter.IsLittleEndian ? entries[row] : BinaryPrimitives.ReverseEndianness(entries[row]);
            if (offset == -1) continue;
            if (offset < 0 || offset > limit) throw Malformed($"column {c} row {row} has offset {offset} outside its {values.Length} value bytes");
            int size = BinaryPrimitives.ReadUInt16LittleEndian(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref area, offset), 2));
            if (size > limit - offset) throw Malformed($"column {c} row {row} has a {size}-byte value past the end of its column");
        }
    }

    private static int FixedSize(TaosDataType type, int c) => type switch
    {
        TaosDataType.Bool or TaosDataType.TinyInt or TaosDataType.UTinyInt or TaosDataType.SmallInt or TaosDataType.USmallInt
            or TaosDataType.Int or TaosDataType.UInt or TaosDataType.Float or TaosDataType.BigInt or TaosDataType.UBigInt
            or TaosDataType.Double or TaosDataType.Timestamp => RawBlockLayout.FixedSize(type),
        _ => throw Malformed($"column {c} has type code {(int)type}, which has no raw block encoding"),
    };

    private static TaosException Malformed(string detail) => new("The server sent a malformed raw block: " + detail + ".");

    // Where a column is in the buffer: its null bitmap or offsets (Head; -1 for a fixed-size column without NULL), its
    // values (Data), and the size of one value (Size > 0) or, for a variable-length column, -1 - the byte count of its
    // value area (Size < 0).
    private readonly record struct ColumnAt(TaosDataType Type, int Head, int Data, int Size);
}
