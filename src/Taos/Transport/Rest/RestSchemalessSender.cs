using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Taos.Schemaless;

namespace Taos.Transport.Rest;

/// <summary>
/// Schemaless writes over taosAdapter's HTTP endpoints: line protocol to <c>/influxdb/v1/write?db=…&amp;precision=…</c>
/// (no precision sent means nanoseconds there), OpenTSDB telnet and JSON to <c>/opentsdb/v1/put/telnet/{db}</c> and
/// <c>/opentsdb/v1/put/json/{db}</c>, which take no precision (10 digits are seconds, 13 milliseconds). Success is
/// 204; an error is a JSON <c>{"code":…,"message":…}</c> whose message is <c>[0x…] text</c> for TDengine's errors.
/// </summary>
internal sealed class RestSchemalessSender(RestTransport transport)
{
    private static readonly MediaTypeHeaderValue PlainText = new("text/plain") { CharSet = "utf-8" };

    /// <summary>Sends <paramref name="request"/> into <paramref name="database"/>; the endpoints report no row count, so this returns null.</summary>
    /// <exception cref="ArgumentException">An OpenTSDB request with a precision (its HTTP endpoints take none).</exception>
    public async ValueTask<long?> SendAsync(SchemalessRequest request, string database, bool async, CancellationToken cancellationToken)
    {
        long requestId = request.RequestId ?? RequestIds.Next();
        var uri = BuildUri(request, database, requestId);
        using var timeoutCts = new CancellationTokenSource();
        if (request.Timeout != Timeout.InfiniteTimeSpan) timeoutCts.CancelAfter(request.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, uri);
            message.Headers.Authorization = transport.Authorization;
            message.Content = new StringContent(request.JoinedText(), Encoding.UTF8);
            message.Content.Headers.ContentType = PlainText;
            using var response = async
                ? await transport.Http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false)
                : transport.Http.Send(message, HttpCompletionOption.ResponseContentRead, linked.Token);
            if (response.IsSuccessStatusCode) return null;
            string body = async
                ? await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false)
                : ReadString(response.Content, linked.Token);
            throw Error(response.StatusCode, response.ReasonPhrase, body, requestId);
        }
        catch (Exception e) when (e is not TaosException)
        {
            throw transport.MapException(e, null, requestId, request.Timeout, cancellationToken, timeoutCts);
        }
    }

    private static string ReadString(HttpContent content, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(content.ReadAsStream(cancellationToken), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private Uri BuildUri(SchemalessRequest request, string database, long requestId)
    {
        var sb = new StringBuilder(transport.BasePath, transport.BasePath.Length + 96);
        string db = Uri.EscapeDataString(database);
        if (request.Protocol == TaosSchemalessProtocol.Line)
        {
            sb.Append("/influxdb/v1/write?db=").Append(db);
            if (request.PrecisionText.Length > 0) sb.Append("&precision=").Append(request.PrecisionText);
        }
        else
        {
            if (request.Precision != TaosSchemalessPrecision.NotConfigured)
            {
                throw new ArgumentException(SchemalessStrings.OpenTsdbPrecisionOverRest(request.Precision), nameof(request));
            }
            sb.Append(request.Protocol == TaosSchemalessProtocol.Telnet ? "/opentsdb/v1/put/telnet/" : "/opentsdb/v1/put/json/").Append(db);
            sb.Append('?');
        }
        if (sb[^1] != '?') sb.Append('&');
        sb.Append("req_id=").Append(requestId.ToString(CultureInfo.InvariantCulture));
        if (request.Ttl != 0) sb.Append("&ttl=").Append(request.Ttl.ToString(CultureInfo.InvariantCulture));
        // TDengine Cloud authenticates the schemaless endpoints by ?token= (the Authorization header carries it too).
        if (transport.Token is { } token) sb.Append("&token=").Append(Uri.EscapeDataString(token));
        return new Uri(sb.ToString());
    }

    /// <summary>
    /// The exception of an error answer: TDengine's code and text from a <c>[0x…] text</c> message; otherwise (an
    /// adapter-level refusal) 65535 like the WebSocket interface's adapter errors, with the message as sent.
    /// </summary>
    private static TaosException Error(HttpStatusCode status, string? reason, string body, long requestId)
    {
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var m)
                && m.ValueKind == JsonValueKind.String)
            {
                message = m.GetString();
            }
        }
        catch (JsonException)
        {
            // Not a taosAdapter error body: reported by its HTTP status below.
        }
        if (message is null)
        {
            return new TaosException(TaosStrings.HttpError((int)status, reason ?? ""), requestId: requestId);
        }
        if (TryParseTaosError(message, out int code, out string text))
        {
            return new TaosException(TaosStrings.ServerError(code, text), code, text, requestId: requestId);
        }
        return new TaosException(TaosStrings.ServerError(TaosErrorCode.AdapterError, message), TaosErrorCode.AdapterError, message, requestId: requestId);
    }

    /// <summary>Reads taosAdapter's <c>[0x21f] text</c>: the code (masked to 16 bits, as <c>/ws</c> reports codes) and the text.</summary>
    internal static bool TryParseTaosError(string message, out int code, out string text)
    {
        code = 0;
        text = message;
        if (!message.StartsWith("[0x", StringComparison.Ordinal)) return false;
        int close = message.IndexOf(']', 3);
        if (close < 0 || !int.TryParse(message.AsSpan(3, close - 3), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code))
        {
            return false;
        }
        code &= 0xFFFF;
        text = message[(close + 1)..].TrimStart();
        return true;
    }
}
