using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading.Channels;

namespace Taos.Schemaless;

/// <summary>
/// Writes points to TDengine in the background through schemaless line protocol: points built with
/// <see cref="TaosPoint"/>, or objects whose properties are marked <see cref="TaosTagAttribute"/>,
/// <see cref="TaosFieldAttribute"/> and <see cref="TaosTimestampAttribute"/> (the class may name its measurement with
/// <see cref="TaosMeasurementAttribute"/>). Points are buffered in a bounded queue (<see cref="TaosPointWriterOptions.Capacity"/>:
/// <see cref="WriteAsync(TaosPoint, CancellationToken)"/> waits and <see cref="Write(TaosPoint)"/> blocks while it is
/// full, so a producer faster than the server is slowed down instead of filling memory) and sent by one background
/// task in batches of <see cref="TaosPointWriterOptions.BatchSize"/>, or after <see cref="TaosPointWriterOptions.FlushInterval"/>.
/// A batch that fails transiently (network, timeout) is sent again with a growing pause (TDengine overwrites rows of
/// the same timestamp, so a batch written twice leaves one copy of points that carry a timestamp); one the server
/// refuses (a bad point fails its whole batch) is reported to <see cref="TaosPointWriterOptions.OnError"/>, or thrown
/// by the next <see cref="FlushAsync"/> or the disposal. Disposing sends everything written before it: on a clean
/// shutdown nothing is lost. <see cref="Write(TaosPoint)"/> and <see cref="WriteAsync(TaosPoint, CancellationToken)"/>
/// may be called from several threads at once.
/// </summary>
public sealed class TaosPointWriter : IAsyncDisposable, IDisposable
{
    private readonly TaosDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly int _batchSize;
    private readonly TimeSpan _flushInterval;
    private readonly TaosSchemalessPrecision _precision;
    private readonly int? _ttl;
    private readonly int _maxRetries;
    private readonly TimeSpan _retryDelay;
    private readonly TimeSpan _maxRetryDelay;
    private readonly Action<TaosPointWriteException>? _onError;
    private readonly Channel<Item> _queue;
    private readonly StringBuilder _text = new();
    private readonly Task _loop;
    private TaosConnection? _connection;
    private Exception? _failure;
    private long _written;
    private long _failed;
    private int _disposed;

    /// <summary>A point to write, or a flush request that completes once everything before it is sent.</summary>
    private readonly record struct Item(TaosPoint? Point, TaskCompletionSource? Flushed);

    // RS0026 guards against overloads told apart only by their optional parameters; these differ in a required one
    // (data source or connection string; point or object).
#pragma warning disable RS0026
    /// <summary>Creates a writer into the database of <paramref name="dataSource"/>'s connection string.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public TaosPointWriter(TaosDataSource dataSource, TaosPointWriterOptions? options = null)
        : this(dataSource, ownsDataSource: false, options)
    {
    }

    /// <summary>Creates a writer, with a data source of its own, into the database of <paramref name="connectionString"/>.</summary>
    /// <exception cref="ArgumentException">The connection string is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public TaosPointWriter(string connectionString, TaosPointWriterOptions? options = null)
        : this(TaosDataSource.Create(connectionString), ownsDataSource: true, options)
    {
    }

