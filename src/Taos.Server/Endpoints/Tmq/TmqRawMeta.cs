using System.Buffers.Binary;
using Taos.Server.Engine.Topics;

namespace Taos.Server.Endpoints.Tmq;

/// <summary>
/// The raw form of a table-meta message (<c>fetch_raw</c> with <c>meta_type</c> = the <see cref="MetaKind"/>): the
/// vnode request TDengine logged, an <c>SMsgHead</c> (total length and vgroup id, big-endian) and the request
/// encoded as source/common/src/tmsg.c does — <c>tEncodeSVCreateStbReq</c> (also for ALTER STABLE, with the
/// <c>SMAlterStbReq</c> that made it), <c>tEncodeSVCreateTbBatchReq</c>, <c>tEncodeSVAlterTbReq</c>,
/// <c>tEncodeSVDropTbBatchReq</c>, <c>tEncodeSVDropStbReq</c> and <c>tEncodeDeleteRes</c>.
/// </summary>
internal static class TmqRawMeta
{
    /// <summary>TSDB_CHILD_TABLE and TSDB_NORMAL_TABLE.</summary>
    public const int ChildTable = 2, NormalTable = 3;

    /// <summary>TDengine's 0x0118 TSDB_CODE_INVALID_PARA.</summary>
    public const int InvalidParameters = 0x0118;

    private const int HeadSize = 8;

    /// <summary>The column id a child table's first tag gets (its super table's columns are not in the event; TDengine's write_raw renumbers tags by name).</summary>
    private const int FirstChildTagId = 2;

    /// <summary>The raw bytes of <paramref name="batch"/> as vgroup <paramref name="vgroup"/> logged it.</summary>
    public static byte[] Encode(MetaBatch batch, int vgroup)
    {
        var encoder = new TmqEncoder().Raw(new byte[HeadSize]);
        var e = batch.First;
        switch (batch.Kind)
        {
            case MetaKind.CreateStable or MetaKind.AlterStable:
                Stable(encoder, e);
                break;
            case MetaKind.CreateTable:
                encoder.Start().Signed(batch.Events.Count);
                foreach (var created in batch.Events) CreateTable(encoder, created);
                encoder.I8(0).End();
                break;
            case MetaKind.AlterTable:
                TmqRawAlter.Table(encoder, e);
                break;
            case MetaKind.DropTable:
                encoder.Start().Signed(batch.Events.Count);
                foreach (var dropped in batch.Events)
                {
                    long suid = dropped.SuperTable is { } s ? TmqRawSchema.Uid(dropped.Database, s) : 0;
                    encoder.Start().CString(dropped.Table).I64(suid).I8(0).End();
                }
                encoder.End();
                break;
            case MetaKind.DropStable:
                encoder.Start().CString(e.Table).I64(TmqRawSchema.Uid(e.Database, e.Table)).End();
                break;
            default:
                Delete(encoder, e);
                break;
        }
        byte[] bytes = encoder.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(bytes, bytes.Length);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), vgroup);
        return bytes;
    }

    /// <summary>One <c>SVCreateTbReq</c> (a child or normal table), what a data-and-meta message also carries.</summary>
    public static void CreateTable(TmqEncoder encoder, MetaEvent e)
    {
        encoder.Start().Signed(0).CString(e.Table).I64(TmqRawSchema.Uid(e.Database, e.Table)).I64(0).I32(0)
            .I8(e.Normal ? NormalTable : ChildTable).I32(-1);
        if (e.Normal)
        {
            TmqRawSchema.Write(encoder, e.Columns, 1, 1, tags: false);
            encoder.I32(0);
            TmqRawSchema.WriteCompression(encoder, e.Columns, 1);
        }
        else
        {
            string super = e.SuperTable ?? "";
            encoder.CString(super).I8(e.Tags.Count).I64(TmqRawSchema.Uid(e.Database, super))
                .Binary(TmqRawTag.Encode(e.Tags, e.TagValues, FirstChildTagId));
            var named = e.Tags.Where((_, i) => i < e.TagValues.Count && e.TagValues[i] is not null).ToList();
            encoder.I32(named.Count);
            foreach (var tag in named) encoder.CString(tag.Name);
            encoder.I32(0);
        }
        encoder.End();
    }

    /// <summary>Decodes raw meta bytes of <paramref name="kind"/> into what they create, alter or drop.</summary>
    /// <remarks>Malformed bytes and unknown types are TDengine's 0x0118 <c>Invalid parameters</c>, as <c>tmq_write_raw</c> answers them.</remarks>
    public static MetaBatch Decode(ushort kind, ReadOnlySpan<byte> bytes)
    {
        try
        {
            if (!Enum.IsDefined((MetaKind)kind)) throw new FormatException($"unknown raw meta type {kind}");
            if (bytes.Length < HeadSize) throw new FormatException("raw meta shorter than its message head");
            var decoder = new TmqDecoder(bytes[HeadSize..]);
            return TmqRawMetaReader.Read((MetaKind)kind, ref decoder);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new TaosServerException(InvalidParameters, "Invalid parameters");
        }
    }

    private static void Stable(TmqEncoder encoder, MetaEvent e)
    {
        bool alter = e.Kind == MetaKind.AlterStable;
        int version = alter ? 2 : 1;
        encoder.Start().CString(e.Table).I64(TmqRawSchema.Uid(e.Database, e.Table)).I8(0);
        TmqRawSchema.Write(encoder, e.Columns, 1, version, tags: false);
        TmqRawSchema.Write(encoder, e.Tags, e.Columns.Count + 1, version, tags: true);
        if (alter)
        {
            byte[] original = TmqRawAlter.Stable(e);
            encoder.I32(original.Length).Binary(original);
        }
        else
        {
            encoder.I32(0);
        }
        encoder.I8(0).I8(1);
        TmqRawSchema.WriteCompression(encoder, e.Columns, version);
        encoder.End();
    }

    private static void Delete(TmqEncoder encoder, MetaEvent e)
    {
        long suid = e.SuperTable is { } s ? TmqRawSchema.Uid(e.Database, s) : 0;
        encoder.I64(suid).Signed(1).I64(TmqRawSchema.Uid(e.Database, e.Table)).I64(e.StartKey).I64(e.EndKey).Signed(0)
            .CString(e.Table).CString(e.TimestampColumn ?? "ts").I64(0).I8(0);
    }
}
