namespace Taos;

/// <summary>
/// The ADO.NET chunk read of <c>GetBytes</c>/<c>GetChars</c>: the whole length for a null buffer; 0 from the end on
/// (a chunked read asks once past it); the spec's exceptions for offsets and lengths outside the buffer.
/// </summary>
internal static class ChunkCopy
{
    public static long Copy<TItem>(ReadOnlySpan<TItem> data, long dataOffset, TItem[]? buffer, int bufferOffset, int length)
    {
        if (buffer is null) return data.Length;
        ArgumentOutOfRangeException.ThrowIfNegative(dataOffset);
        ArgumentOutOfRangeException.ThrowIfNegative(bufferOffset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bufferOffset, buffer.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, buffer.Length - bufferOffset);
        if (dataOffset >= data.Length) return 0;
        int count = (int)Math.Min(length, data.Length - dataOffset);
        data.Slice((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }
}
