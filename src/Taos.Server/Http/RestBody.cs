using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace Taos.Server.Http;

internal enum RestBodyStatus
{
    Ok,
    /// <summary>No bytes at all (4358).</summary>
    Empty,
    /// <summary>Only white space (4359).</summary>
    Blank,
    /// <summary>Longer than TSDB_MAX_ALLOWED_SQL_LEN (537).</summary>
    TooLong,
}

/// <summary>
/// Reads a <c>/rest/sql</c> body the way taosAdapter and the TDengine client treat it: white space trimmed
/// (Go's strings.TrimSpace), then handed over as a C string, so it ends at the first NUL byte, and refused when
/// longer than 1 MiB. Memory stays bounded: reading stops as soon as the statement is known to be too long.
/// </summary>
internal static class RestBody
{
    /// <summary>TSDB_MAX_ALLOWED_SQL_LEN: longer statements fail with TSDB_CODE_TSC_EXCEED_SQL_LIMIT.</summary>
    public const int MaxSqlLength = 1024 * 1024;

    /// <summary>TSDB_CODE_TSC_EXCEED_SQL_LIMIT (0x0219).</summary>
    public const int SqlTooLongCode = 0x0219;

    public const string SqlTooLongDesc = "SQL statement too long";

    // White space past the limit is only harmless if nothing but white space follows it; this much of it is
    // read (and dropped) to find out before the body is refused anyway.
    private const long MaxTrailingSpace = 16L * 1024 * 1024;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static async Task<(RestBodyStatus Status, string Sql)> ReadSqlAsync(PipeReader reader, CancellationToken ct)
    {
        var stored = new ArrayBufferWriter<byte>(1024);
        long total = 0;
        long spaceBeyond = 0; // white space read after MaxSqlLength bytes were stored
        bool started = false;
        bool endsAtNul = false;
        bool tooLong = false;
        while (true)
        {
            ReadResult result = await reader.ReadAsync(ct).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            foreach (ReadOnlyMemory<byte> memory in buffer)
            {
                ReadOnlySpan<byte> span = memory.Span;
                total += span.Length;
                if (endsAtNul || tooLong)
                {
                    break;
                }
                if (!started)
                {
                    int first = IndexOfNonSpace(span);
                    if (first < 0)
                    {
                        continue;
                    }
                    started = true;
                    span = span[first..];
                }
                int nul = span.IndexOf((byte)0);
                if (nul >= 0)
                {
                    span = span[..nul];
                    endsAtNul = true;
                }
                int room = MaxSqlLength - stored.WrittenCount;
                if (spaceBeyond == 0 && span.Length <= room)
                {
                    stored.Write(span);
                }
                else
                {
                    ReadOnlySpan<byte> beyond = span;
                    if (spaceBeyond == 0)
                    {
                        stored.Write(span[..room]);
                        beyond = span[room..];
                    }
                    // Past the limit only trailing white space is allowed, and not before a NUL: the C string
                    // would then include it.
                    tooLong = IndexOfNonSpace(beyond) >= 0 || (endsAtNul && spaceBeyond + beyond.Length > 0);
                    spaceBeyond += beyond.Length;
                    tooLong |= spaceBeyond > MaxTrailingSpace;
                }
            }
            reader.AdvanceTo(buffer.End);
            if (result.IsCompleted || result.IsCanceled || endsAtNul || tooLong)
            {
                break;
            }
        }
        return Classify(total, started, tooLong, endsAtNul, stored.WrittenSpan);
    }

    /// <summary>What was read: nothing, only white space, too much, or the statement (trailing white space trimmed unless it ended at a NUL).</summary>
    private static (RestBodyStatus Status, string Sql) Classify(long total, bool started, bool tooLong, bool endsAtNul, ReadOnlySpan<byte> sql)
    {
        if (total == 0)
        {
            return (RestBodyStatus.Empty, "");
        }
        if (!started)
        {
            return (RestBodyStatus.Blank, "");
        }
        if (tooLong)
        {
            return (RestBodyStatus.TooLong, "");
        }
        if (!endsAtNul)
        {
            int end = sql.Length;
            while (end > 0 && IsSpace(sql[end - 1])) end--;
            sql = sql[..end];
        }
        // Invalid UTF-8 becomes U+FFFD: the statement then fails to parse, like any other garbage.
        return (RestBodyStatus.Ok, Utf8.GetString(sql));
    }

    private static int IndexOfNonSpace(ReadOnlySpan<byte> span)
    {
        for (int i = 0; i < span.Length; i++)
        {
            if (!IsSpace(span[i])) return i;
        }
        return -1;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;
}
