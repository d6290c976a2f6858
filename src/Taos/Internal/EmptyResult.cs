using Taos.Protocol;
using Taos.Transport;

namespace Taos;

/// <summary>The result of a command whose text holds no statement (only comments): no columns, no rows, no affected rows.</summary>
internal sealed class EmptyResult : ITaosResult
{
    public static readonly EmptyResult Instance = new();

    private EmptyResult()
    {
    }

    public IReadOnlyList<TaosColumnMeta> Columns => [];

    public long? AffectedRows => null;

    public long? RowCount => 0;

    public ValueTask<bool> ReadRowAsync(TaosValue[] row, bool async, CancellationToken cancellationToken) => new(false);

    public void Dispose()
    {
    }

    public ValueTask DisposeAsync() => default;
}
