using System.Text;

namespace Taos.Server.Endpoints.Tmq;

/// <summary>What Go's <c>encoding/json</c> does to a <c>json.RawMessage</c> taosAdapter embeds in a reply.</summary>
internal static class GoJson
{
    /// <summary>Escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, U+2028 and U+2029 as <c>\u00XX</c>/<c>\u20XX</c>, as Go's encoder does by default.</summary>
    public static string EscapeHtml(string json)
    {
        if (json.AsSpan().IndexOfAny("<>&\u2028\u2029") < 0) return json;
        var text = new StringBuilder(json.Length + 16);
        foreach (char c in json)
        {
            switch (c)
            {
                case '<': text.Append("\\u003c"); break;
                case '>': text.Append("\\u003e"); break;
                case '&': text.Append("\\u0026"); break;
                case '\u2028': text.Append("\\u2028"); break;
                case '\u2029': text.Append("\\u2029"); break;
                default: text.Append(c); break;
            }
        }
        return text.ToString();
    }
}
