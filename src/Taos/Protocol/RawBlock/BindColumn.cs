using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Taos.Protocol.RawBlock;

/// <summary>
/// One column of a bind block (the raw block a client sends with stmt <c>bind</c>/<c>set_tags</c>), filled row by
/// row in its wire form: a fixed-size type keeps a null bitmap and <c>rows × size</c> little-endian values, a
/// variable type keeps one offset per row (−1 = NULL) and the length-prefixed values (NCHAR as UCS-4). The buffers
/// come from <see cref="ArrayPool{T}.Shared"/>, grow by doubling and are kept across <see cref="Clear"/>, so filling a
/// column allocates nothing once it has reached its size. Not thread-safe.
/// </summary>
internal sealed class BindColumn : IDisposable
{
    private readonly int _size;
    private byte[] _data;
    private byte[] _head;
    private int _dataUsed;

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
        if (IsVariable)
        {
            EnsureHead();
            BinaryPrimitives.WriteInt32LittleEndian(_head.AsSpan(4 * Rows), -1);
            Rows++;
            return;
        }
        NextSlot().Clear();
        _head[(Rows - 1) >> 3] |= RawBlockLayout.BitmapMask(Rows - 1);
    }

    /// <summary>Appends a 1-byte value (BOOL, TINYINT, TINYINT UNSIGNED).</summary>
    public void Append8(byte value) => NextSlot()[0] = value;

    /// <summary>Appends a 2-byte value (SMALLINT, SMALLINT UNSIGNED).</summary>
    public void Append16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(NextSlot(), value);

    /// <summary>Appends a 4-byte value (INT, INT UNSIGNED, FLOAT bits).</summary>
    public void Append32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(NextSlot(), value);

    /// <summary>Appends an 8-byte value (BIGINT, BIGINT UNSIGNED, TIMESTAMP, DOUBLE bits).</summary>
    public void Append64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(NextSlot(), value);

    /// <summary>Appends a variable value as it is stored: UTF-8 for VARCHAR/JSON, UCS-4 for NCHAR.</summary>
    /// <exception cref="ArgumentException">The encoded value is longer than <see cref="MaxValueBytes"/>.</exception>
    public void AppendString(string value)
    {
        int length = Type == TaosDataType.NChar ? 4 * RuneCount(value) : Encoding.UTF8.GetByteCount(value);
        var target = NextValue(length);
        if (Type == TaosDataType.NChar)
        {
            int at = 0;
            foreach (Rune rune in value.EnumerateRunes())
            {
                BinaryPrimitives.WriteInt32LittleEndian(target[at..], rune.Value);
                at += 4;
            }
        }
        else
        {
            Encoding.UTF8.GetBytes(value, target);
        }
    }

    /// <summary>Appends a variable value's bytes as they are (VARBINARY, GEOMETRY, or text already encoded).</summary>
    /// <exception cref="ArgumentException">The value is longer than <see cref="MaxValueBytes"/>.</exception>
    public void AppendBytes(ReadOnlySpan<byte> value) => value.CopyTo(NextValue(value.Length));

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

    /// <summary>Writes the column's block part (bitmap or offsets, then values) to the start of <paramref name="target"/>.</summary>
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
        Rows = 0;
    }

    private Span<byte> NextSlot()
    {
        if (IsVariable) throw new InvalidOperationException($"a {Type} column takes variable values");
        int at = Rows * _size;
        if (at + _size > _data.Length) Grow(ref _data, at, at + _size);
        if (RawBlockLayout.BitmapSize(Rows + 1) > _head.Length) Grow(ref _head, _head.Length, RawBlockLayout.BitmapSize(Rows + 1), clear: true);
        Rows++;
        return _data.AsSpan(at, _size);
    }

    private Span<byte> NextValue(int length)
    {
        if (!IsVariable) throw new InvalidOperationException($"a {Type} column takes fixed-size values");
        if (length > MaxValueBytes)
        {
            throw new ArgumentException($"the value takes {length} bytes, more than the {MaxValueBytes} the column holds");
        }
        EnsureHead();
        if (_dataUsed + 2 + length > _data.Length) Grow(ref _data, _dataUsed, _dataUsed + 2 + length);
        BinaryPrimitives.WriteInt32LittleEndian(_head.AsSpan(4 * Rows), _dataUsed);
        BinaryPrimitives.WriteUInt16LittleEndian(_data.AsSpan(_dataUsed), (ushort)length);
        var target = _data.AsSpan(_dataUsed + 2, length);
        _dataUsed += 2 + length;
        Rows++;
        return target;
    }

    private void EnsureHead()
    {
        if (4 * (Rows + 1) > _head.Length) Grow(ref _head, 4 * Rows, 4 * (Rows + 1));
    }

    private static void Grow(ref byte[] buffer, int used, int needed, bool clear = false)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, used).CopyTo(larger);
        if (clear) Array.Clear(larger, used, larger.Length - used);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
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
}
