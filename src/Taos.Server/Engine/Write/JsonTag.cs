using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Taos.Server.Engine.Write;

/// <summary>
/// TDengine's JSON tag: a flat object whose values are strings, numbers, booleans or null. Stored and shown with
/// the keys sorted by byte value, the first of duplicate keys winning, numbers as doubles (cJSON's printing).
/// </summary>
internal static class JsonTag
{
    /// <summary>
    /// Normalizes <paramref name="text"/>; null result = NULL tag (empty text or <c>null</c>). On failure returns
    /// false with the reason and the text TDengine quotes in its 534 message.
    /// </summary>
    public static bool TryNormalize(string text, out string? normalized, out string? reason, out string? quoted)
    {
        normalized = null;
        reason = null;
        quoted = null;
        string trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Equals("null", StringComparison.OrdinalIgnoreCase)) return true;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(trimmed, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 64 });
        }
        catch (JsonException)
        {
            (reason, quoted) = ("json parse error", trimmed);
            return false;
        }
        using (doc)
        {
            var failure = doc.RootElement.ValueKind != JsonValueKind.Object
                ? ("json error invalide value", trimmed)
                : Collect(doc.RootElement, trimmed, out var entries) ?? Write(entries, trimmed, out normalized);
            if (failure is not { } f) return true;
            normalized = null;
            (reason, quoted) = f;
            return false;
        }
    }

    /// <summary>The object's entries by key bytes, the first of duplicate keys winning; or why TDengine refuses it.</summary>
    private static (string Reason, string Quoted)? Collect(JsonElement root, string trimmed,
        out SortedDictionary<byte[], (string Key, JsonElement Value)> entries)
    {
        entries = new SortedDictionary<byte[], (string Key, JsonElement Value)>(ByteComparer.Instance);
        foreach (var property in root.EnumerateObject())
        {
            string key = property.Name;
            foreach (char ch in key)
            {
                if (ch < 0x20 || ch > 0x7E) return ("json key not validate", key);
            }
            if (key.Length > 256) return ("json key too long, more than 256", key);
            if (key.Length == 0) continue;
            var bytes = Encoding.UTF8.GetBytes(key);
            if (entries.ContainsKey(bytes)) continue;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null:
                    entries[bytes] = (key, property.Value);
                    break;
                default:
                    return ("invalid json value", trimmed);
            }
        }
        return null;
    }

    /// <summary>The entries as normalized JSON text; or why TDengine refuses a value.</summary>
    private static (string Reason, string Quoted)? Write(SortedDictionary<byte[], (string Key, JsonElement Value)> entries, string trimmed,
        out string? normalized)
    {
        normalized = null;
        var sb = new StringBuilder("{");
        bool first = true;
        foreach (var (key, value) in entries.Values)
        {
            if (!first) sb.Append(',');
            first = false;
            AppendString(sb, key);
            sb.Append(':');
            switch (value.ValueKind)
            {
                case JsonValueKind.String: AppendString(sb, value.GetString()!); break;
                case JsonValueKind.Number:
                    if (!value.TryGetDouble(out double d) || !double.IsFinite(d)) return ("json value not validate", trimmed);
                    sb.Append(FormatNumber(d));
                    break;
                case JsonValueKind.True: sb.Append("true"); break;
                case JsonValueKind.False: sb.Append("false"); break;
                default: sb.Append("null"); break;
            }
        }
        sb.Append('}');
        normalized = sb.ToString();
        return null;
    }

    /// <summary>A double as cJSON prints it: integral values in int range as integers, else %.15g or %.17g.</summary>
    public static string FormatNumber(double d)
    {
        if (d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue) return ((long)d).ToString(CultureInfo.InvariantCulture);
        string s = d.ToString("G15", CultureInfo.InvariantCulture);
        if (double.Parse(s, CultureInfo.InvariantCulture) != d) s = d.ToString("G17", CultureInfo.InvariantCulture);
        return s.Replace("E", "e", StringComparison.Ordinal);
    }

    private static void AppendString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    private sealed class ByteComparer : IComparer<byte[]>
    {
        public static readonly ByteComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
