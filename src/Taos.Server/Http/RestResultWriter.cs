using System.IO.Pipelines;
using Taos.Protocol.Rest;
using Taos.Server.Engine;

namespace Taos.Server.Http;

/// <summary>
/// Streams a <see cref="StatementResult"/> as taosAdapter's answer through the shared <see cref="RestEnvelopeWriter"/>:
/// column_meta first, then each row as the (possibly lazy) row source yields it, flushed every ~16 KB like
/// taosAdapter does, then <c>"rows":N</c>.
/// </summary>
internal static class RestResultWriter
{
    /// <summary>taosAdapter flushes its builder once more than this many bytes are buffered.</summary>
    private const int FlushThreshold = 16 * 1024;

    public static async Task WriteAffectedRowsAsync(PipeWriter output, int affectedRows, CancellationToken ct)
    {
        new RestEnvelopeWriter(output).WriteAffectedRows(affectedRows);
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a row set whose first row (if any) the caller already fetched, so that an error raised by the first
    /// fetch could still become an error answer. An error in a later fetch ends the data early, as taosAdapter
    /// does when a fetch fails mid-stream; it is rethrown after the answer is closed so it can be logged.
    /// </summary>
    public static async Task WriteRowSetAsync(PipeWriter output, RowSetResult result, IEnumerator<object?[]> rows, bool hasFirst,
        TimeZoneInfo zone, CancellationToken ct)
    {
        var w = new RestEnvelopeWriter(output);
        w.WriteResultStart();
        var columns = result.Columns;
        var types = new TaosDataType[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            w.WriteColumn(columns[i].Name, columns[i].Type, columns[i].Length);
            types[i] = columns[i].Type;
        }
        w.WriteDataStart();

        Exception? failure = null;
        bool more = hasFirst;
        while (more)
        {
            w.WriteRow(types, rows.Current, result.Precision, zone);
            if (w.Pending > FlushThreshold)
            {
                w.ResetPending();
                FlushResult flushed = await output.FlushAsync(ct).ConfigureAwait(false);
                if (flushed.IsCanceled || flushed.IsCompleted)
                {
                    return; // the client went away
                }
            }
            try
            {
                more = rows.MoveNext();
            }
            catch (Exception ex)
            {
                failure = ex;
                more = false;
            }
        }
        w.WriteResultEnd();
        await output.FlushAsync(ct).ConfigureAwait(false);
        if (failure is not null)
        {
            throw new RestStreamException(failure);
        }
    }
}
