using System.Buffers;
using System.Text;

namespace Taos.Server.Engine.Schemaless;

/// <summary>UTF-8 text helpers of the schemaless parsers: unescaping and the data quoted in error messages.</summary>
internal static class SmlText
{
    /// <summary>Enough bytes of the data to fill an error message (<see cref="SmlErrors"/> keeps at most 511 characters).</summary>
    private const int QuotedBytes = 2048;

    private const int StackBytes = 256;

    /// <summary>
    /// <paramref name="raw"/> as a string with the <c>\</c> before any of <paramref name="escapable"/> removed;
    /// <paramref name="bytes"/> receives the UTF-8 length of the result.
    /// </summary>
    public static string Unescape(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> escapable, out int bytes)
    {
        if (!raw.Contains((byte)'\\'))
        {
            bytes = raw.Length;
            return Encoding.UTF8.GetString(raw);
        }
        byte[]? rented = null;
        Span<byte> buffer = raw.Length <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            bytes = Unescape(raw, escapable, buffer);
            return Encoding.UTF8.GetString(buffer[..bytes]);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Copies <paramref name="raw"/> into <paramref name="destination"/> without the <c>\</c> before any of <paramref name="escapable"/>; returns the bytes written.</summary>
    public static int Unescape(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> escapable, Span<byte> destination)
    {
        int n = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length && escapable.Contains(raw[i + 1])) i++;
            destination[n++] = raw[i];
        }
        return n;
    }

    /// <summary>The start of <paramref name="data"/> as text for an error message (the rest is cut off by the message limit anyway).</summary>
    public static string Quote(ReadOnlySpan<byte> data) => Encoding.UTF8.GetString(data.Length > QuotedBytes ? data[..QuotedBytes] : data);
}
