using Taos.Protocol;
using Taos.Protocol.RawBlock;
using Taos.Transport;

namespace Taos.Tmq;

/// <summary>
/// The rows of a message's blocks (already received) as one result a <see cref="TaosDataReader"/> reads: block after
/// block, each read in place (by rows, or by blocks for the reader's getters). All blocks have the columns of the first one.
/// </summary>
internal sealed class TmqBlockResult(IReadOnlyList<TaosColumnMeta> columns, IReadOnlyList<RawBlockView> blocks) : ITaosResultBlocks
{
    private int _block;
    private int _row;
    private long _rows;

    public IReadOnlyList<TaosColumnMeta> Columns { get; } = columns;

    public long? AffectedRows => null;

    public long? RowCount => _block >= blocks.Count ? _rows : null;

    public ValueTask<bool> ReadRowAsync(TaosValue[] row, bool async, CancellationToken cancellationToken)
    {
        while (_block < blocks.Count)
        {
            var block = blocks[_block];
            if (_row < block.Rows)
            {
                block.Fill(_row++, row, Columns.Count > 0 ? Columns[0].Precision : TaosPrecision.Milliseconds, null);
                _rows++;
                return new ValueTask<bool>(true);
            }
            _block++;
            _row = 0;
        }
        return new ValueTask<bool>(false);
    }

    public ValueTask<RawBlockView?> NextBlockAsync(bool async, CancellationToken cancellationToken)
    {
        while (_block < blocks.Count)
        {
            var block = blocks[_block];
            if (_row < block.Rows)
            {
                // The block is handed out whole: its rows count as read.
                _rows += block.Rows - _row;
                _row = block.Rows;
                return new ValueTask<RawBlockView?>(block);
            }
            _block++;
            _row = 0;
        }
        return new ValueTask<RawBlockView?>((RawBlockView?)null);
    }

    /// <summary>Nothing to release: the blocks belong to the message.</summary>
    public void Dispose()
    {
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync() => default;
}
