using Taos.Protocol.RawBlock;
using Taos.Server.Engine;

namespace Taos.Server.Endpoints.WebSocket;

/// <summary>
/// A result set a <c>query</c> opened on a connection: rows are pulled block by block on <c>fetch</c>, and the
/// block the last <c>fetch</c> prepared is what <c>fetch_block</c> sends. A result that comes as typed batches
/// (<see cref="RowSetResult.Batches"/>) is encoded from its vectors (<see cref="VectorBlock"/>), any other from its rows.
/// </summary>
internal sealed class WsResult : IDisposable
{
    private readonly RowSetResult _rowSet;
    private readonly List<object?[]> _blockRows = [];
    private IEnumerator<object?[]>? _rows;
    private VectorBlock? _vectors;
    private byte[] _buffer = [];
    private bool _disposed;

    public WsResult(ulong id, RowSetResult rowSet)
    {
        Id = id;
        _rowSet = rowSet;
        Columns = rowSet.Columns.Select(c => RawBlockColumn.FromDeclared(c.Type, c.Length)).ToArray();
    }

    /// <summary>Bytes before the raw block in <see cref="Block"/>: the <c>fetch_block</c> frame's timing and result id.</summary>
    public const int FrameHeaderSize = 16;

    /// <summary>Runs once when the result is disposed (freed, or its connection closed): the query's end in perf_queries.</summary>
    public Action? Freed { get; init; }

    /// <summary>The result id the client names it by.</summary>
    public ulong Id { get; }

    /// <summary>The columns as the query reported them.</summary>
    public IReadOnlyList<ResultColumn> ResultColumns => _rowSet.Columns;

    /// <summary>The block schema: what <c>fetch</c> reports as <c>lengths</c>.</summary>
    public IReadOnlyList<RawBlockColumn> Columns { get; }

    /// <summary>The rows come out of a sort (<see cref="RowSetResult.Sorted"/>).</summary>
    public bool Sorted => _rowSet.Sorted;

    /// <summary>
    /// The raw block the last <c>fetch</c> prepared after <see cref="FrameHeaderSize"/> bytes left for the frame's
    /// header, or null. It lives in a buffer the result reuses: the next <c>fetch</c> overwrites it (the endpoint
    /// sends one answer before it reads the next request).
    /// </summary>
    public Memory<byte>? Block { get; private set; }

    /// <summary>
    /// Reads up to <paramref name="maxRows"/> more rows into <see cref="Block"/>; returns their count, 0 when the
    /// result is exhausted (its rows are then released).
    /// </summary>
    /// <exception cref="TaosServerException">Reading the rows failed.</exception>
    public int FetchBlock(int maxRows)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Block = null;
        int count = _rowSet.Batches is { } batches ? FetchVectors(batches, maxRows) : FetchRows(maxRows);
        if (count < maxRows)
        {
            ReleaseRows();
        }
        return count;
    }

    private int FetchVectors(IEnumerable<ResultBatch> batches, int maxRows)
    {
        _vectors ??= new VectorBlock(batches, Columns);
        int count = _vectors.Fill(maxRows);
        if (count > 0)
        {
            int used = RawBlockWriter.Write(Columns, _vectors.Vectors, count, ref _buffer, FrameHeaderSize);
            Block = _buffer.AsMemory(0, used);
        }
        return count;
    }

    private int FetchRows(int maxRows)
    {
        _rows ??= _rowSet.Rows.GetEnumerator();
        var rows = _blockRows;
        rows.Clear();
        while (rows.Count < maxRows && _rows.MoveNext())
        {
            rows.Add(_rows.Current);
        }
        int count = rows.Count;
        if (count > 0)
        {
            int used = RawBlockWriter.Write(Columns, rows, ref _buffer, FrameHeaderSize);
            Block = _buffer.AsMemory(0, used);
        }
        rows.Clear();
        return count;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        Block = null;
        _buffer = [];
        ReleaseRows();
        (_rowSet.Rows as IDisposable)?.Dispose();
        Freed?.Invoke();
    }

    private void ReleaseRows()
    {
        _rows?.Dispose();
        _rows = Enumerable.Empty<object?[]>().GetEnumerator();
        _vectors?.Dispose();
    }
}
