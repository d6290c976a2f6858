namespace Taos.Transport.WebSocket;

/// <summary>
/// A request waiting for its answer: found by <c>req_id</c> for text replies and, for <c>fetch_block</c>, by the
/// result id that the binary frame carries.
/// </summary>
internal sealed class WsWaiter(ulong requestId, ulong resultId) : TaskCompletionSource<WsFrame>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    /// <summary>The request's <c>req_id</c>.</summary>
    public ulong RequestId { get; } = requestId;

    /// <summary>The result whose binary block answers it, or 0.</summary>
    public ulong ResultId { get; } = resultId;
}
