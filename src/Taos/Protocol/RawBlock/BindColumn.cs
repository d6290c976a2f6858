using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace Taos.Protocol.RawBlock;

/// <summary>
/// One column of a bind block (the raw block a client sends with stmt <c>bind</c>/<c>set_tags</c>), filled row by
/// row in its wire form: a fixed-size type keeps a null bitmap and <c>rows × size</c> little-endian values, a
/// variable type keeps one offset per row (−1 = NULL) and the length-prefixed values (VARCHAR/JSON as UTF-8 and NCHAR
/// as UCS-4, both encoded straight into the buffer in one pass). The buffers come from
/// <see cref="ArrayPool{T}.Shared"/>, grow by doubling and are kept across <see cref="Clear"/>, so filling a column
/// allocates nothing once it has reached its size; a value costs one width check, one room check and its write.
/// Not thread-safe.
/// </summary>
internal sealed class BindColumn : IDisposable
{
    private readonly int _size;
    private byte[] _data;
    private byte[] _head;
    private int _dataUsed;

    // Rows the head (bitmap or offsets) and, for a fixed type, the values hold before they grow.
    private int _capacity;

    /// <summary>Creates an empty column of <paramref name="type"/>, with room for <paramref name="rows"/> rows before it grows.</summary>
    /// <param name="type">The column's TDengine type.</param>
    /// <param name="maxValueBytes">Variable types: the most bytes one value may take (the declared length; NCHAR 4 × chars).</param>
    /// <param name="rows">Rows to reserve room for.</param>
    /// <exception cref="NotSupportedException">The type has no raw block encoding.</exception>
    public BindColumn(TaosDataType type, int maxValueBytes, int rows)
    {
        Type = type;
        IsVariable = RawBlockLayout.IsVariable(type);
        _size = IsVariable ? 0 : RawBlockLayout.FixedSize(type);
        MaxValueBytes = IsVariable ? Math.Min(maxValueBytes, ushort.MaxValue) : _size;
        rows = Math.Max(rows, 8);
        _head = ArrayPool<byte>.Shared.Rent(IsVariable ? 4 * rows : RawBlockLayout.BitmapSize(rows));
        _data = ArrayPool<byte>.Shared.Rent(IsVariable ? 16 * rows : _size * rows);
        Array.Clear(_head);
        _capacity = Capacity();
    }

    /// <summary>The column's TDengine type.</summary>
    public TaosDataType Type { get; }

    /// <summary>True for VARCHAR, NCHAR, JSON, VARBINARY and GEOMETRY.</summary>
    public bool IsVariable { get; }

    /// <summary>The most bytes one value may take (variable types), or the fixed size.</summary>
    public int MaxValueBytes { get; }

    /// <summary>Rows appended since the last <see cref="Clear"/>.</summary>
    public int Rows { get; private set; }

    /// <summary>The block's <c>bytes</c> for this column: the size of a fixed type, 0 for a variable one (as clients send it).</summary>
    public int SchemaBytes => _size;

    /// <summary>The column's data length field: the bytes of its value area.</summary>
    public int DataLength => IsVariable ? _dataUsed : Rows * _size;

    /// <summary>The bytes this column takes in a block: bitmap or offsets, then the value area.</summary>
    public int EncodedLength => HeadLength + DataLength;

    private int HeadLength => IsVariable ? 4 * Rows : RawBlockLayout.BitmapSize(Rows);

