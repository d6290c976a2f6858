namespace Taos.Transport.Rest;

/// <summary>
/// The body of a REST answer with the request's timeout armed only while a read of it waits: the timeout bounds
/// each wait for data, not the whole answer nor the time the caller spends on the rows already received. The
/// timeout's source is <see cref="RestResult"/>'s, whose cancellation closes the response — which also ends a
/// synchronous read. Rows decoded from bytes already read touch no timer at all.
/// </summary>
internal sealed class ReadTimeoutStream(Stream inner, CancellationTokenSource timeout, TimeSpan limit) : Stream
{
    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        timeout.CancelAfter(limit);
        int read = inner.Read(buffer);
        timeout.CancelAfter(Timeout.InfiniteTimeSpan);
        return read;
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        timeout.CancelAfter(limit);
        int read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        timeout.CancelAfter(Timeout.InfiniteTimeSpan);
        return read;
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

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
