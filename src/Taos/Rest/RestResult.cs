using System.Net;
using Taos.Protocol;
using Taos.Protocol.Rest;

namespace Taos.Rest;

/// <summary>The streamed answer to one REST request; owns the HTTP response until disposed.</summary>
internal sealed class RestResult : ITaosResult
{
    private readonly RestTransport _transport;
    private readonly TaosRequest _request;
    private readonly HttpResponseMessage _response;
    private readonly RestEnvelopeReader _decoder;
    private readonly CancellationTokenSource _timeoutCts;
    private readonly CancellationTokenRegistration _abortOnTimeout;
    private CancellationToken _linkedFor;
    private CancellationTokenSource? _linked;
    private long _lastTimerReset;
    private int _disposed;

    public RestResult(RestTransport transport, TaosRequest request, HttpResponseMessage response, Stream stream, CancellationTokenSource timeoutCts)
    {
        _transport = transport;
        _request = request;
        _response = response;
        _timeoutCts = timeoutCts;
        _decoder = new RestEnvelopeReader(stream);
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
        catch (Exception e) when (_response.StatusCode != HttpStatusCode.OK && e is TaosException or System.Text.Json.JsonException or InvalidDataException)
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
        Columns = [.. _decoder.Columns.Select(c => new TaosColumnMeta(c.Name, c.TypeName, c.Type, c.Length))];
        if (Columns.Count == 1 && Columns[0].Name == RestProtocol.AffectedRowsColumn)
        {
            var row = new TaosValue[1];
            long affected = 0;
            if (await ReadRowAsync(row, async, cancellationToken).ConfigureAwait(false) && !row[0].IsNull)
            {
                affected = row[0].Int64;
            }
            AffectedRows = affected;
        }
    }

    /// <summary>A non-200 answer that is not a TDengine result.</summary>
    private TaosException HttpError(Exception? cause) =>
        new(TaosStrings.HttpError((int)_response.StatusCode, _response.ReasonPhrase ?? ""),
            sql: _request.Sql, requestId: _request.RequestId, innerException: cause);

    public ValueTask<bool> ReadRowAsync(TaosValue[] row, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        try
        {
            if (_request.Timeout != Timeout.InfiniteTimeSpan)
            {
                // The timeout bounds each wait for data, not the whole read: restart it as rows keep coming.
                long now = Environment.TickCount64;
                if (now - _lastTimerReset > 50)
                {
                    _lastTimerReset = now;
                    _timeoutCts.CancelAfter(_request.Timeout);
                }
            }
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
