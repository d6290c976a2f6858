using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace Taos.Transport.WebSocket;

/// <summary>
/// One <see cref="ClientWebSocket"/> to taosAdapter's <c>/ws</c> with ONE receive loop: requests are sent under a
/// lock (a WebSocket takes one send at a time) and their answers matched by <c>req_id</c>, binary
/// <c>fetch_block</c> frames by the result id they carry. A reply nobody waits for any more (its request timed out
/// or was cancelled) is dropped, and a result it opened is freed. Once the loop ends — the server closed the socket,
/// the network failed, a frame was not a valid message — the socket is broken and every waiter fails.
/// </summary>
internal sealed class WsSocket : IDisposable
{
    /// <summary>The largest message accepted from the server.</summary>
    public const int MaxMessageBytes = 256 * 1024 * 1024;

    /// <summary>How many binary frame buffers the socket keeps for reuse (<see cref="Recycle"/>).</summary>
    public const int MaxFreeFrames = 4;

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<ulong, WsWaiter> _byRequest = new();
    private readonly ConcurrentDictionary<ulong, WsWaiter> _byResult = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<byte[]> _freeFrames = new();
    private long _lastRequestId;
    private string? _failure;

    private WsSocket(ClientWebSocket socket, Uri endpoint)
    {
        _socket = socket;
        Endpoint = endpoint;
    }

    /// <summary>The endpoint the socket is connected to.</summary>
    public Uri Endpoint { get; }

    /// <summary>Whether each text reply keeps its JSON text (<see cref="WsReply.Text"/>): <c>/rest/tmq</c> replies carry fields <see cref="WsReply"/> does not parse.</summary>
    public bool KeepsReplyText { get; private init; }

    /// <summary>True once the socket failed or was disposed: no request can be sent on it any more.</summary>
    public bool IsBroken => Volatile.Read(ref _failure) is not null;

    /// <summary>
    /// Opens a socket to <paramref name="endpoint"/> (its path replaced by <paramref name="path"/>, <c>/ws</c> unless
    /// given) and starts its receive loop; on any other path than <c>/ws</c> text replies keep their JSON text.
    /// </summary>
    /// <exception cref="WebSocketException">The upgrade failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired (a timeout included).</exception>
    public static async ValueTask<WsSocket> ConnectAsync(Uri endpoint, string? token, bool compression, bool async, CancellationToken cancellationToken,
        string path = "/ws")
    {
        var uri = new UriBuilder(endpoint) { Path = path, Query = string.IsNullOrEmpty(token) ? "" : "token=" + Uri.EscapeDataString(token) }.Uri;
        var client = new ClientWebSocket();
        if (compression)
        {
            client.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        }
        try
        {
            var connecting = client.ConnectAsync(uri, cancellationToken);
            if (async) await connecting.ConfigureAwait(false);
            else connecting.GetAwaiter().GetResult();
        }
        catch
        {
            client.Dispose();
            throw;
        }
        var socket = new WsSocket(client, endpoint) { KeepsReplyText = path != "/ws" };
        _ = Task.Run(socket.ReceiveLoopAsync, CancellationToken.None);
        return socket;
    }

    /// <summary>A request id not used before on this socket.</summary>
    public ulong NextRequestId() => (ulong)Interlocked.Increment(ref _lastRequestId);

