using System.Runtime.CompilerServices;
using Taos.Protocol.RawBlock;
using Taos.Transport;

namespace Taos;

// Results that arrive as raw blocks (ITaosResultBlocks: WebSocket, TMQ): the reader walks a block's rows itself and
// the getters read the current row's values straight out of the block — no row is copied into cells, a string is
// decoded only when asked for. The cell path (Cell, Typed) stays for the reads that need a cell, and for errors.
public sealed partial class TaosDataReader
{
    private ITaosResultBlocks? _blocks;
    // The block of the current row: read only while _onRow (once the reader moves past it, its buffer may be reused).
    private RawBlockView? _block;
    private int _blockRow;

    // Moves to the next row of the block, else to the next block's first row.
    private ValueTask<bool> ReadBlockRowAsync(ITaosResultBlocks blocks, bool async, CancellationToken cancellationToken)
    {
        _hasPending = false;
        if (_block is not { } block)
        {
            _onRow = false;
            return new ValueTask<bool>(false);
        }
        if (++_blockRow < block.Rows) return new ValueTask<bool>(OnRow(true));
        // Past the block's end (also after a failed fetch, which the next Read retries and the result reports).
        _blockRow = block.Rows;
        _onRow = false;
        ValueTask<RawBlockView?> next;
        try
        {
            next = blocks.NextBlockAsync(async, cancellationToken);
        }
        catch
        {
            _statements.Abandon();
            throw;
        }
        return next.IsCompletedSuccessfully ? new ValueTask<bool>(OnRow(OnBlock(next.Result, 0))) : AwaitBlockAsync(next);
    }

    private async ValueTask<bool> AwaitBlockAsync(ValueTask<RawBlockView?> pending)
    {
        try
        {
            return OnRow(OnBlock(await pending.ConfigureAwait(false), 0));
        }
        catch
        {
            // A fetch that fails mid-result (network, malformed block, timeout) abandons the statements after it.
            _statements.Abandon();
            throw;
        }
    }

    // Makes `block` (null at the end) the current block, positioned at `row`; false at the end.
    private bool OnBlock(RawBlockView? block, int row)
    {
        _block = block;
        _blockRow = row;
        return block is not null;
    }

    // True on a row of a block, for a column whose type allows the read: the getter then reads the value straight from
    // the block, unless it is NULL. Otherwise the getter takes the cell path, which throws what it should.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool InBlock(int ordinal, ColumnReads read) =>
        _onRow && _block is not null && _reads is var reads && (uint)ordinal < (uint)reads.Length && (reads[ordinal] & read) != 0;

    // The current row's integer (or timestamp) in column `ordinal` of the block, when InBlock and not NULL.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryBlockInteger(int ordinal, ColumnReads read, out long value)
    {
        if (InBlock(ordinal, read)) return _block!.TryInteger(_blockRow, ordinal, out value);
        value = 0;
        return false;
    }
}
