using System.Text;

namespace Taos.Server.Sql;

/// <summary>Lengths and cuts of text measured in UTF-8 bytes, the way TDengine's C buffers measure it.</summary>
internal static class Utf8Text
{
    public static int ByteCount(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>
    /// How many UTF-16 chars of <paramref name="text"/> fit whole into <paramref name="maxBytes"/> UTF-8 bytes, and
    /// (in <paramref name="bytes"/>) how many bytes they take.
    /// </summary>
    public static int FittingLength(string text, int maxBytes, out int bytes)
    {
        bytes = 0;
        for (int i = 0; i < text.Length; i++)
        {
            bool pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            int width = pair ? 4 : text[i] < 0x80 ? 1 : text[i] < 0x800 ? 2 : 3;
            if (bytes + width > maxBytes)
            {
                return i;
            }
            bytes += width;
            if (pair)
            {
                i++;
            }
        }
        return text.Length;
    }

    /// <summary>The longest start of <paramref name="text"/> that fits whole into <paramref name="maxBytes"/> bytes.</summary>
    public static string WholeCharsPrefix(string text, int maxBytes) => text[..FittingLength(text, maxBytes, out _)];
}
