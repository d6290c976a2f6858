using System.Net;
using Taos.Protocol;
using Taos.Protocol.Rest;

namespace Taos.Transport.Rest;

/// <summary>
/// The streamed answer to one REST request; owns the HTTP response until disposed. <c>column_meta</c> does not tell
/// the precision of timestamps, their text does: a result with TIMESTAMP columns reads its first row ahead, and
/// each TIMESTAMP column takes the precision of its value there, or (NULL there) of the row's finest other timestamp
/// — one statement reads one database, whose timestamps share its precision — else milliseconds.
/// </summary>
internal sealed class RestResult : ITaosResult
{
    private readonly RestTransport _transport;
    private readonly RestRequest _request;
    private readonly HttpResponseMessage _response;
    private readonly RestEnvelopeReader _decoder;
    private readonly CancellationTokenSource _timeoutCts;
    private readonly CancellationTokenRegistration _abortOnTimeout;
    private CancellationToken _linkedFor;
    private CancellationTokenSource? _linked;
    private int _disposed;
    private TaosValue[]? _first;

    public RestResult(RestTransport transport, RestRequest request, HttpResponseMessage response, Stream stream, CancellationTokenSource timeoutCts)
    {
        _transport = transport;
        _request = request;
        _response = response;
        _timeoutCts = timeoutCts;
        // The timeout bounds each wait for more of the body (ReadTimeoutStream), not the rows already received.
        _decoder = new RestEnvelopeReader(request.Timeout == Timeout.InfiniteTimeSpan ? stream : new ReadTimeoutStream(stream, timeoutCts, request.Timeout));
        // Synchronous reads take no token: closing the response is what interrupts them on timeout.
        _abortOnTimeout = timeoutCts.Token.Register(static r => ((HttpResponseMessage)r!).Dispose(), response);
    }

    public IReadOnlyList<TaosColumnMeta> Columns { get; private set; } = [];

    public long? AffectedRows { get; private set; }

    public long? RowCount => _decoder.RowCount;

    public async ValueTask ReadHeaderAsync(bool async, CancellationToken cancellationToken)
    {
        try
        {
            await _decoder.ReadHeaderAsync(async, Token(cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e) when (_response.StatusCode != HttpStatusCode.OK && e is System.Text.Json.JsonException or InvalidDataException)
        {
            throw HttpError(e);
        }
        catch (Exception e) when (e is not TaosException)
        {
            throw _transport.MapException(e, _request, cancellationToken, _timeoutCts);
        }
        if (_decoder.Code != 0)
        {
            string desc = _decoder.Description ?? "";
            throw new TaosException(TaosStrings.ServerError(_decoder.Code, desc), _decoder.Code, desc, _request.Sql, _request.RequestId);
        }
        if (!_decoder.HasData && _response.StatusCode != HttpStatusCode.OK)
        {
            throw HttpError(null);
        }
        var columns = _decoder.Columns;
        if (columns.Count == 1 && columns[0].Name == RestProtocol.AffectedRowsColumn)
        {
            var row = new TaosValue[1];
            long affected = 0;
            if (await ReadRowAsync(row, async, cancellationToken).ConfigureAwait(false) && !row[0].IsNull)
            {
                affected = row[0].Int64;
            }
            AffectedRows = affected;
        }
        else if (columns.Any(c => c.Type == TaosDataType.Timestamp))
        {
            var first = new TaosValue[columns.Count];
            if (await ReadRowAsync(first, async, cancellationToken).ConfigureAwait(false))
            {
                _first = first;
            }
        }
        Columns = Describe(columns, _first);
    }

    private static TaosColumnMeta[] Describe(IReadOnlyList<RestColumn> columns, TaosValue[]? first)
    {
        TaosPrecision? finest = null;
        for (int i = 0; first is not null && i < first.Length; i++)
        {
            if (first[i].Kind == TaosValueKind.Timestamp && (finest is null || first[i].Precision > finest))
            {
                finest = first[i].Precision;
            }
        }
        var described = new TaosColumnMeta[columns.Count];
        for (int i = 0; i < described.Length; i++)
        {
            var c = columns[i];
            var precision = first is not null && first[i].Kind == TaosValueKind.Timestamp ? first[i].Precision : finest ?? TaosPrecision.Milliseconds;
            described[i] = new TaosColumnMeta(c.Name, c.TypeName, c.Type, c.Length, precision);
        }
        return described;
    }

    /// <summary>A non-200 answer that is not a TDengine result.</summary>
    private TaosException HttpError(Exception? cause) =>
        new(TaosStrings.HttpError((int)_response.StatusCode, _response.ReasonPhrase ?? ""),
            sql: _request.Sql, requestId: _request.RequestId, innerException: cause);

    public ValueTask<bool> ReadRowAsync(TaosValue[] row, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_first is not null)
        {
            _first.CopyTo(row, 0);
            _first = null;
            return new ValueTask<bool>(true);
        }
        try
        {
            var pending = _decoder.ReadRowAsync(row, async, Token(cancellationToken));
            return pending.IsCompletedSuccessfully ? pending : AwaitRowAsync(pending, cancellationToken);
        }
        catch (Exception e) when (e is not TaosException)
        {
            throw _transport.MapException(e, _request, cancellationToken, _timeoutCts);
        }
    }

    private async ValueTask<bool> AwaitRowAsync(ValueTask<bool> pending, CancellationToken cancellationToken)
    {
        try
        {
            return await pending.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not TaosException)
        {
            throw _transport.MapException(e, _request, cancellationToken, _timeoutCts);
        }
    }

    private CancellationToken Token(CancellationToken user)
    {
        if (!user.CanBeCanceled)
        {
            return _timeoutCts.Token;
        }
        if (_linked is null || _linkedFor != user)
        {
            _linked?.Dispose();
            _linked = CancellationTokenSource.CreateLinkedTokenSource(user, _timeoutCts.Token);
            _linkedFor = user;
        }
        return _linked.Token;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _abortOnTimeout.Dispose();
        _response.Dispose();
        _decoder.Dispose();
        _linked?.Dispose();
        _timeoutCts.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
