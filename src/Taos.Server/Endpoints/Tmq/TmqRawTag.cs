using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Taos.Protocol;
using Taos.Server.Engine.Topics;

namespace Taos.Server.Endpoints.Tmq;

/// <summary>
/// Tag values in TDengine's binary forms: a child table's <c>STag</c> (tTagNew: flags, length, count, version, one
/// offset per value, then per value its column id (i16v) or JSON key, its type and its bytes; NULL tags left out,
/// JSON tags keyed and sorted by key) and the bare value bytes of <c>ALTER TABLE … SET TAG</c>. Values are the
/// canonical text of <see cref="MetaValueText"/>; NCHAR is UCS-4, as TDengine keeps tags.
/// </summary>
internal static class TmqRawTag
{
    private const int JsonFlag = 0x40;
    private const int LargeFlag = 0x20;
    private const int HeaderSize = 9;

    /// <summary>The STag of a child table's tag values (tags numbered from <paramref name="firstId"/>).</summary>
    public static byte[] Encode(IReadOnlyList<MetaColumn> tags, IReadOnlyList<string?> values, int firstId)
    {
        var parts = new List<byte[]>();
        bool json = tags.Count == 1 && tags[0].Type == TaosDataType.Json;
        if (json && values.Count > 0 && values[0] is { } document)
        {
            using var parsed = JsonDocument.Parse(document);
            foreach (var property in parsed.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                parts.Add(JsonValue(property.Name, property.Value));
        }
        for (int i = 0; !json && i < tags.Count && i < values.Count; i++)
        {
            if (values[i] is not { } text) continue;
            var value = new TmqEncoder().Signed(firstId + i).I8((int)tags[i].Type);
            byte[] bytes = Value(text, tags[i].Type);
            if (TaosTypes.IsVariableLength(tags[i].Type)) value.Binary(bytes);
            else value.Raw(bytes);
            parts.Add(value.ToArray());
        }
        int size = parts.Sum(p => p.Length);
        bool large = size > sbyte.MaxValue;
        var tag = new TmqEncoder().I8((json ? JsonFlag : 0) | (large ? LargeFlag : 0));
        int total = HeaderSize + (parts.Count * (large ? 2 : 1)) + size;
        tag.Raw(BitConverter.GetBytes((short)total)).Raw(BitConverter.GetBytes((short)parts.Count)).I32(1);
        int offset = 0;
        foreach (var part in parts)
        {
            if (large) tag.Raw(BitConverter.GetBytes((short)offset));
            else tag.I8(offset);
            offset += part.Length;
        }
        foreach (var part in parts) tag.Raw(part);
        return tag.ToArray();
    }

    /// <summary>The non-NULL values of an STag in order: JSON as one JSON text, else (type, canonical text) per value.</summary>
    public static List<(TaosDataType Type, string Text)> Decode(ReadOnlySpan<byte> stag)
    {
        if (stag.Length < HeaderSize) throw new FormatException("raw meta tag shorter than its header");
        int flags = stag[0];
        int count = BinaryPrimitives.ReadInt16LittleEndian(stag[3..]);
        bool large = (flags & LargeFlag) != 0;
        int dataStart = HeaderSize + (count * (large ? 2 : 1));
        if (count < 0 || dataStart > stag.Length) throw new FormatException("raw meta tag of a bad value count");
        var decoder = new TmqDecoder(stag[dataStart..]);
        var values = new List<(TaosDataType, string)>(count);
        var json = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string? key = (flags & JsonFlag) != 0 ? decoder.CString() : null;
            if (key is null) decoder.Signed();
            var type = (TaosDataType)decoder.U8();
            if (!Enum.IsDefined(type)) throw new FormatException($"raw meta tag of unknown type {(int)type}");
            if (key is not null)
            {
                json[key] = JsonMember(ref decoder, type);
                continue;
            }
            var bytes = TaosTypes.IsVariableLength(type) ? decoder.Binary() : decoder.Take(TaosTypes.FixedSize(type) ?? throw new FormatException($"raw meta tag of type {type}"));
            values.Add((type, Text(bytes, type)));
        }
        if ((flags & JsonFlag) != 0) values.Add((TaosDataType.Json, JsonSerializer.Serialize(json)));
        return values;
    }

