using System.Buffers.Binary;
using System.Text;

namespace Taos.Server.Endpoints.Tmq;

/// <summary>
/// Reads what <see cref="TmqEncoder"/> writes. Anything malformed — lengths, varints or blocks running past the end,
/// strings without their 0 — is a <see cref="FormatException"/>; nothing outside the bytes given is read.
/// </summary>
internal ref struct TmqDecoder(ReadOnlySpan<byte> data)
{
    private ReadOnlySpan<byte> _data = data;
    private int _at;

    /// <summary>Whether every byte was read.</summary>
    public readonly bool AtEnd => _at == _data.Length;

    /// <summary>Enters a length-prefixed block; <see cref="End"/> skips what is left of it.</summary>
    public int Start()
    {
        int length = I32();
        if (length < 0 || length > _data.Length - _at) throw new FormatException("raw meta block runs past its message");
        return _at + length;
    }

    /// <summary>Moves to the end of the block <see cref="Start"/> returned.</summary>
    public void End(int end)
    {
        if (end < _at) throw new FormatException("raw meta block shorter than its fields");
        _at = end;
    }

    /// <summary>An i8.</summary>
    public int I8() => unchecked((sbyte)Take(1)[0]);

    /// <summary>A u8.</summary>
    public int U8() => Take(1)[0];

    /// <summary>An i32.</summary>
    public int I32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    /// <summary>An i64.</summary>
    public long I64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    /// <summary>An unsigned varint.</summary>
    public ulong Unsigned()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = Take(1)[0];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new FormatException("raw meta varint longer than 10 bytes");
    }

    /// <summary>A signed (zigzag) varint.</summary>
    public long Signed()
    {
        ulong value = Unsigned();
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    /// <summary>A count: a signed varint between 0 and what the rest of the message can hold.</summary>
    public int Count()
    {
        long count = Signed();
        if (count < 0 || count > _data.Length - _at) throw new FormatException($"raw meta count {count} out of range");
        return (int)count;
    }

    /// <summary>A C string.</summary>
    public string CString()
    {
        var bytes = Binary();
        if (bytes.Length == 0 || bytes[^1] != 0) throw new FormatException("raw meta string without its terminating 0");
        return Encoding.UTF8.GetString(bytes[..^1]);
    }

    /// <summary>A binary.</summary>
    public ReadOnlySpan<byte> Binary()
    {
        ulong length = Unsigned();
        if (length > (ulong)(_data.Length - _at)) throw new FormatException("raw meta binary runs past its message");
        return Take((int)length);
    }

    /// <summary>The next <paramref name="count"/> bytes.</summary>
    public ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _data.Length - _at) throw new FormatException("raw meta message cut short");
        var span = _data.Slice(_at, count);
        _at += count;
        return span;
    }
}
