using Taos.Server.Engine.Topics;

namespace Taos.Server.Endpoints.Tmq;

/// <summary>
/// Decodes the vnode requests of raw meta (after the message head; see <see cref="TmqRawMeta"/>) into the events
/// <see cref="MetaApplier"/> applies: names, schemas, tag values (named and typed as the STag holds them), ALTERs,
/// dropped names and delete ranges. The database of every event is left empty: write_raw applies to the current one.
/// </summary>
internal static class TmqRawMetaReader
{
    /// <summary>The events of one request of <paramref name="kind"/>.</summary>
    public static MetaBatch Read(MetaKind kind, ref TmqDecoder decoder) => kind switch
    {
        MetaKind.CreateStable or MetaKind.AlterStable => new MetaBatch(kind, [Stable(kind, ref decoder)]),
        MetaKind.CreateTable => new MetaBatch(kind, Batch(ref decoder, CreateTable)),
        MetaKind.AlterTable => new MetaBatch(kind, [AlterTable(ref decoder)]),
        MetaKind.DropTable => new MetaBatch(kind, Batch(ref decoder, DropTable)),
        MetaKind.DropStable => new MetaBatch(kind, [DropStable(ref decoder)]),
        MetaKind.Delete => new MetaBatch(kind, [Delete(ref decoder)]),
        _ => throw new FormatException($"unknown raw meta type {(int)kind}"),
    };

    /// <summary>One SVCreateTbReq, as a data-and-meta message carries it.</summary>
    public static MetaEvent ReadCreateTable(ReadOnlySpan<byte> request)
    {
        var decoder = new TmqDecoder(request);
        return CreateTable(ref decoder);
    }

    private delegate MetaEvent ItemReader(ref TmqDecoder decoder);

    private static List<MetaEvent> Batch(ref TmqDecoder decoder, ItemReader item)
    {
        int end = decoder.Start();
        int count = decoder.Count();
        var events = new List<MetaEvent>(count);
        for (int i = 0; i < count; i++) events.Add(item(ref decoder));
        decoder.End(end);
        return events;
    }

    private static MetaEvent Stable(MetaKind kind, ref TmqDecoder decoder)
    {
        int end = decoder.Start();
        string name = decoder.CString();
        decoder.I64();
        if (decoder.I8() != 0) throw new FormatException("raw meta of a rollup super table");
        var e = new MetaEvent(kind, "", name)
        {
            SuperTable = name,
            Columns = TmqRawSchema.Read(ref decoder),
            Tags = TmqRawSchema.Read(ref decoder),
        };
        if (decoder.I32() > 0) e = Altered(e, decoder.Binary());
        decoder.End(end);
        return e;
    }

    /// <summary>The ALTER of an SMAlterStbReq: its type and the first (old) and second (new) field names.</summary>
    private static MetaEvent Altered(MetaEvent e, ReadOnlySpan<byte> original)
    {
        var decoder = new TmqDecoder(original);
        int end = decoder.Start();
        decoder.CString();
        int alterType = decoder.I8();
        int fields = decoder.I32();
        if (fields < 1 || fields > 2) throw new FormatException($"raw meta ALTER STABLE of {fields} fields");
        var names = new string[fields];
        for (int i = 0; i < fields; i++)
        {
            decoder.I8();
            decoder.I32();
            names[i] = decoder.CString();
        }
        decoder.End(end);
        return e with { AlterType = alterType, ColumnName = names[0], NewName = fields > 1 ? names[1] : null };
    }

    private static MetaEvent CreateTable(ref TmqDecoder decoder)
    {
        int end = decoder.Start();
        decoder.Signed();
        string name = decoder.CString();
        decoder.Take(8 + 8 + 4);
        int type = decoder.I8();
        if (decoder.I32() > 0) decoder.CString();
        MetaEvent e;
        if (type == TmqRawMeta.NormalTable)
        {
            e = new MetaEvent(MetaKind.CreateTable, "", name) { Normal = true, Columns = TmqRawSchema.Read(ref decoder) };
        }
        else if (type == TmqRawMeta.ChildTable)
        {
            string super = decoder.CString();
            decoder.U8();
            decoder.I64();
            var values = TmqRawTag.Decode(decoder.Binary());
            int named = decoder.I32();
            if (named != values.Count) throw new FormatException($"raw meta child table with {values.Count} tag values and {named} tag names");
            var tags = new List<MetaColumn>(named);
            for (int i = 0; i < named; i++) tags.Add(new MetaColumn(decoder.CString(), values[i].Type, 0));
            e = new MetaEvent(MetaKind.CreateTable, "", name) { SuperTable = super, Tags = tags, TagValues = values.Select(v => (string?)v.Text).ToList() };
        }
        else
        {
            throw new FormatException($"raw meta create of table type {type}");
        }
        decoder.End(end);
        return e;
    }

    private static MetaEvent AlterTable(ref TmqDecoder decoder)
    {
        int end = decoder.Start();
        var e = new MetaEvent(MetaKind.AlterTable, "", decoder.CString()) { AlterType = decoder.I8() };
        decoder.I32();
        switch (e.AlterType)
        {
            case MetaJson.AddColumn:
                string added = decoder.CString();
                var type = (TaosDataType)decoder.U8();
                decoder.I8();
                e = e with { ColumnName = added, Column = new MetaColumn(added, type, TmqRawSchema.Length(type, checked((int)decoder.Signed()))) };
                break;
            case MetaJson.DropColumn:
                e = e with { ColumnName = decoder.CString() };
                break;
            case MetaJson.UpdateColumnBytes:
                string widened = decoder.CString();
                var widenedType = (TaosDataType)decoder.U8();
                e = e with { ColumnName = widened, Column = new MetaColumn(widened, widenedType, TmqRawSchema.Length(widenedType, checked((int)decoder.Signed()))) };
                break;
            case MetaJson.UpdateColumnName:
                e = e with { ColumnName = decoder.CString(), NewName = decoder.CString() };
                break;
            case MetaJson.UpdateTagValue:
                string tag = decoder.CString();
                bool isNull = decoder.I8() != 0;
                var tagType = (TaosDataType)decoder.U8();
                string? value = isNull ? null
                    : tagType == TaosDataType.Json ? TmqRawTag.Decode(decoder.Binary())[0].Text : TmqRawTag.Text(decoder.Binary(), tagType);
                e = e with { ColumnName = tag, Column = new MetaColumn(tag, tagType, 0), TagValue = value };
                break;
            default:
                throw new FormatException($"raw meta ALTER TABLE of type {e.AlterType}");
        }
        decoder.End(end);
        return e;
    }

    private static MetaEvent DropTable(ref TmqDecoder decoder)
    {
        int end = decoder.Start();
        var e = new MetaEvent(MetaKind.DropTable, "", decoder.CString());
        decoder.End(end);
        return e;
    }

    private static MetaEvent DropStable(ref TmqDecoder decoder)
    {
        int end = decoder.Start();
        var e = new MetaEvent(MetaKind.DropStable, "", decoder.CString());
        decoder.End(end);
        return e;
    }

    private static MetaEvent Delete(ref TmqDecoder decoder)
    {
        decoder.I64();
        int uids = decoder.Count();
        decoder.Take(checked(uids * 8));
        long start = decoder.I64();
        long endKey = decoder.I64();
        decoder.Signed();
        return new MetaEvent(MetaKind.Delete, "", decoder.CString()) { StartKey = start, EndKey = endKey, TimestampColumn = decoder.CString() };
    }
}