    /// <summary>The bytes of one value (fixed types little-endian; VARCHAR UTF-8; NCHAR UCS-4).</summary>
    public static byte[] Value(string text, TaosDataType type)
    {
        object value = MetaValueText.Parse(text, type)!;
        return value switch
        {
            bool b => [(byte)(b ? 1 : 0)],
            sbyte v => [(byte)v],
            byte v => [v],
            short v => BitConverter.GetBytes(v),
            ushort v => BitConverter.GetBytes(v),
            int v => BitConverter.GetBytes(v),
            uint v => BitConverter.GetBytes(v),
            long v => BitConverter.GetBytes(v),
            ulong v => BitConverter.GetBytes(v),
            float v => BitConverter.GetBytes(v),
            double v => BitConverter.GetBytes(v),
            byte[] v => v,
            _ when type == TaosDataType.NChar => Encoding.UTF32.GetBytes(text),
            _ => Encoding.UTF8.GetBytes(text),
        };
    }

    /// <summary>The canonical text of one value's bytes.</summary>
    public static string Text(ReadOnlySpan<byte> bytes, TaosDataType type)
    {
        var invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            TaosDataType.Bool => bytes[0] != 0 ? "true" : "false",
            TaosDataType.TinyInt => ((sbyte)bytes[0]).ToString(invariant),
            TaosDataType.UTinyInt => bytes[0].ToString(invariant),
            TaosDataType.SmallInt => BinaryPrimitives.ReadInt16LittleEndian(bytes).ToString(invariant),
            TaosDataType.USmallInt => BinaryPrimitives.ReadUInt16LittleEndian(bytes).ToString(invariant),
            TaosDataType.Int => BinaryPrimitives.ReadInt32LittleEndian(bytes).ToString(invariant),
            TaosDataType.UInt => BinaryPrimitives.ReadUInt32LittleEndian(bytes).ToString(invariant),
            TaosDataType.BigInt or TaosDataType.Timestamp => BinaryPrimitives.ReadInt64LittleEndian(bytes).ToString(invariant),
            TaosDataType.UBigInt => BinaryPrimitives.ReadUInt64LittleEndian(bytes).ToString(invariant),
            TaosDataType.Float => BinaryPrimitives.ReadSingleLittleEndian(bytes).ToString("R", invariant),
            TaosDataType.Double => BinaryPrimitives.ReadDoubleLittleEndian(bytes).ToString("R", invariant),
            TaosDataType.NChar => Encoding.UTF32.GetString(bytes),
            TaosDataType.VarBinary or TaosDataType.Geometry => Convert.ToHexString(bytes),
            _ => Encoding.UTF8.GetString(bytes),
        };
    }

    private static byte[] JsonValue(string key, JsonElement value)
    {
        var part = new TmqEncoder().CString(key);
        return value.ValueKind switch
        {
            JsonValueKind.String => part.I8((int)TaosDataType.NChar).Binary(Encoding.UTF32.GetBytes(value.GetString()!)).ToArray(),
            JsonValueKind.Number => part.I8((int)TaosDataType.Double).Raw(BitConverter.GetBytes(value.GetDouble())).ToArray(),
            JsonValueKind.True or JsonValueKind.False => part.I8((int)TaosDataType.Bool).I8(value.GetBoolean() ? 1 : 0).ToArray(),
            _ => part.I8((int)TaosDataType.Null).ToArray(),
        };
    }

    private static object? JsonMember(ref TmqDecoder decoder, TaosDataType type) => type switch
    {
        TaosDataType.NChar => Encoding.UTF32.GetString(decoder.Binary()),
        TaosDataType.Double => BinaryPrimitives.ReadDoubleLittleEndian(decoder.Take(8)),
        TaosDataType.Bool => decoder.U8() != 0,
        TaosDataType.Null => null,
        _ => throw new FormatException($"raw meta JSON tag value of type {type}"),
    };
}
