using Taos.Protocol;
using Taos.Protocol.RawBlock;

namespace Taos.Transport.WebSocket;

/// <summary>
/// A result set read over WebSocket: <c>fetch</c> then <c>fetch_block</c> rounds until <c>fetch</c> answers
/// <c>completed</c> (which also frees the result on the server); the rows of each block are read in place
/// (<see cref="RawBlockView"/>: the reader's getters read them straight from the block, see <see cref="ITaosResultBlocks"/>),
/// and the next block is fetched while the application reads one. Disposing it before
/// the end sends <c>free_result</c>, which gets no reply. Only one request for the result is in flight at a time.
/// </summary>
internal sealed class WsQueryResult : ITaosResultBlocks
{
    private readonly WsSocket _socket;
    private readonly ulong _resultId;
    private readonly TaosPrecision _precision;
    private readonly TimeZoneInfo? _zone;
    private readonly TimeSpan _timeout;
    private readonly string _sql;
    private readonly long _requestId;
    private RawBlockView? _block;
    private Task<RawBlockView?>? _next;
    private int _row;
    private long _rows;
    private bool _completed;
    private bool _failed;
    private bool _disposed;

    public WsQueryResult(WsSocket socket, WsReply query, TimeZoneInfo? zone, TimeSpan timeout, string sql, long requestId)
    {
        _socket = socket;
        _resultId = query.ResultId;
        _precision = query.Precision switch { 1 => TaosPrecision.Microseconds, 2 => TaosPrecision.Nanoseconds, _ => TaosPrecision.Milliseconds };
        _zone = zone;
        _timeout = timeout;
        _sql = sql;
        _requestId = requestId;
        Columns = Describe(query, _precision, sql, requestId);
    }

    public IReadOnlyList<TaosColumnMeta> Columns { get; }

    public long? AffectedRows => null;

    public long? RowCount => _completed ? _rows : null;

    private static TaosColumnMeta[] Describe(WsReply query, TaosPrecision precision, string sql, long requestId)
    {
        int count = query.FieldTypes.Length;
        if (query.FieldNames.Length != count || query.FieldLengths.Length != count)
        {
            throw new TaosException(WsStrings.MalformedReply("fields_names, fields_types and fields_lengths differ in length"), sql: sql, requestId: requestId);
        }
        var columns = new TaosColumnMeta[count];
        for (int i = 0; i < count; i++)
        {
            var type = (TaosDataType)query.FieldTypes[i];
            columns[i] = new TaosColumnMeta(query.FieldNames[i], TaosTypes.Name(type), type, query.FieldLengths[i], precision);
        }
        return columns;
    }

    public ValueTask<bool> ReadRowAsync(TaosValue[] row, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_block is { } block && _row < block.Rows)
        {
            block.Fill(_row++, row, _precision, _zone);
            return new ValueTask<bool>(true);
        }
        return FirstRowOfNextBlockAsync(row, async, cancellationToken);
    }

    private async ValueTask<bool> FirstRowOfNextBlockAsync(TaosValue[] row, bool async, CancellationToken cancellationToken)
    {
        if (await NextBlockAsync(async, cancellationToken).ConfigureAwait(false) is not { } block) return false;
        block.Fill(_row++, row, _precision, _zone);
        return true;
    }

    /// <summary>
    /// Gives the current block's buffer back to the socket and moves to the next block with rows (null at the end),
    /// then sends the next <c>fetch</c> while the caller reads this one.
    /// </summary>
    public async ValueTask<RawBlockView?> NextBlockAsync(bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!_completed)
        {
            if (_failed) throw new TaosException(WsStrings.MalformedReply("an earlier read of this result failed"), sql: _sql, requestId: _requestId);
            _failed = true;
            // The block read to its end goes back to the socket: nothing reads it any more.
            if (_block is { } done)
            {
                _block = null;
                _socket.Recycle(done.Buffer);
            }
            if (_next is { } next)
            {
                _next = null;
                try
                {
                    var waiting = next.WaitAsync(cancellationToken);
                    _block = async ? await waiting.ConfigureAwait(false) : waiting.GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    Abandon(next);
                    throw;
                }
            }
            else
            {
                _block = await FetchAsync(async, cancellationToken).ConfigureAwait(false);
            }
            _failed = false;
            _row = 0;
            if (_block is { Rows: > 0 } block)
            {
                _rows += block.Rows;
                // While the caller reads this block, the next one travels (one request in flight, as the protocol wants).
                if (!_completed) _next = FetchAsync(async: true, CancellationToken.None).AsTask();
                return block;
            }
        }
        return null;
    }

    // One fetch round: null when the result is exhausted.
    private async ValueTask<RawBlockView?> FetchAsync(bool async, CancellationToken cancellationToken)
    {
        try
        {
            ulong id = _socket.NextRequestId();
            var fetch = await _socket.RequestAsync(id, 0, WsRequests.OfResult("fetch", id, _resultId), _timeout, async, cancellationToken).ConfigureAwait(false);
            if (WsTransport.ThrowOnError(fetch.Reply, _sql, _requestId).Completed)
            {
                _completed = true;
                return null;
            }
            id = _socket.NextRequestId();
            var frame = await _socket.RequestAsync(id, _resultId, WsRequests.OfResult("fetch_block", id, _resultId), _timeout, async, cancellationToken).ConfigureAwait(false);
            if (frame.Binary is not { } binary)
            {
                WsTransport.ThrowOnError(frame.Reply, _sql, _requestId);
                throw new TaosException(WsStrings.MalformedReply("a text reply where a block was due"), sql: _sql, requestId: _requestId);
            }
            var block = RawBlockView.Parse(binary, 16, frame.BinaryLength - 16);
            if (block.Columns != Columns.Count)
            {
                throw new TaosException(WsStrings.WrongBlock(_resultId, Columns.Count, block.Columns), sql: _sql, requestId: _requestId);
            }
            return block;
        }
        catch (WsUnsentException e)
        {
            throw new TaosException(e.Message, sql: _sql, requestId: _requestId, innerException: e);
        }
        catch (TaosException e) when (e.Sql is null)
        {
            throw new TaosException(e.Message, e.ErrorCode, e.Description, _sql, _requestId, e.InnerException);
        }
    }

    /// <summary>Frees the result on the server unless it was read to its end (no reply comes).</summary>
    public void Dispose() => DisposeAsync(async: false).GetAwaiter().GetResult();

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync() => DisposeAsync(async: true);

    private async ValueTask DisposeAsync(bool async)
    {
        if (_disposed) return;
        _disposed = true;
        if (_block is { } block) _socket.Recycle(block.Buffer);
        _block = null;
        Abandon(_next);
        if (_completed || _socket.IsBroken) return;
        try
        {
            await _socket.SendAsync(WsRequests.OfResult("free_result", _socket.NextRequestId(), _resultId), async, CancellationToken.None).ConfigureAwait(false);
        }
        catch (WsUnsentException)
        {
            // The socket broke: the server freed the result with it.
        }
    }

    // A prefetch nobody will read: its failure (if any) is observed here, not reported.
    private static void Abandon(Task<RawBlockView?>? next) =>
        next?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