    private TaosPointWriter(TaosDataSource dataSource, bool ownsDataSource, TaosPointWriterOptions? options)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        options ??= new TaosPointWriterOptions();
        try
        {
            options.Validate();
        }
        catch when (ownsDataSource)
        {
            dataSource.Dispose();
            throw;
        }
        (_dataSource, _ownsDataSource) = (dataSource, ownsDataSource);
        (_batchSize, _flushInterval, _precision, _ttl) = (options.BatchSize, options.FlushInterval, options.Precision, options.Ttl);
        (_maxRetries, _retryDelay, _maxRetryDelay, _onError) = (options.MaxRetries, options.RetryDelay, options.MaxRetryDelay, options.OnError);
        _queue = Channel.CreateBounded<Item>(new BoundedChannelOptions(options.Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Points the server has acknowledged.</summary>
    public long PointsWritten => Interlocked.Read(ref _written);

    /// <summary>Points of batches that were reported as failed.</summary>
    public long PointsFailed => Interlocked.Read(ref _failed);

    /// <summary>Points queued and not yet taken into a batch (at most <see cref="TaosPointWriterOptions.Capacity"/>).</summary>
    internal int Queued => _queue.Reader.Count;

    /// <summary>Queues <paramref name="point"/>, waiting while the queue is full.</summary>
    /// <exception cref="InvalidOperationException">The point has no field.</exception>
    /// <exception cref="ObjectDisposedException">The writer is disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired while waiting; the point is not queued.</exception>
    public ValueTask WriteAsync(TaosPoint point, CancellationToken cancellationToken = default)
    {
        Check(point);
        return _queue.Writer.TryWrite(new Item(point, null)) ? default : EnqueueAsync(new Item(point, null), cancellationToken);
    }

    /// <summary>Queues the point of <paramref name="item"/> (see <see cref="TaosPointWriter"/>), waiting while the queue is full.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no <see cref="TaosFieldAttribute"/> property, or one of a type the writer cannot write.</exception>
    /// <exception cref="ArgumentException">A value the line protocol cannot carry (see <see cref="TaosPoint"/>).</exception>
    /// <exception cref="ObjectDisposedException">The writer is disposed.</exception>
    public ValueTask WriteAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(T item,
        CancellationToken cancellationToken = default) where T : class =>
        WriteAsync(TaosPointMapper<T>.ToPoint(item), cancellationToken);
#pragma warning restore RS0026

    /// <summary>Queues <paramref name="point"/>, blocking the calling thread while the queue is full.</summary>
    /// <exception cref="InvalidOperationException">The point has no field.</exception>
    /// <exception cref="ObjectDisposedException">The writer is disposed.</exception>
    public void Write(TaosPoint point)
    {
        Check(point);
        if (!_queue.Writer.TryWrite(new Item(point, null)))
        {
            EnqueueAsync(new Item(point, null), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Queues the point of <paramref name="item"/>, blocking the calling thread while the queue is full.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no <see cref="TaosFieldAttribute"/> property, or one of a type the writer cannot write.</exception>
    /// <exception cref="ArgumentException">A value the line protocol cannot carry (see <see cref="TaosPoint"/>).</exception>
    /// <exception cref="ObjectDisposedException">The writer is disposed.</exception>
    public void Write<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(T item) where T : class =>
        Write(TaosPointMapper<T>.ToPoint(item));

    /// <summary>
    /// Sends every point queued before the call and waits until the server has answered for them; then throws the
    /// first failure not yet reported, when there is no <see cref="TaosPointWriterOptions.OnError"/>.
    /// </summary>
    /// <exception cref="TaosPointWriteException">A batch failed (and there is no <see cref="TaosPointWriterOptions.OnError"/>).</exception>
    /// <exception cref="ObjectDisposedException">The writer is disposed.</exception>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await EnqueueAsync(new Item(null, flushed), cancellationToken).ConfigureAwait(false);
        await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        ThrowFailure();
    }

    /// <summary>
    /// Sends every queued point, then ends the background task and closes the writer's connection (and its own data
    /// source). Throws the first failure not yet reported when there is no <see cref="TaosPointWriterOptions.OnError"/>.
    /// </summary>
    /// <exception cref="TaosPointWriteException">A batch failed (and there is no <see cref="TaosPointWriterOptions.OnError"/>).</exception>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _queue.Writer.TryComplete();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        finally
        {
            if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
            if (_ownsDataSource) await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
        ThrowFailure();
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static void Check(TaosPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (!point.HasFields) throw new InvalidOperationException(SchemalessStrings.NoFields);
    }

    private async ValueTask EnqueueAsync(Item item, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException e)
        {
            throw new ObjectDisposedException(SchemalessStrings.WriterDisposed, e);
        }
    }

    private void ThrowFailure()
    {
        if (Interlocked.Exchange(ref _failure, null) is { } failure) ExceptionDispatchInfo.Throw(failure);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var batch = new List<TaosPoint>(Math.Min(_batchSize, 1024));
            var flushed = await FillAsync(reader, batch).ConfigureAwait(false);
            if (batch.Count > 0) await SendAsync(batch).ConfigureAwait(false);
            flushed?.TrySetResult();
        }
    }

    /// <summary>
    /// Takes points into <paramref name="batch"/> until it is full, <see cref="TaosPointWriterOptions.FlushInterval"/>
    /// passed since it was started, the queue is completed, or a flush request comes (returned).
    /// </summary>
    private async ValueTask<TaskCompletionSource?> FillAsync(ChannelReader<Item> reader, List<TaosPoint> batch)
    {
        long started = Environment.TickCount64;
        while (true)
        {
            while (batch.Count < _batchSize && reader.TryRead(out var item))
            {
                if (item.Flushed is not null) return item.Flushed;
                batch.Add(item.Point!);
            }
            var remaining = _flushInterval - TimeSpan.FromMilliseconds(Environment.TickCount64 - started);
            if (batch.Count >= _batchSize || remaining <= TimeSpan.Zero) return null;
            using var wait = new CancellationTokenSource(remaining);
            try
            {
                if (!await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false)) return null;
            }
            catch (OperationCanceledException) when (wait.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    /// <summary>Sends one batch, retrying transient failures with a doubling pause; reports it when it cannot be written.</summary>
    private async Task SendAsync(List<TaosPoint> batch)
    {
        _text.Clear();
        foreach (var point in batch)
        {
            point.AppendTo(_text, _precision);
            _text.Append('\n');
        }
        string text = _text.ToString();
        var delay = _retryDelay;
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                _connection ??= await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
                await _connection.SchemalessInsertAsync(text, TaosSchemalessProtocol.Line, _precision, _ttl).ConfigureAwait(false);
                Interlocked.Add(ref _written, batch.Count);
                return;
            }
            catch (TaosException e) when (e.IsTransient && attempt < _maxRetries)
            {
                await DropConnectionAsync().ConfigureAwait(false);
                await Task.Delay(delay).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _maxRetryDelay.Ticks));
            }
            catch (Exception e)
            {
                // Whatever the cause (the server's refusal, the data source disposed…), the batch is reported and the
                // background task goes on with the next one, so that flushes and the disposal always complete.
                if (e is TaosException { IsTransient: true }) await DropConnectionAsync().ConfigureAwait(false);
                Report(new TaosPointWriteException(batch, e));
                return;
            }
        }
    }

    private async ValueTask DropConnectionAsync()
    {
        var connection = _connection;
        _connection = null;
        if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
    }

    private void Report(TaosPointWriteException failure)
    {
        Interlocked.Add(ref _failed, failure.Points.Count);
        if (_onError is null)
        {
            Interlocked.CompareExchange(ref _failure, failure, null);
            return;
        }
        try
        {
            _onError(failure);
        }
        catch (Exception e)
        {
            // The callback's own failure is not lost: the next flush or the disposal throws it.
            Interlocked.CompareExchange(ref _failure, e, null);
        }
    }
}