    /// <summary>Appends a NULL.</summary>
    public void AppendNull()
    {
        int row = Rows;
        if (IsVariable)
        {
            if (row >= _capacity) GrowRows();
            WriteLittleEndian(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_head), (nint)4 * row), -1);
            Rows = row + 1;
            return;
        }
        Unsafe.InitBlockUnaligned(ref NextSlot(_size), 0, (uint)_size);
        _head[row >> 3] |= RawBlockLayout.BitmapMask(row);
    }

    /// <summary>Appends a 1-byte value (BOOL, TINYINT, TINYINT UNSIGNED).</summary>
    /// <exception cref="InvalidOperationException">The column's values are not 1 byte wide.</exception>
    public void Append8(byte value) => NextSlot(1) = value;

    /// <summary>Appends a 2-byte value (SMALLINT, SMALLINT UNSIGNED).</summary>
    /// <exception cref="InvalidOperationException">The column's values are not 2 bytes wide.</exception>
    public void Append16(ushort value) => WriteLittleEndian(ref NextSlot(2), value);

    /// <summary>Appends a 4-byte value (INT, INT UNSIGNED, FLOAT bits).</summary>
    /// <exception cref="InvalidOperationException">The column's values are not 4 bytes wide.</exception>
    public void Append32(uint value) => WriteLittleEndian(ref NextSlot(4), value);

    /// <summary>Appends an 8-byte value (BIGINT, BIGINT UNSIGNED, TIMESTAMP, DOUBLE bits).</summary>
    /// <exception cref="InvalidOperationException">The column's values are not 8 bytes wide.</exception>
    public void Append64(ulong value) => WriteLittleEndian(ref NextSlot(8), value);

    /// <summary>
    /// Appends text as it is stored: UTF-8 for VARCHAR/JSON, UCS-4 for NCHAR (a lone surrogate becomes U+FFFD). A null
    /// string converts to an empty span, i.e. empty text: a NULL goes through <see cref="AppendNull"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The encoded value is longer than <see cref="MaxValueBytes"/>.</exception>
    /// <exception cref="InvalidOperationException">The column is of a fixed-size type.</exception>
    public void AppendString(ReadOnlySpan<char> value)
    {
        if (Type == TaosDataType.NChar) AppendUcs4(value);
        else AppendUtf8(value);
    }

    /// <summary>Appends a variable value's bytes as they are (VARBINARY, GEOMETRY, or text already encoded).</summary>
    /// <exception cref="ArgumentException">The value is longer than <see cref="MaxValueBytes"/>.</exception>
    /// <exception cref="InvalidOperationException">The column is of a fixed-size type.</exception>
    public void AppendBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length > MaxValueBytes) throw TooLong(value.Length);
        value.CopyTo(BeginValue(value.Length));
        EndValue(value.Length);
    }

    /// <summary>Drops the rows from <paramref name="rows"/> on (the rest of a row that failed).</summary>
    public void Truncate(int rows)
    {
        if (rows >= Rows) return;
        if (IsVariable)
        {
            _dataUsed = 0;
            for (int r = rows - 1; r >= 0; r--)
            {
                int offset = BinaryPrimitives.ReadInt32LittleEndian(_head.AsSpan(4 * r));
                if (offset >= 0)
                {
                    _dataUsed = offset + 2 + BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(offset));
                    break;
                }
            }
        }
        else
        {
            for (int r = rows; r < Rows; r++)
            {
                _head[r >> 3] &= (byte)~RawBlockLayout.BitmapMask(r);
            }
        }
        Rows = rows;
    }

    /// <summary>Writes the column's block part (bitmap or offsets, then values) to the start of <paramref name="target"/>: two whole-buffer copies.</summary>
    public void CopyTo(Span<byte> target)
    {
        int head = HeadLength;
        _head.AsSpan(0, head).CopyTo(target);
        _data.AsSpan(0, DataLength).CopyTo(target[head..]);
    }

    /// <summary>Empties the column, keeping its buffers.</summary>
    public void Clear()
    {
        if (!IsVariable) Array.Clear(_head, 0, RawBlockLayout.BitmapSize(Rows));
        Rows = 0;
        _dataUsed = 0;
    }

    /// <summary>Returns the buffers to the pool.</summary>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_head);
        ArrayPool<byte>.Shared.Return(_data);
        _head = [];
        _data = [];
        _capacity = 0;
        Rows = 0;
    }

    // The next row's value slot, for a value of `size` bytes (the column's width, else the call is a misuse).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref byte NextSlot(int size)
    {
        if (size != _size) throw WrongWidth(size);
        int row = Rows;
        if (row >= _capacity) GrowRows();
        Rows = row + 1;
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_data), (nint)row * size);
    }

    private void AppendUtf8(ReadOnlySpan<char> text)
    {
        // n UTF-16 chars take at most 3n UTF-8 bytes: room for that (or for the column's limit, beyond which the text is refused).
        int room = (int)Math.Min(3L * text.Length, MaxValueBytes);
        var target = BeginValue(room);
        if (Utf8.FromUtf16(text, target, out _, out int written) != OperationStatus.Done)
        {
            throw TooLong(Encoding.UTF8.GetByteCount(text));
        }
        EndValue(written);
    }

    private void AppendUcs4(ReadOnlySpan<char> text)
    {
        // One UTF-16 char is at most one 4-byte code point (a surrogate pair is two chars for one).
        int room = (int)Math.Min(4L * text.Length, MaxValueBytes);
        var target = BeginValue(room);
        int written = 0;
        for (int i = 0; i < text.Length;)
        {
            int code = text[i];
            if (!char.IsSurrogate((char)code))
            {
                i++;
            }
            else
            {
                Rune.DecodeFromUtf16(text[i..], out var rune, out int used);
                code = rune.Value;
                i += used;
            }
            if (written > room - 4) throw TooLong(4 * RuneCount(text));
            BinaryPrimitives.WriteInt32LittleEndian(target[written..], code);
            written += 4;
        }
        EndValue(written);
    }

    // Room for the next variable value of at most `room` bytes; the span it is written to (EndValue commits it).
    private Span<byte> BeginValue(int room)
    {
        if (!IsVariable) throw new InvalidOperationException($"a {Type} column takes fixed-size values");
        if (Rows >= _capacity) GrowRows();
        int end = _dataUsed + 2 + room;
        if (end > _data.Length) Grow(ref _data, _dataUsed, end);
        return _data.AsSpan(_dataUsed + 2, room);
    }

    private void EndValue(int length)
    {
        ref byte head = ref MemoryMarshal.GetArrayDataReference(_head);
        WriteLittleEndian(ref Unsafe.Add(ref head, (nint)4 * Rows), _dataUsed);
        BinaryPrimitives.WriteUInt16LittleEndian(_data.AsSpan(_dataUsed), (ushort)length);
        _dataUsed += 2 + length;
        Rows++;
    }

    // Doubles the rows the column holds: the offsets of a variable type, the values and bitmap of a fixed one.
    private void GrowRows()
    {
        int rows = Math.Max(2 * _capacity, 8);
        if (IsVariable)
        {
            Grow(ref _head, 4 * Rows, 4 * rows);
        }
        else
        {
            Grow(ref _data, Rows * _size, rows * _size);
            Grow(ref _head, RawBlockLayout.BitmapSize(Rows), RawBlockLayout.BitmapSize(rows), clear: true);
        }
        _capacity = Capacity();
    }

    private int Capacity() => IsVariable ? _head.Length / 4 : Math.Min(_data.Length / _size, _head.Length * 8);

    private static void Grow(ref byte[] buffer, int used, int needed, bool clear = false)
    {
        if (needed <= buffer.Length) return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, used).CopyTo(larger);
        if (clear) Array.Clear(larger, used, larger.Length - used);
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }

    private static void WriteLittleEndian(ref byte target, ushort value) =>
        Unsafe.WriteUnaligned(ref target, BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value));

    private static void WriteLittleEndian(ref byte target, uint value) =>
        Unsafe.WriteUnaligned(ref target, BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value));

    private static void WriteLittleEndian(ref byte target, int value) =>
        Unsafe.WriteUnaligned(ref target, BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value));

    private static void WriteLittleEndian(ref byte target, ulong value) =>
        Unsafe.WriteUnaligned(ref target, BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value));

    private ArgumentException TooLong(int length) => new($"the value takes {length} bytes, more than the {MaxValueBytes} the column holds");

    private InvalidOperationException WrongWidth(int size) => new(IsVariable
        ? $"a {Type} column takes variable values"
        : $"a {Type} column takes {_size}-byte values, not {size}-byte ones");

    private static int RuneCount(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (Rune _ in text.EnumerateRunes())
        {
            count++;
        }
        return count;
    }
}
