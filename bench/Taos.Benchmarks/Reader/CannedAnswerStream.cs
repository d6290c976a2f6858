using System.Buffers;
using Taos.Protocol.Rest;

namespace Taos.Benchmarks.Reader;

/// <summary>
/// <see cref="CannedAnswer"/> with any number of rows, written as it is read: the body is never whole in memory, so
/// the heap a reader keeps while streaming it is the reader's own.
/// </summary>
internal sealed class CannedAnswerStream : Stream
{
    private const int Chunk = 64 * 1024;

    private readonly long _rows;
    private readonly ArrayBufferWriter<byte> _output = new(2 * Chunk);
    private readonly RestEnvelopeWriter _writer;
    private readonly object?[] _row = new object?[CannedAnswer.Types.Length];
    private long _written;
    private int _position;
    private bool _ended;

    /// <summary>An answer of <paramref name="rows"/> rows.</summary>
    public CannedAnswerStream(long rows)
    {
        _rows = rows;
        _writer = new RestEnvelopeWriter(_output);
        CannedAnswer.WriteStart(_writer);
    }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (_position == _output.WrittenCount)
        {
            Refill();
        }
        int n = Math.Min(buffer.Length, _output.WrittenCount - _position);
        _output.WrittenSpan.Slice(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    /// <inheritdoc/>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(Read(buffer.Span));

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    private void Refill()
    {
        _output.ResetWrittenCount();
        _position = 0;
        while (_output.WrittenCount < Chunk && _written < _rows)
        {
            CannedAnswer.WriteRow(_writer, _row, _written++);
        }
        if (_written == _rows && !_ended && _output.WrittenCount < Chunk)
        {
            _writer.WriteResultEnd();
            _ended = true;
        }
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
