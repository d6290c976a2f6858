using System.Buffers;
using System.Globalization;
using System.Text;

namespace Taos.Transport.WebSocket;

/// <summary>
/// The schemaless <c>insert</c> frame, written straight from the request's lines: their UTF-8, JSON-escaped, goes into
/// one buffer of the frame's exact size, with the <c>\n</c> between lines (no joined text, no serializer, no re-encoding).
/// Escapes what JSON requires (<c>"</c>, <c>\</c>, control characters) and nothing else.
/// </summary>
internal static class WsInsertFrame
{
    // What JSON requires escaped: quotes, backslashes, control characters. (A lone surrogate becomes U+FFFD in the
    // UTF-8, as Utf8JsonWriter wrote it.)
    private static readonly SearchValues<char> Special = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(c => (char)c), '"', '\\']);

    /// <summary><c>{"action":"insert","args":{"req_id":…,"protocol":…,"precision":…,"ttl":…,"data":…}}</c>.</summary>
    public static byte[] Build(ulong requestId, SchemalessRequest request)
    {
        string head = string.Create(CultureInfo.InvariantCulture,
            $"{{\"action\":\"insert\",\"args\":{{\"req_id\":{requestId},\"protocol\":{(int)request.Protocol},\"precision\":\"{request.PrecisionText}\",\"ttl\":{request.Ttl},\"data\":\"");
        var lines = request.Lines;
        int length = head.Length + 3 + 2 * Math.Max(lines.Count - 1, 0);
        foreach (string? line in lines) length += EscapedLength(line);
        var frame = new byte[length];
        int at = Encoding.ASCII.GetBytes(head, frame);
        for (int i = 0; i < lines.Count; i++)
        {
            if (i > 0) frame[at++] = (byte)'\\';
            if (i > 0) frame[at++] = (byte)'n';
            at = WriteEscaped(lines[i], frame, at);
        }
        "\"}}"u8.CopyTo(frame.AsSpan(at));
        return frame;
    }

    /// <summary>The UTF-8 length of <paramref name="line"/> once escaped.</summary>
    private static int EscapedLength(string? line)
    {
        if (string.IsNullOrEmpty(line)) return 0;
        int length = Encoding.UTF8.GetByteCount(line);
        var rest = line.AsSpan();
        for (int i = rest.IndexOfAny(Special); i >= 0; i = rest.IndexOfAny(Special))
        {
            length += Escape(rest[i]).Length - 1;
            rest = rest[(i + 1)..];
        }
        return length;
    }

    private static int WriteEscaped(string? line, byte[] frame, int at)
    {
        var rest = (line ?? "").AsSpan();
        for (int i = rest.IndexOfAny(Special); i >= 0; i = rest.IndexOfAny(Special))
        {
            at += Encoding.UTF8.GetBytes(rest[..i], frame.AsSpan(at));
            at += Encoding.ASCII.GetBytes(Escape(rest[i]), frame.AsSpan(at));
            rest = rest[(i + 1)..];
        }
        return at + Encoding.UTF8.GetBytes(rest, frame.AsSpan(at));
    }

    /// <summary>The JSON escape of one special character.</summary>
    private static string Escape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\b' => "\\b",
        '\f' => "\\f",
        _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
    };
}
