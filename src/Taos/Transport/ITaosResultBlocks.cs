using Taos.Protocol.RawBlock;

namespace Taos.Transport;

/// <summary>
/// A result whose rows arrive as raw blocks (WebSocket, TMQ), offered block by block: <see cref="TaosDataReader"/>
/// walks a block's rows itself and its getters read each value in place (<see cref="RawBlockView"/>), without copying
/// rows into cells. Optional: the reader uses it when the result implements it, else
/// <see cref="ITaosResult.ReadRowAsync"/>. A result is read one way or the other, never both.
/// </summary>
internal interface ITaosResultBlocks : ITaosResult
{
    /// <summary>
    /// Moves to the next block that has rows and returns it; null at the end. The block returned before goes back to
    /// its owner (its buffer may be reused at once): nothing of it is read after this call.
    /// </summary>
    ValueTask<RawBlockView?> NextBlockAsync(bool async, CancellationToken cancellationToken);
}
