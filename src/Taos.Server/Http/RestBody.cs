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

    // Trailing white space is only known to be trailing at the end; this much of it is kept before giving up.
    private const int TrailingSlack = 64 * 1024;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static async Task<(RestBodyStatus Status, string Sql)> ReadSqlAsync(PipeReader reader, CancellationToken ct)
    {
        var stored = new ArrayBufferWriter<byte>(1024);
        long total = 0;
        bool started = false;
        bool endsAtNul = false;
        bool overflow = false;
        while (true)
        {
            ReadResult result = await reader.ReadAsync(ct).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            foreach (ReadOnlyMemory<byte> memory in buffer)
            {
                ReadOnlySpan<byte> span = memory.Span;
                total += span.Length;
                if (endsAtNul || overflow)
                {
                    continue;
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
                if ((long)stored.WrittenCount + span.Length > MaxSqlLength + TrailingSlack)
                {
                    overflow = true;
                    continue;
                }
                stored.Write(span);
            }
            reader.AdvanceTo(buffer.End);
            if (result.IsCompleted || result.IsCanceled || endsAtNul || overflow)
            {
                break;
            }
        }

        if (total == 0)
        {
            return (RestBodyStatus.Empty, "");
        }
        if (!started)
        {
            return (RestBodyStatus.Blank, "");
        }
        if (overflow)
        {
            return (RestBodyStatus.TooLong, "");
        }
        ReadOnlySpan<byte> sql = stored.WrittenSpan;
        if (!endsAtNul)
        {
            int end = sql.Length;
            while (end > 0 && IsSpace(sql[end - 1])) end--;
            sql = sql[..end];
        }
        if (sql.Length > MaxSqlLength)
        {
            return (RestBodyStatus.TooLong, "");
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
