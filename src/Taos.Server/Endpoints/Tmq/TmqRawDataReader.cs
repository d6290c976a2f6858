using System.Buffers.Binary;
using System.Text;

namespace Taos.Server.Endpoints.Tmq;

/// <summary>One block of a raw data message: its table (null when the message carries no table names), its columns' names and its raw block.</summary>
internal sealed record TmqRawDataBlock(string? Table, string[] Columns, byte[] Block);

/// <summary>
/// Reads the raw form of a data message that <see cref="TmqRawMessage"/> writes (what <c>fetch_raw</c> sends and
/// <c>write_raw</c> takes): the offsets are skipped, each block is returned with its schema's column names and its
/// table's name. Malformed input of any kind — a wrong version, lengths or varints that run past the end — is a
/// <see cref="FormatException"/>; nothing is read outside the bytes given.
/// </summary>
internal ref struct TmqRawDataReader(ReadOnlySpan<byte> data)
{
    private const int BlockHeaderSize = 18;

    private readonly ReadOnlySpan<byte> _data = data;
    private int _at;

    /// <summary>The blocks of <paramref name="data"/>.</summary>
    public static List<TmqRawDataBlock> Read(ReadOnlySpan<byte> data) => new TmqRawDataReader(data).ReadAll();

    /// <summary>The blocks of a data-and-meta message and the child tables its rows created.</summary>
    public static (List<TmqRawDataBlock> Blocks, List<Engine.Topics.MetaEvent> Created) ReadWithCreated(ReadOnlySpan<byte> data)
    {
        var reader = new TmqRawDataReader(data);
        var blocks = reader.ReadAll();
        var tail = new TmqDecoder(data[reader._at..]);
        int count = tail.I32();
        if (count < 0 || count > data.Length) throw new FormatException($"raw data-and-meta message creating {count} tables");
        var created = new List<Engine.Topics.MetaEvent>(count);
        for (int i = 0; i < count; i++) created.Add(TmqRawMetaReader.ReadCreateTable(tail.Binary()));
        return (blocks, created);
    }

    private List<TmqRawDataBlock> ReadAll()
    {
        if (Take(1)[0] != 100) throw new FormatException("raw data message of an unknown version");
        int offsets = BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        Take(offsets < 0 ? throw new FormatException("negative offsets length") : offsets);
        int count = BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        if (count < 0 || count > _data.Length) throw new FormatException($"raw data message with {count} blocks");
        var blocks = new List<TmqRawDataBlock>(count);
        if (count == 0) return blocks;
        bool withTable = Take(1)[0] != 0;
        if (Take(1)[0] == 0) throw new FormatException("raw data message without schemas");
        for (int i = 0; i < count; i++)
        {
            int length = checked((int)Unsigned());
            if (length < BlockHeaderSize) throw new FormatException("raw data block shorter than its header");
            byte[] block = Take(length)[BlockHeaderSize..].ToArray();
            int columns = Signed();
            if (columns < 0 || columns > _data.Length) throw new FormatException($"raw data schema of {columns} columns");
            Signed();
            var names = new string[columns];
            for (int c = 0; c < columns; c++)
            {
                Take(2);
                Signed();
                Signed();
                names[c] = Text();
            }
            blocks.Add(new TmqRawDataBlock(withTable ? Text() : null, names, block));
        }
        return blocks;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _at) throw new FormatException("raw data message cut short");
        var span = _data.Slice(_at, count);
        _at += count;
        return span;
    }

    private uint Unsigned()
    {
        uint value = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte b = Take(1)[0];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new FormatException("raw data varint longer than 5 bytes");
    }

    private int Signed()
    {
        uint value = Unsigned();
        return (int)(value >> 1) ^ -(int)(value & 1);
    }

    // A C string: its length with the terminating 0, the bytes, the 0.
    private string Text()
    {
        int length = checked((int)Unsigned());
        if (length < 1) throw new FormatException("raw data string without its terminating 0");
        var bytes = Take(length);
        return Encoding.UTF8.GetString(bytes[..^1]);
    }
}
