using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Taos.Protocol.Rest;

/// <summary>
/// Writes JSON as UTF-8 straight into the response's buffer, with the two string escapings taosAdapter uses:
/// its streaming builder for result data and column names (only <c>"</c>, <c>\</c> and control characters are
/// escaped; everything else, including <c>&lt;</c> and U+2028, goes out raw), and Go's encoding/json for
/// <c>{"code","desc"}</c> answers (HTML characters and U+2028/U+2029 escaped as well).
/// </summary>
internal sealed class RestJsonWriter
{
    private static readonly byte[] Hex = "0123456789abcdef"u8.ToArray();
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly IBufferWriter<byte> _output;

    public RestJsonWriter(IBufferWriter<byte> output) => _output = output;

    /// <summary>Bytes written since the last <see cref="ResetPending"/>: the caller flushes when this grows.</summary>
    public long Pending { get; private set; }

    public void ResetPending() => Pending = 0;

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return;
        var span = _output.GetSpan(bytes.Length);
        bytes.CopyTo(span);
        Advance(bytes.Length);
    }

    public void WriteByte(byte b)
    {
        var span = _output.GetSpan(1);
        span[0] = b;
        Advance(1);
    }

    public void WriteNull() => WriteRaw("null"u8);

    public void WriteBool(bool value) => WriteRaw(value ? "true"u8 : "false"u8);

    public void WriteInt64(long value)
    {
        var span = _output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out int written);
        Advance(written);
    }

    public void WriteUInt64(ulong value)
    {
        var span = _output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out int written);
        Advance(written);
    }

    /// <summary>Writes ASCII text (numbers, timestamps) without escaping.</summary>
    public void WriteAscii(ReadOnlySpan<char> text)
    {
        var span = _output.GetSpan(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }
        Advance(text.Length);
    }

    /// <summary>Writes text that already is JSON (a JSON tag value) as it is.</summary>
    public void WriteRawText(string json) => WriteUtf8(json);

    /// <summary>Writes bytes as a quoted lowercase hex string (VARBINARY, GEOMETRY).</summary>
    public void WriteHexString(ReadOnlySpan<byte> bytes)
    {
        var span = _output.GetSpan(bytes.Length * 2 + 2);
        span[0] = (byte)'"';
        int n = 1;
        foreach (byte b in bytes)
        {
            span[n++] = Hex[b >> 4];
            span[n++] = Hex[b & 0xF];
        }
        span[n++] = (byte)'"';
        Advance(n);
    }

    /// <summary>A quoted string escaped like taosAdapter's result builder.</summary>
    public void WriteDataString(string value) => WriteString(value, htmlEscape: false);

    /// <summary>A quoted string escaped like Go's encoding/json (error answers).</summary>
    public void WriteGoString(string value) => WriteString(value, htmlEscape: true);

    private void WriteString(string value, bool htmlEscape)
    {
        WriteByte((byte)'"');
        int start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool escape = c < 0x20 || c == '"' || c == '\\' ||
                          (htmlEscape && (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'));
            if (!escape)
            {
                continue;
            }
            // Escapes only happen at single UTF-16 units outside the surrogate range, so the run before
            // never ends in the middle of a surrogate pair.
            WriteUtf8(value.AsSpan(start, i - start));
            WriteEscape(c);
            start = i + 1;
        }
        WriteUtf8(value.AsSpan(start));
        WriteByte((byte)'"');
    }

    private void WriteEscape(char c)
    {
        switch (c)
        {
            case '"': WriteRaw("\\\""u8); break;
            case '\\': WriteRaw("\\\\"u8); break;
            case '\n': WriteRaw("\\n"u8); break;
            case '\r': WriteRaw("\\r"u8); break;
            case '\t': WriteRaw("\\t"u8); break;
            default:
                var span = _output.GetSpan(6);
                span[0] = (byte)'\\';
                span[1] = (byte)'u';
                span[2] = Hex[(c >> 12) & 0xF];
                span[3] = Hex[(c >> 8) & 0xF];
                span[4] = Hex[(c >> 4) & 0xF];
                span[5] = Hex[c & 0xF];
                Advance(6);
                break;
        }
    }

    private void WriteUtf8(ReadOnlySpan<char> chars)
    {
        if (chars.Length == 0) return;
        // Lone surrogates become U+FFFD, as Go writes invalid UTF-8 it meets in a string.
        var span = _output.GetSpan(Utf8.GetMaxByteCount(chars.Length));
        Advance(Utf8.GetBytes(chars, span));
    }

    private void Advance(int count)
    {
        _output.Advance(count);
        Pending += count;
    }
}
