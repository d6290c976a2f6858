using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Storage.Sqlite;

/// <summary>The JSON forms in which the catalog tables store options, schemas and tag values.</summary>
internal static class CatalogCodec
{
    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            write(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string WriteOptions(IReadOnlyDictionary<string, string> options) => Write(w =>
    {
        w.WriteStartObject();
        foreach (var (key, value) in options) w.WriteString(key, value);
        w.WriteEndObject();
    });

    public static IReadOnlyDictionary<string, string> ReadOptions(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject()) result[p.Name] = p.Value.GetString() ?? "";
        return result;
    }

    public static string WriteColumns(IReadOnlyList<ColumnInfo> columns) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var c in columns)
        {
            w.WriteStartObject();
            w.WriteString("n", c.Name);
            w.WriteNumber("t", (int)c.Type);
            w.WriteNumber("l", c.Length);
            if (c.Encode is not null) w.WriteString("e", c.Encode);
            if (c.Compress is not null) w.WriteString("c", c.Compress);
            if (c.Level is not null) w.WriteString("v", c.Level);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static IReadOnlyList<ColumnInfo> ReadColumns(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = new List<ColumnInfo>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            result.Add(new ColumnInfo(e.GetProperty("n").GetString()!, (TaosDataType)e.GetProperty("t").GetInt32(), e.GetProperty("l").GetInt32())
            {
                Encode = e.TryGetProperty("e", out var enc) ? enc.GetString() : null,
                Compress = e.TryGetProperty("c", out var comp) ? comp.GetString() : null,
                Level = e.TryGetProperty("v", out var level) ? level.GetString() : null,
            });
        }
        return result;
    }

    /// <summary>Tag values as a JSON array of strings (exact text for numbers, hex for bytes) or nulls.</summary>
    public static string WriteTagValues(IReadOnlyList<object?> values) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var v in values)
        {
            switch (v)
            {
                case null: w.WriteNullValue(); break;
                case string s: w.WriteStringValue(s); break;
                case byte[] bytes: w.WriteStringValue(Convert.ToHexString(bytes)); break;
                case bool b: w.WriteStringValue(b ? "1" : "0"); break;
                case float f: w.WriteStringValue(f.ToString("R", CultureInfo.InvariantCulture)); break;
                case double d: w.WriteStringValue(d.ToString("R", CultureInfo.InvariantCulture)); break;
                case IFormattable n: w.WriteStringValue(n.ToString(null, CultureInfo.InvariantCulture)); break;
                default: throw new ArgumentException("unsupported tag value " + v.GetType());
            }
        }
        w.WriteEndArray();
    });

    public static IReadOnlyList<object?> ReadTagValues(string json, IReadOnlyList<ColumnInfo> tags)
    {
        using var doc = JsonDocument.Parse(json);
        var result = new object?[tags.Count];
        int i = 0;
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            if (i >= tags.Count) break;
            result[i] = e.ValueKind == JsonValueKind.Null ? null : Parse(e.GetString()!, tags[i].Type);
            i++;
        }
        return result;
    }

    private static object Parse(string s, TaosDataType type)
    {
        var inv = CultureInfo.InvariantCulture;
        return type switch
        {
            TaosDataType.Bool => s == "1",
            TaosDataType.TinyInt => sbyte.Parse(s, inv),
            TaosDataType.SmallInt => short.Parse(s, inv),
            TaosDataType.Int => int.Parse(s, inv),
            TaosDataType.BigInt or TaosDataType.Timestamp => long.Parse(s, inv),
            TaosDataType.UTinyInt => byte.Parse(s, inv),
            TaosDataType.USmallInt => ushort.Parse(s, inv),
            TaosDataType.UInt => uint.Parse(s, inv),
            TaosDataType.UBigInt => ulong.Parse(s, inv),
            TaosDataType.Float => float.Parse(s, inv),
            TaosDataType.Double => double.Parse(s, inv),
            TaosDataType.VarBinary or TaosDataType.Geometry => Convert.FromHexString(s),
            _ => s,
        };
    }
}
