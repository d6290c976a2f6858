using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Taos.Protocol;

namespace Taos.Rest;

/// <summary>taosAdapter's REST interface: one POST to <c>/rest/sql[/db]</c> per statement over a shared <see cref="HttpClient"/>.</summary>
internal sealed class RestTransport : ITaosTransport
{
    private static readonly MediaTypeHeaderValue PlainText = new("text/plain") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _sqlPath;
    private readonly string _fixedParameters;

    public RestTransport(HttpClient http, Uri endpoint, string user, string password, string? token, string? timeZone)
    {
        _http = http;
        Endpoint = endpoint;
        _authorization = !string.IsNullOrEmpty(token)
            ? new AuthenticationHeaderValue("Taosd", token)
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        // The parts of every request's URL that do not change from one statement to the next.
        _sqlPath = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + RestProtocol.SqlPath;
        var parameters = new StringBuilder();
        if (!string.IsNullOrEmpty(timeZone))
        {
            parameters.Append('&').Append(RestProtocol.TimeZoneParameter).Append('=').Append(Uri.EscapeDataString(timeZone));
        }
        if (!string.IsNullOrEmpty(token))
        {
            parameters.Append('&').Append(RestProtocol.TokenParameter).Append('=').Append(Uri.EscapeDataString(token));
        }
        _fixedParameters = parameters.ToString();
    }

    public Uri Endpoint { get; }

    public async ValueTask<ITaosResult> ExecuteAsync(TaosRequest request, bool async, CancellationToken cancellationToken)
    {
        var uri = BuildSqlUri(request);
        var timeoutCts = new CancellationTokenSource();
        CancellationTokenSource? linked = null;
        HttpResponseMessage? response = null;
        RestResult? result = null;
        try
        {
            if (request.Timeout != Timeout.InfiniteTimeSpan)
            {
                timeoutCts.CancelAfter(request.Timeout);
            }
            linked = cancellationToken.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token)
                : null;
            var token = linked?.Token ?? timeoutCts.Token;
            using var message = new HttpRequestMessage(HttpMethod.Post, uri);
            message.Headers.Authorization = _authorization;
            message.Content = new StringContent(request.Sql, Encoding.UTF8);
            message.Content.Headers.ContentType = PlainText;
            response = async
                ? await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false)
                : _http.Send(message, HttpCompletionOption.ResponseHeadersRead, token);
            var stream = async
                ? await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false)
                : response.Content.ReadAsStream(token);
            result = new RestResult(this, request, response, stream, timeoutCts);
            response = null;
            await result.ReadHeaderAsync(async, cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (Exception e) when (e is not TaosException)
        {
            if (result is not null)
            {
                result.Dispose();
            }
            else
            {
                response?.Dispose();
                timeoutCts.Dispose();
            }
            throw MapException(e, request, cancellationToken, timeoutCts);
        }
        catch
        {
            result?.Dispose();
            throw;
        }
        finally
        {
            linked?.Dispose();
        }
    }

    internal Exception MapException(Exception e, TaosRequest request, CancellationToken userToken, CancellationTokenSource timeoutCts)
    {
        if (e is InvalidDataException)
        {
            return new TaosException(TaosStrings.MalformedResponse(e.Message), sql: request.Sql, requestId: request.RequestId, innerException: e);
        }
        if (userToken.IsCancellationRequested)
        {
            return e as OperationCanceledException ?? new OperationCanceledException(e.Message, e, userToken);
        }
        if (timeoutCts.IsCancellationRequested && e is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
            return new TaosException(TaosStrings.Timeout(request.Timeout), sql: request.Sql, requestId: request.RequestId,
                innerException: new TimeoutException(TaosStrings.Timeout(request.Timeout), e));
        }
        if (e is System.Text.Json.JsonException)
        {
            return new TaosException(TaosStrings.MalformedResponse(e.Message), sql: request.Sql, requestId: request.RequestId, innerException: e);
        }
        if (e is HttpRequestException or IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            return new TaosException(TaosStrings.NetworkFailure(Endpoint, e.Message), sql: request.Sql, requestId: request.RequestId, innerException: e);
        }
        return e;
    }

    private Uri BuildSqlUri(TaosRequest request)
    {
        var sb = new StringBuilder(_sqlPath, _sqlPath.Length + _fixedParameters.Length + 64);
        if (!string.IsNullOrEmpty(request.Database))
        {
            sb.Append('/').Append(Uri.EscapeDataString(request.Database));
        }
        sb.Append('?').Append(RestProtocol.RequestIdParameter).Append('=').Append(request.RequestId.ToString(CultureInfo.InvariantCulture));
        sb.Append(_fixedParameters);
        return new Uri(sb.ToString());
    }
}
