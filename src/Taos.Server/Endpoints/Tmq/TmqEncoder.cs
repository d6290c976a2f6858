using System.Buffers.Binary;
using System.Text;

namespace Taos.Server.Endpoints.Tmq;

/// <summary>
/// TDengine's <c>SEncoder</c> (include/util/tencode.h): fixed-width integers little-endian, <c>v</c> integers as
/// LEB128 varints (signed ones zigzag-encoded), C strings as their length with the terminating 0 and the bytes,
/// binaries as their length and the bytes, and nested <c>tStartEncode</c>/<c>tEndEncode</c> blocks prefixed with
/// their length (i32).
/// </summary>
internal sealed class TmqEncoder
{
    private readonly MemoryStream _bytes = new();
    private readonly Stack<long> _blocks = new();

    /// <summary>The bytes written.</summary>
    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>Opens a length-prefixed block.</summary>
    public TmqEncoder Start()
    {
        _blocks.Push(_bytes.Position);
        return I32(0);
    }

    /// <summary>Closes the innermost block, writing its length before it.</summary>
    public TmqEncoder End()
    {
        long start = _blocks.Pop();
        long end = _bytes.Position;
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, (int)(end - start - 4));
        _bytes.Position = start;
        _bytes.Write(length);
        _bytes.Position = end;
        return this;
    }

    /// <summary>An i8.</summary>
    public TmqEncoder I8(int value)
    {
        _bytes.WriteByte((byte)value);
        return this;
    }

    /// <summary>An i32.</summary>
    public TmqEncoder I32(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        _bytes.Write(bytes);
        return this;
    }

    /// <summary>A u32.</summary>
    public TmqEncoder U32(uint value) => I32(unchecked((int)value));

    /// <summary>An i64 (or a u64's bits).</summary>
    public TmqEncoder I64(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        _bytes.Write(bytes);
        return this;
    }

    /// <summary>A signed varint (i16v, i32v, i64v).</summary>
    public TmqEncoder Signed(long value) => Unsigned(unchecked((ulong)((value << 1) ^ (value >> 63))));

    /// <summary>An unsigned varint (u32v).</summary>
    public TmqEncoder Unsigned(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _bytes.WriteByte((byte)value);
        return this;
    }

    /// <summary>A C string: its length with the terminating 0, the bytes, the 0.</summary>
    public TmqEncoder CString(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        Unsigned((ulong)bytes.Length + 1);
        _bytes.Write(bytes);
        _bytes.WriteByte(0);
        return this;
    }

    /// <summary>A binary: its length, the bytes.</summary>
    public TmqEncoder Binary(ReadOnlySpan<byte> bytes)
    {
        Unsigned((ulong)bytes.Length);
        _bytes.Write(bytes);
        return this;
    }

    /// <summary>Raw bytes, as they are.</summary>
    public TmqEncoder Raw(ReadOnlySpan<byte> bytes)
    {
        _bytes.Write(bytes);
        return this;
    }
}
