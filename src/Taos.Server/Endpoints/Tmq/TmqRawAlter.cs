using Taos.Server.Engine.Topics;

namespace Taos.Server.Endpoints.Tmq;

/// <summary>
/// The ALTER parts of raw meta: <c>tEncodeSVAlterTbReq</c> (a normal table's column or a child table's tag value)
/// and <c>tSerializeSMAlterStbReq</c> (the ALTER STABLE an ALTER_STB request carries as <c>alterOriData</c>: the
/// full name, the alter type, the fields it names, TTL, comment and SQL).
/// </summary>
internal static class TmqRawAlter
{
    /// <summary>An SVAlterTbReq.</summary>
    public static void Table(TmqEncoder encoder, MetaEvent e)
    {
        encoder.Start().CString(e.Table).I8(e.AlterType).I32(0);
        switch (e.AlterType)
        {
            case MetaJson.AddColumn:
                encoder.CString(e.ColumnName!).I8((int)e.Column!.Type).I8(1).Signed(TmqRawSchema.Bytes(e.Column));
                break;
            case MetaJson.DropColumn:
                encoder.CString(e.ColumnName!);
                break;
            case MetaJson.UpdateColumnBytes:
                encoder.CString(e.ColumnName!).I8((int)e.Column!.Type).Signed(TmqRawSchema.Bytes(e.Column));
                break;
            case MetaJson.UpdateColumnName:
                encoder.CString(e.ColumnName!).CString(e.NewName!);
                break;
            default:
                var type = e.Column!.Type;
                encoder.CString(e.ColumnName!).I8(e.TagValue is null ? 1 : 0).I8((int)type);
                if (e.TagValue is { } value)
                {
                    encoder.Binary(type == TaosDataType.Json ? TmqRawTag.Encode([e.Column], [value], 1) : TmqRawTag.Value(value, type));
                }
                break;
        }
        encoder.I64(0).I8(0).End();
    }

    /// <summary>The SMAlterStbReq of an ALTER STABLE event.</summary>
    public static byte[] Stable(MetaEvent e)
    {
        var encoder = new TmqEncoder().Start().CString("1." + e.Database + "." + e.Table).I8(e.AlterType);
        var fields = new List<(int Type, int Bytes, string Name)>();
        switch (e.AlterType)
        {
            case MetaJson.UpdateTagName or MetaJson.UpdateColumnName:
                fields.Add((0, 0, e.ColumnName!));
                fields.Add((0, 0, e.NewName!));
                break;
            case MetaJson.DropTag or MetaJson.DropColumn:
                fields.Add((0, 0, e.ColumnName!));
                break;
            default:
                fields.Add(((int)e.Column!.Type, TmqRawSchema.Bytes(e.Column), e.ColumnName!));
                break;
        }
        encoder.I32(fields.Count);
        foreach (var (type, bytes, name) in fields) encoder.I8(type).I32(bytes).CString(name);
        return encoder.I32(0).I32(-1).I32(0).End().ToArray();
    }
}
