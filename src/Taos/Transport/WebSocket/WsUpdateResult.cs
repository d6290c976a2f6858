using Taos.Protocol;

namespace Taos.Transport.WebSocket;

/// <summary>The answer to a statement without result set (INSERT, DDL): its affected rows, no columns, no rows.</summary>
internal sealed class WsUpdateResult(long affectedRows) : ITaosResult
{
    public IReadOnlyList<TaosColumnMeta> Columns => [];

    public long? AffectedRows { get; } = affectedRows;

    public long? RowCount => 0;

    public ValueTask<bool> ReadRowAsync(TaosValue[] row, bool async, CancellationToken cancellationToken) => new(false);

    public void Dispose()
    {
    }

    public ValueTask DisposeAsync() => default;
}
