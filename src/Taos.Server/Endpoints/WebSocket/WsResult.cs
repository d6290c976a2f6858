using Taos.Protocol.RawBlock;
using Taos.Server.Engine;

namespace Taos.Server.Endpoints.WebSocket;

/// <summary>
/// A result set a <c>query</c> opened on a connection: rows are pulled block by block on <c>fetch</c>, and the
/// block the last <c>fetch</c> prepared is what <c>fetch_block</c> sends.
/// </summary>
internal sealed class WsResult : IDisposable
{
    private readonly RowSetResult _rowSet;
    private readonly List<object?[]> _blockRows = [];
    private IEnumerator<object?[]>? _rows;
    private bool _disposed;

    public WsResult(ulong id, RowSetResult rowSet)
    {
        Id = id;
        _rowSet = rowSet;
        Columns = rowSet.Columns.Select(c => RawBlockColumn.FromDeclared(c.Type, c.Length)).ToArray();
    }

    /// <summary>Bytes before the raw block in <see cref="Block"/>: the <c>fetch_block</c> frame's timing and result id.</summary>
    public const int FrameHeaderSize = 16;

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
    /// header, or null.
    /// </summary>
    public byte[]? Block { get; private set; }

    /// <summary>
    /// Reads up to <paramref name="maxRows"/> more rows into <see cref="Block"/>; returns their count, 0 when the
    /// result is exhausted (its rows are then released).
    /// </summary>
    /// <exception cref="TaosServerException">Reading the rows failed.</exception>
    public int FetchBlock(int maxRows)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _rows ??= _rowSet.Rows.GetEnumerator();
        var rows = _blockRows;
        rows.Clear();
        while (rows.Count < maxRows && _rows.MoveNext())
        {
            rows.Add(_rows.Current);
        }
        if (rows.Count < maxRows)
        {
            ReleaseRows();
        }
        int count = rows.Count;
        Block = count == 0 ? null : RawBlockWriter.Write(Columns, rows, reserve: FrameHeaderSize);
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
        ReleaseRows();
        (_rowSet.Rows as IDisposable)?.Dispose();
    }

    private void ReleaseRows()
    {
        _rows?.Dispose();
        _rows = Enumerable.Empty<object?[]>().GetEnumerator();
    }
}
