using System.Buffers.Binary;
using System.Text;
using Taos.Protocol.RawBlock;
using Taos.Server.Engine.Topics;

namespace Taos.Server.Endpoints.Tmq;

/// <summary>
/// TDengine's raw form of a data message (<c>tmq_get_raw</c>, what <c>write_raw</c> takes), as <c>fetch_raw</c>
/// sends it: version 100, the length of the two offsets, then the encoded data response — request and response
/// offsets (log offsets: type 0x11, version), the block count, <c>withTbName</c>, <c>withSchema</c> (1), per block
/// its bytes (an 18-byte header: version 1, the row count big-endian at 8, compressed 0, precision; then the
/// version-2 raw block), its schema and, with table names, its table's name; last the sleep time (0). Integers
/// marked "v" are TDengine's varints (LEB128; signed ones zigzag-encoded). A data-and-meta message (STaosxRsp) ends
/// instead with the count of the child tables its rows created (i32) and each one's SVCreateTbReq as a binary.
/// </summary>
internal static class TmqRawMessage
{
    /// <summary>What <c>tmq_get_raw</c> reports as the type of a data message (RES_TYPE__TMQ).</summary>
    public const ushort DataType = 2;

    /// <summary>What <c>tmq_get_raw</c> reports as the type of a data-and-meta message (RES_TYPE__TMQ_METADATA).</summary>
    public const ushort MetadataType = 4;

    /// <summary>The raw type <c>fetch_raw</c> reports: the vnode message type of a table-meta message, else 2 or 4.</summary>
    public static ushort RawType(TopicMessage message) =>
        message.Meta is { } meta ? (ushort)meta.Kind : message.AutoCreated.Count > 0 ? MetadataType : DataType;

    /// <summary>The raw bytes of <paramref name="message"/> of any type (<see cref="TmqRawMeta"/> for table meta).</summary>
    public static byte[] EncodeAny(TopicMessage message) => message.Meta is { } meta ? TmqRawMeta.Encode(meta, message.Vgroup) : Encode(message);

    private const byte DataResponseVersion = 100;
    private const byte LogOffset = 0x11;
    private const int OffsetSize = 9;
    private const int BlockHeaderSize = 18;

    /// <summary>The raw bytes of <paramref name="message"/>.</summary>
    public static byte[] Encode(TopicMessage message)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(DataResponseVersion);
        writer.Write(2 * OffsetSize);
        writer.Write(LogOffset);
        writer.Write(message.Offset);
        writer.Write(LogOffset);
        writer.Write(message.End);
        writer.Write(message.Blocks.Count);
        bool withTableName = message.Topic.Kind != TopicKind.Column;
        if (message.Blocks.Count > 0)
        {
            writer.Write((byte)(withTableName ? 1 : 0));
            writer.Write((byte)1);
            foreach (var block in message.Blocks) WriteBlock(writer, block, withTableName);
        }
        if (message.AutoCreated.Count == 0)
        {
            writer.Write(0L);
        }
        else
        {
            writer.Write(message.AutoCreated.Count);
            foreach (var created in message.AutoCreated)
            {
                var request = new TmqEncoder();
                TmqRawMeta.CreateTable(request, created);
                byte[] bytes = request.ToArray();
                WriteUnsigned(writer, (uint)bytes.Length);
                writer.Write(bytes);
            }
        }
        writer.Flush();
        return stream.ToArray();
    }

    private static void WriteBlock(BinaryWriter writer, TopicBlock block, bool withTableName)
    {
        var columns = block.Columns.Select(c => RawBlockColumn.FromDeclared(c.Type, c.Length)).ToArray();
        byte[] raw = RawBlockWriter.Write(columns, block.Rows);
        BinaryPrimitives.WriteInt32LittleEndian(raw, 2);
        var header = new byte[BlockHeaderSize];
        header[0] = 1;
        BinaryPrimitives.WriteInt64BigEndian(header.AsSpan(8), block.Rows.Count);
        header[17] = (byte)block.Precision;
        WriteUnsigned(writer, (uint)(header.Length + raw.Length));
        writer.Write(header);
        writer.Write(raw);
        WriteSigned(writer, columns.Length);
        WriteSigned(writer, 0);
        for (int i = 0; i < columns.Length; i++)
        {
            writer.Write((byte)columns[i].Type);
            writer.Write((byte)0);
            WriteSigned(writer, columns[i].Bytes);
            WriteSigned(writer, i + 1);
            WriteString(writer, block.Columns[i].Name);
        }
        if (withTableName) WriteString(writer, block.Table);
    }

    /// <summary>A C string as TDengine encodes it: its length with the terminating 0, the bytes, the 0.</summary>
    private static void WriteString(BinaryWriter writer, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        WriteUnsigned(writer, (uint)bytes.Length + 1);
        writer.Write(bytes);
        writer.Write((byte)0);
    }

    private static void WriteSigned(BinaryWriter writer, int value) => WriteUnsigned(writer, (uint)((value << 1) ^ (value >> 31)));

    private static void WriteUnsigned(BinaryWriter writer, uint value)
    {
        while (value >= 0x80)
        {
            writer.Write((byte)(value | 0x80));
            value >>= 7;
        }
        writer.Write((byte)value);
    }
}
