using System.Text;
using System.Text.Json;

namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// OpenTSDB JSON put bodies as TDengine 3.3's clientSml reads them: one object or an array of objects with
/// <c>metric</c>, <c>timestamp</c> (a number, or <c>{"value":n,"type":"s|ms|us|ns"}</c>), <c>value</c> and
/// <c>tags</c>. Numbers are DOUBLE, booleans BOOL, strings VARCHAR (NCHAR as tags) unless a <c>type</c> says otherwise.
/// </summary>
internal static class OpenTsdbJsonParser
{
    /// <summary>The points of the UTF-8 JSON <paramref name="data"/> (one object or an array of them).</summary>
    public static List<SmlPoint> Parse(ReadOnlyMemory<byte> data, SmlTimeUnit unit)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(data);
        }
        catch (JsonException)
        {
            throw SmlErrors.InvalidFormat();
        }
        using (doc)
        {
            var root = doc.RootElement;
            var points = new List<SmlPoint>();
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in root.EnumerateArray()) points.Add(Point(e, unit));
            }
            else
            {
                points.Add(Point(root, unit));
            }
            return points;
        }
    }

    private static SmlPoint Point(JsonElement e, SmlTimeUnit unit)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("metric", out var metric) || metric.ValueKind != JsonValueKind.String
            || !e.TryGetProperty("timestamp", out var ts) || !e.TryGetProperty("value", out var value)
            || !e.TryGetProperty("tags", out var tags) || tags.ValueKind != JsonValueKind.Object)
            throw SmlErrors.InvalidFormat();
        var tagList = new List<SmlKv>();
        foreach (var tag in tags.EnumerateObject()) tagList.Add(Value(tag.Name, tag.Value, isTag: true));
        return new SmlPoint(metric.GetString()!, tagList, [Value(OpenTsdbTime.ValueColumn, value, isTag: false)], Timestamp(ts, unit));
    }

    private static SmlTimestamp Timestamp(JsonElement ts, SmlTimeUnit unit)
    {
        if (ts.ValueKind == JsonValueKind.Number && ts.TryGetInt64(out long plain)) return OpenTsdbTime.Of(plain, unit);
        if (ts.ValueKind == JsonValueKind.Object && ts.TryGetProperty("value", out var v) && v.TryGetInt64(out long value)
            && ts.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
        {
            var typed = type.GetString() switch
            {
                "s" => SmlTimeUnit.Seconds,
                "ms" => SmlTimeUnit.Milliseconds,
                "us" => SmlTimeUnit.Microseconds,
                "ns" => SmlTimeUnit.Nanoseconds,
                _ => throw SmlErrors.InvalidFormat(),
            };
            return OpenTsdbTime.Of(value, typed);
        }
        throw SmlErrors.InvalidFormat();
    }

    private static SmlKv Value(string key, JsonElement v, bool isTag)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Number:
                return new SmlKv(key, TaosDataType.Double, v.GetDouble(), 8);
            case JsonValueKind.True or JsonValueKind.False:
                return new SmlKv(key, TaosDataType.Bool, v.GetBoolean(), 1);
            case JsonValueKind.String:
            {
                string s = v.GetString()!;
                return new SmlKv(key, isTag ? TaosDataType.NChar : TaosDataType.VarChar, s, Encoding.UTF8.GetByteCount(s));
            }
            case JsonValueKind.Object when v.TryGetProperty("value", out var inner) && v.TryGetProperty("type", out var type):
                return Typed(key, inner, type.GetString() ?? "");
            default:
                throw SmlErrors.InvalidFormat();
        }
    }

    /// <summary><c>{"value": v, "type": "…"}</c>: the value in the type named (its text read as a line-protocol value with that suffix).</summary>
    private static SmlKv Typed(string key, JsonElement value, string type)
    {
        string text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        string? literal = type.ToLowerInvariant() switch
        {
            "bool" => text,
            "tinyint" => text + "i8",
            "smallint" => text + "i16",
            "int" => text + "i32",
            "bigint" => text + "i64",
            "float" => text + "f32",
            "double" => text + "f64",
            "binary" or "varchar" => "\"" + text + "\"",
            "nchar" => "L\"" + text + "\"",
            _ => null,
        };
        return (literal is null ? null : SmlValueParser.TryParse(key, Encoding.UTF8.GetBytes(literal))) ?? throw SmlErrors.InvalidFormat();
    }
}
