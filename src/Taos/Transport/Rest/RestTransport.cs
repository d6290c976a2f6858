using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Taos.Protocol;

namespace Taos.Transport.Rest;

/// <summary>
/// taosAdapter's REST interface: one POST to <c>/rest/sql[/db]</c> per statement over one <see cref="HttpClient"/>
/// shared by every session of a data source (connection pooling happens in its handler). REST keeps no state on the
/// server, so a <see cref="RestSession"/> is the default database plus the parameter binding on the client.
/// </summary>
internal sealed class RestTransport : ITaosTransport
{
    private static readonly MediaTypeHeaderValue PlainText = new("text/plain") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _sqlPath;
    private readonly string _fixedParameters;
    private string? _serverVersion;

    /// <summary>Creates the transport; requests go through <paramref name="handler"/>, or a default <see cref="SocketsHttpHandler"/> when null.</summary>
    public RestTransport(TaosConnectionStringBuilder settings, TimeZoneInfo? timeZone, HttpMessageHandler? handler, bool disposeHandler)
    {
        var endpoint = settings.GetBaseUri();
        string? token = settings.Token;
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            }, disposeHandler: true)
            : new HttpClient(handler, disposeHandler);
        // Timeouts are applied per request (TaosRequest.Timeout), not to the whole client.
        _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        Endpoint = endpoint;
        TimeZone = timeZone;
        Token = string.IsNullOrEmpty(token) ? null : token;
        _authorization = !string.IsNullOrEmpty(token)
            ? new AuthenticationHeaderValue("Taosd", token)
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.Username + ":" + settings.Password)));
        // The parts of every request's URL that do not change from one statement to the next.
        BasePath = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _sqlPath = BasePath + RestProtocol.SqlPath;
        var parameters = new StringBuilder();
        if (!string.IsNullOrEmpty(settings.Timezone))
        {
            parameters.Append('&').Append(RestProtocol.TimeZoneParameter).Append('=').Append(Uri.EscapeDataString(settings.Timezone));
        }
        if (!string.IsNullOrEmpty(token))
        {
            parameters.Append('&').Append(RestProtocol.TokenParameter).Append('=').Append(Uri.EscapeDataString(token));
        }
        _fixedParameters = parameters.ToString();
    }

    public Uri Endpoint { get; }

    /// <summary>The zone an unspecified <see cref="DateTime"/> parameter is taken in (the connection string's <c>Timezone</c>), or null for UTC.</summary>
    public TimeZoneInfo? TimeZone { get; }

    /// <summary>The version the server reported to the first session that verified it; null before.</summary>
    public string? ServerVersion
    {
        get => Volatile.Read(ref _serverVersion);
        set => Volatile.Write(ref _serverVersion, value);
    }

    /// <summary>The connection string's URL without a trailing <c>/</c>: the prefix of every endpoint's path.</summary>
    public string BasePath { get; }

    /// <summary>The connection string's token (TDengine Cloud), or null.</summary>
    public string? Token { get; }

    /// <summary>The client every request goes through.</summary>
    public HttpClient Http => _http;

    /// <summary>The <c>Authorization</c> header of every request (Basic, or <c>Taosd</c> with a token).</summary>
    public AuthenticationHeaderValue Authorization => _authorization;

    public ITaosSession CreateSession(string? database) => new RestSession(this, database);

    /// <summary>
    /// Sends one statement and returns its result positioned before the first row. Throws <see cref="TaosException"/>
    /// for an error answer, network failures and timeouts; <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async ValueTask<RestResult> SendAsync(RestRequest request, bool async, CancellationToken cancellationToken)
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

    internal Exception MapException(Exception e, RestRequest request, CancellationToken userToken, CancellationTokenSource timeoutCts) =>
        MapException(e, request.Sql, request.RequestId, request.Timeout, userToken, timeoutCts);

    /// <summary>
    /// The exception to throw for <paramref name="e"/>, raised while a request of <paramref name="sql"/> (null when it
    /// was not a statement) was sent or read: the caller's cancellation, a timeout, a network failure or a malformed answer.
    /// </summary>
    internal Exception MapException(Exception e, string? sql, long requestId, TimeSpan timeout, CancellationToken userToken,
        CancellationTokenSource timeoutCts)
    {
        if (e is InvalidDataException)
        {
            return new TaosException(TaosStrings.MalformedResponse(e.Message), sql: sql, requestId: requestId, innerException: e);
        }
        if (userToken.IsCancellationRequested)
        {
            return e as OperationCanceledException ?? new OperationCanceledException(e.Message, e, userToken);
        }
        if (timeoutCts.IsCancellationRequested && e is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
            return new TaosException(TaosStrings.Timeout(timeout), sql: sql, requestId: requestId,
                innerException: new TimeoutException(TaosStrings.Timeout(timeout), e));
        }
        if (e is System.Text.Json.JsonException)
        {
            return new TaosException(TaosStrings.MalformedResponse(e.Message), sql: sql, requestId: requestId, innerException: e);
        }
        if (e is HttpRequestException or IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            return new TaosException(TaosStrings.NetworkFailure(Endpoint, e.Message), sql: sql, requestId: requestId, innerException: e);
        }
        return e;
    }

    private Uri BuildSqlUri(RestRequest request)
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

    /// <summary>Releases the HTTP connections.</summary>
    public void Dispose() => _http.Dispose();
}