    /// <summary>
    /// Sends <paramref name="frame"/> and waits up to <paramref name="timeout"/> for its answer: the text reply
    /// with <paramref name="requestId"/>, or (when <paramref name="resultId"/> is not 0) the binary block of that result.
    /// With <paramref name="binary"/> the frame is sent as a binary message (stmt <c>bind</c>/<c>set_tags</c>).
    /// </summary>
    /// <exception cref="WsUnsentException">The request did not reach the server.</exception>
    /// <exception cref="TaosException">The socket broke while waiting, or the timeout passed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async ValueTask<WsFrame> RequestAsync(ulong requestId, ulong resultId, ReadOnlyMemory<byte> frame, TimeSpan timeout, bool async,
        CancellationToken cancellationToken, bool binary = false)
    {
        var waiter = new WsWaiter(requestId, resultId);
        _byRequest[requestId] = waiter;
        if (resultId != 0) _byResult[resultId] = waiter;
        try
        {
            await SendAsync(frame, async, cancellationToken, binary, timeout).ConfigureAwait(false);
            if (Volatile.Read(ref _failure) is { } failure)
            {
                waiter.TrySetException(BrokenException(failure, null));
            }
            if (async) return await waiter.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            // Blocking on the waiter itself: the receive loop's TrySetResult wakes this thread directly (a WaitAsync
            // promise would first queue its completion to the thread pool, one more thread hop per request).
            bool done;
            try
            {
                done = waiter.Task.Wait(timeout, cancellationToken);
            }
            catch (AggregateException)
            {
                done = true; // faulted: GetResult below throws the cause itself
            }
            if (!done) throw new TimeoutException();
            return waiter.Task.GetAwaiter().GetResult();
        }
        catch (TimeoutException e)
        {
            throw new TaosException(WsStrings.Timeout(timeout), innerException: e);
        }
        finally
        {
            Forget(waiter);
        }
    }

    /// <summary>
    /// Sends a request that gets no reply (<c>free_result</c>, stmt <c>close</c>), or the request of
    /// <see cref="RequestAsync"/>; a text message unless <paramref name="binary"/>. A send that does not complete within
    /// <paramref name="timeout"/> (a server that stopped reading) breaks the socket: the frame did not reach the server whole.
    /// </summary>
    /// <exception cref="WsUnsentException">The request did not reach the server (the timeout included).</exception>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> frame, bool async, CancellationToken cancellationToken, bool binary = false, TimeSpan? timeout = null)
    {
        if (Volatile.Read(ref _failure) is { } failure)
        {
            throw new WsUnsentException(WsStrings.Broken(Endpoint, failure), null);
        }
        using var expiry = timeout is { } limit && limit != Timeout.InfiniteTimeSpan ? new CancellationTokenSource(limit) : null;
        try
        {
            if (async) await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            else _sendLock.Wait(cancellationToken);
        }
        catch (ObjectDisposedException e)
        {
            throw new WsUnsentException(WsStrings.Broken(Endpoint, "closed"), e);
        }
        try
        {
            var sending = _socket.SendAsync(frame, binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, endOfMessage: true, expiry?.Token ?? CancellationToken.None);
            if (async) await sending.ConfigureAwait(false);
            else sending.AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e) when (expiry is { IsCancellationRequested: true })
        {
            // A cancelled send aborts the WebSocket: the socket is broken, and the frame never arrived whole.
            string reason = WsStrings.SendTimeout(timeout!.Value);
            Fail(reason);
            throw new WsUnsentException(WsStrings.Broken(Endpoint, reason), e);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            Fail(e.Message);
            throw new WsUnsentException(WsStrings.Broken(Endpoint, e.Message), e);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void Forget(WsWaiter waiter)
    {
        _byRequest.TryRemove(new KeyValuePair<ulong, WsWaiter>(waiter.RequestId, waiter));
        if (waiter.ResultId != 0) _byResult.TryRemove(new KeyValuePair<ulong, WsWaiter>(waiter.ResultId, waiter));
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                int count = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    if (count == buffer.Length)
                    {
                        if (buffer.Length >= MaxMessageBytes) throw new InvalidDataException($"a message larger than {MaxMessageBytes} bytes");
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }
                    received = await _socket.ReceiveAsync(buffer.AsMemory(count), _stop.Token).ConfigureAwait(false);
                    count += received.Count;
                }
                while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    Fail(WsStrings.Closed(Endpoint));
                    return;
                }
                if (received.MessageType == WebSocketMessageType.Text) DispatchText(buffer.AsSpan(0, count));
                else DispatchBinary(buffer.AsSpan(0, count));
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException
            or InvalidDataException or JsonException or InvalidOperationException)
        {
            Fail(e is JsonException ? WsStrings.MalformedReply(e.Message) : e.Message);
        }
    }

    private void DispatchText(ReadOnlySpan<byte> json)
    {
        var reply = WsReply.Parse(json, KeepsReplyText);
        if (_byRequest.TryRemove(reply.RequestId, out var waiter))
        {
            if (waiter.ResultId != 0) _byResult.TryRemove(new KeyValuePair<ulong, WsWaiter>(waiter.ResultId, waiter));
            waiter.TrySetResult(new WsFrame(reply, null));
        }
        else if (reply is { Action: "query", Code: 0, ResultId: > 0 })
        {
            // A query whose waiter gave up (timeout, cancellation) opened a result that no one will read.
            _ = FreeAbandonedAsync(reply.ResultId);
        }
    }

    private void DispatchBinary(ReadOnlySpan<byte> message)
    {
        if (message.Length < 16) throw new InvalidDataException($"a {message.Length}-byte binary frame, shorter than its 16-byte header");
        ulong resultId = BinaryPrimitives.ReadUInt64LittleEndian(message[8..]);
        if (_byResult.TryRemove(resultId, out var waiter))
        {
            _byRequest.TryRemove(new KeyValuePair<ulong, WsWaiter>(waiter.RequestId, waiter));
            var frame = RentFrame(message.Length);
            message.CopyTo(frame);
            if (!waiter.TrySetResult(new WsFrame(null, frame, message.Length))) Recycle(frame);
        }
    }

    /// <summary>
    /// Gives a binary frame (<see cref="WsFrame.Binary"/>) back once nothing reads it or points into it any more:
    /// the receive loop copies a later frame into it instead of allocating one (a block of a few thousand rows is
    /// a large-object allocation, which only a full collection reclaims).
    /// </summary>
    public void Recycle(byte[] frame)
    {
        if (_freeFrames.Count < MaxFreeFrames) _freeFrames.Enqueue(frame);
    }

    // A buffer of at least `length` bytes: a recycled one that is large enough, else a new one with some room
    // (the next blocks of a result are about as large); recycled ones too small are dropped.
    private byte[] RentFrame(int length)
    {
        while (_freeFrames.TryDequeue(out var frame))
        {
            if (frame.Length >= length) return frame;
        }
        return GC.AllocateUninitializedArray<byte>(length + (length / 8));
    }

    private async Task FreeAbandonedAsync(ulong resultId)
    {
        try
        {
            await SendAsync(WsRequests.OfResult("free_result", NextRequestId(), resultId), async: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (WsUnsentException)
        {
            // The socket broke: the server frees the result with it.
        }
    }

    private void Fail(string reason)
    {
        if (Interlocked.CompareExchange(ref _failure, reason, null) is not null) return;
        foreach (var waiter in _byRequest.Values)
        {
            waiter.TrySetException(BrokenException(reason, null));
        }
        foreach (var waiter in _byResult.Values)
        {
            waiter.TrySetException(BrokenException(reason, null));
        }
    }

    private TaosException BrokenException(string reason, Exception? cause) =>
        new(WsStrings.Broken(Endpoint, reason), innerException: new IOException(reason, cause));

    /// <summary>Ends the receive loop and drops the connection; waiters fail as broken.</summary>
    public void Dispose()
    {
        Fail("the connection was closed");
        _stop.Cancel();
        _socket.Abort();
        _socket.Dispose();
        _stop.Dispose();
    }
}
