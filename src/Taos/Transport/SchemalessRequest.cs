using Taos.Schemaless;

namespace Taos.Transport;

/// <summary>One schemaless write: the data of one request, written into the session's database or nothing of it.</summary>
/// <param name="Lines">
/// The request's data as its lines (or one text holding several lines, or the JSON text), the data being them joined by
/// <c>\n</c>; a null line counts as empty. Transports write them out as they are, without joining them first.
/// </param>
/// <param name="Protocol">The format of the data.</param>
/// <param name="Precision">The unit of the timestamps in the data.</param>
/// <param name="Ttl">The time to live in days of the child tables the write creates; 0 for none.</param>
/// <param name="RequestId">The request id (<c>req_id</c>) to send, or null to let the transport choose one.</param>
/// <param name="Timeout">Time allowed for the answer; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
internal sealed record SchemalessRequest(IReadOnlyList<string?> Lines, TaosSchemalessProtocol Protocol, TaosSchemalessPrecision Precision, int Ttl,
    long? RequestId, TimeSpan Timeout)
{
    /// <summary>
    /// The precision as taosAdapter's <c>precision</c> strings spell it (<c>u</c> for microseconds: taosAdapter 3.3.0.1
    /// does not know <c>us</c>); empty for <see cref="TaosSchemalessPrecision.NotConfigured"/>.
    /// </summary>
    public string PrecisionText => Precision switch
    {
        TaosSchemalessPrecision.Hours => "h",
        TaosSchemalessPrecision.Minutes => "m",
        TaosSchemalessPrecision.Seconds => "s",
        TaosSchemalessPrecision.Milliseconds => "ms",
        TaosSchemalessPrecision.Microseconds => "u",
        TaosSchemalessPrecision.Nanoseconds => "ns",
        _ => "",
    };

    /// <summary>The data as one text: the lines joined by <c>\n</c>.</summary>
    public string JoinedText() => Lines.Count == 1 ? Lines[0] ?? "" : string.Join('\n', Lines);
}
