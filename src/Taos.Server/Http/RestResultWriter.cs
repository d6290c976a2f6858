using System.IO.Pipelines;
using Taos.Protocol;
using Taos.Server.Engine;

namespace Taos.Server.Http;

/// <summary>
/// Renders a <see cref="StatementResult"/> as taosAdapter's answer, streamed: column_meta first, then each row as
/// the (possibly lazy) row source yields it, flushed every ~16 KB like taosAdapter does, then <c>"rows":N</c>.
/// </summary>
internal static class RestResultWriter
{
    /// <summary>taosAdapter flushes its builder once more than this many bytes are buffered.</summary>
    private const int FlushThreshold = 16 * 1024;

    public static async Task WriteAffectedRowsAsync(PipeWriter output, int affectedRows, CancellationToken ct)
    {
        var w = new RestJsonWriter(output);
        w.WriteRaw("{\"code\":0,\"column_meta\":[[\"affected_rows\",\"INT\",4]],\"data\":[["u8);
        w.WriteInt64(affectedRows);
        w.WriteRaw("]],\"rows\":1}"u8);
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
        var w = new RestJsonWriter(output);
        w.WriteRaw("{\"code\":0,\"column_meta\":["u8);
        var columns = result.Columns;
        for (int i = 0; i < columns.Count; i++)
        {
            if (i > 0) w.WriteByte((byte)',');
            w.WriteByte((byte)'[');
            w.WriteDataString(columns[i].Name);
            w.WriteByte((byte)',');
            w.WriteByte((byte)'"');
            w.WriteAscii(TaosTypes.Name(columns[i].Type));
            w.WriteByte((byte)'"');
            w.WriteByte((byte)',');
            w.WriteInt64(columns[i].Length);
            w.WriteByte((byte)']');
        }
        w.WriteRaw("],\"data\":["u8);

        long count = 0;
        Exception? failure = null;
        bool more = hasFirst;
        while (more)
        {
            if (count > 0) w.WriteByte((byte)',');
            WriteRow(w, columns, rows.Current, result.Precision, zone);
            count++;
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
        w.WriteRaw("],\"rows\":"u8);
        w.WriteInt64(count);
        w.WriteByte((byte)'}');
        await output.FlushAsync(ct).ConfigureAwait(false);
        if (failure is not null)
        {
            throw new RestStreamException(failure);
        }
    }

    private static void WriteRow(RestJsonWriter w, IReadOnlyList<ResultColumn> columns, object?[] row, TaosPrecision precision, TimeZoneInfo zone)
    {
        w.WriteByte((byte)'[');
        for (int i = 0; i < columns.Count; i++)
        {
            if (i > 0) w.WriteByte((byte)',');
            WriteValue(w, columns[i].Type, i < row.Length ? row[i] : null, precision, zone);
        }
        w.WriteByte((byte)']');
    }

    internal static void WriteValue(RestJsonWriter w, TaosDataType type, object? value, TaosPrecision precision, TimeZoneInfo zone)
    {
        switch (value)
        {
            case null:
                w.WriteNull();
                return;
            case long ticks when type == TaosDataType.Timestamp:
                WriteTimestamp(w, ticks, precision, zone);
                return;
            case string json when type == TaosDataType.Json:
                w.WriteRawText(json);
                return;
            case bool b: w.WriteBool(b); return;
            case sbyte v: w.WriteInt64(v); return;
            case short v: w.WriteInt64(v); return;
            case int v: w.WriteInt64(v); return;
            case long v: w.WriteInt64(v); return;
            case byte v: w.WriteUInt64(v); return;
            case ushort v: w.WriteUInt64(v); return;
            case uint v: w.WriteUInt64(v); return;
            case ulong v: w.WriteUInt64(v); return;
            case float f:
                if (float.IsFinite(f)) w.WriteAscii(RestNumber.FormatFloat(f));
                else w.WriteNull();
                return;
            case double d:
                if (double.IsFinite(d)) w.WriteAscii(RestNumber.FormatDouble(d));
                else w.WriteNull();
                return;
            case string s: w.WriteDataString(s); return;
            case byte[] bytes: w.WriteHexString(bytes); return;
            case DateTime dt:
                long sinceEpoch = (dt.ToUniversalTime() - DateTime.UnixEpoch).Ticks;
                long ticksOut = precision switch
                {
                    TaosPrecision.Microseconds => sinceEpoch / 10,
                    TaosPrecision.Nanoseconds => sinceEpoch * 100,
                    _ => sinceEpoch / TimeSpan.TicksPerMillisecond,
                };
                WriteTimestamp(w, ticksOut, precision, zone);
                return;
            default:
                w.WriteDataString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                return;
        }
    }

    private static void WriteTimestamp(RestJsonWriter w, long ticks, TaosPrecision precision, TimeZoneInfo zone)
    {
        Span<char> text = stackalloc char[RestTimestamp.MaxFormattedLength];
        int length = RestTimestamp.FormatTo(text, ticks, precision, zone);
        w.WriteByte((byte)'"');
        w.WriteAscii(text[..length]);
        w.WriteByte((byte)'"');
    }
}

/// <summary>A row source failed after the answer had started; the answer was closed with the rows so far.</summary>
internal sealed class RestStreamException(Exception inner) : Exception("the row source failed while streaming", inner);
