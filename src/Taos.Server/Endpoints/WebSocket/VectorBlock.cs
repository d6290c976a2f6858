using Taos.Protocol.RawBlock;
using Taos.Server.Engine;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Endpoints.WebSocket;

/// <summary>
/// Gathers the rows of a result's <see cref="ResultBatch"/>es into typed arrays of one block's size for
/// <see cref="RawBlockWriter"/> (a block may span several scan batches, a batch several blocks), copying values
/// array to array without boxing them. The arrays are kept from block to block.
/// </summary>
internal sealed class VectorBlock : IDisposable
{
    private readonly IEnumerator<ResultBatch> _batches;
    private readonly VectorStorage[] _storage;
    private readonly RawBlockVector[] _vectors;
    private ResultBatch? _current;
    private int _taken;
    private bool _done;

    /// <summary>Reads <paramref name="batches"/> of result columns typed <paramref name="columns"/>.</summary>
    public VectorBlock(IEnumerable<ResultBatch> batches, IReadOnlyList<RawBlockColumn> columns)
    {
        _batches = batches.GetEnumerator();
        _storage = columns.Select(c => ColumnVector.StorageOf(c.Type)).ToArray();
        _vectors = new RawBlockVector[columns.Count];
        for (int c = 0; c < _vectors.Length; c++) _vectors[c] = new RawBlockVector([], [], [], []);
    }

    /// <summary>The block's values after <see cref="Fill"/>, one vector per result column.</summary>
    public IReadOnlyList<RawBlockVector> Vectors => _vectors;

    /// <summary>Takes up to <paramref name="maxRows"/> more rows into <see cref="Vectors"/>; returns their count (0 at the end).</summary>
    /// <exception cref="TaosServerException">Reading the rows failed.</exception>
    public int Fill(int maxRows)
    {
        Reserve(maxRows);
        int filled = 0;
        while (filled < maxRows && !_done)
        {
            if (_current is null || _taken == _current.Length)
            {
                _done = !_batches.MoveNext();
                _current = _done ? null : _batches.Current;
                _taken = 0;
                continue;
            }
            int take = Math.Min(maxRows - filled, _current.Length - _taken);
            for (int c = 0; c < _vectors.Length; c++) Copy(_current, c, take, filled);
            _taken += take;
            filled += take;
        }
        return filled;
    }

    /// <summary>Ends the reading of the batches (their scan's statement and connection go back).</summary>
    public void Dispose()
    {
        _done = true;
        _current = null;
        _batches.Dispose();
    }

    private void Reserve(int rows)
    {
        if (_vectors.Length == 0 || _vectors[0].Nulls.Length >= rows) return;
        for (int c = 0; c < _vectors.Length; c++)
        {
            _vectors[c] = _storage[c] switch
            {
                VectorStorage.Longs => new RawBlockVector(new bool[rows], new long[rows], [], []),
                VectorStorage.Doubles => new RawBlockVector(new bool[rows], [], new double[rows], []),
                _ => new RawBlockVector(new bool[rows], [], [], new object?[rows]),
            };
        }
    }

    // Copies `count` result rows of column c from the current batch (from row _taken) to the block's row `at`.
    private void Copy(ResultBatch batch, int c, int count, int at)
    {
        var from = batch.Columns[c];
        var to = _vectors[c];
        var storage = _storage[c];
        if (batch.IsContiguous)
        {
            Array.Copy(from.Nulls, _taken, to.Nulls, at, count);
            switch (storage)
            {
                case VectorStorage.Longs: Array.Copy(from.Longs, _taken, to.Longs, at, count); break;
                case VectorStorage.Doubles: Array.Copy(from.Doubles, _taken, to.Doubles, at, count); break;
                default: Array.Copy(from.Objects, _taken, to.Objects, at, count); break;
            }
            return;
        }
        for (int k = 0; k < count; k++)
        {
            int row = batch.RowAt(_taken + k);
            to.Nulls[at + k] = from.Nulls[row];
            switch (storage)
            {
                case VectorStorage.Longs: to.Longs[at + k] = from.Longs[row]; break;
                case VectorStorage.Doubles: to.Doubles[at + k] = from.Doubles[row]; break;
                default: to.Objects[at + k] = from.Objects[row]; break;
            }
        }
    }
}
