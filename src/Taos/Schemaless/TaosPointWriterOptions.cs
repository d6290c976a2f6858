namespace Taos.Schemaless;

/// <summary>How a <see cref="TaosPointWriter"/> batches, buffers and retries. The defaults suit most applications.</summary>
public sealed class TaosPointWriterOptions
{
    /// <summary>Points per request: a batch is sent as soon as it holds this many (default 5,000).</summary>
    public int BatchSize { get; set; } = 5_000;

    /// <summary>The longest a point waits for its batch to fill before the batch is sent anyway (default 1 s).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Points buffered before <see cref="TaosPointWriter.WriteAsync(TaosPoint, CancellationToken)"/> waits (and
    /// <see cref="TaosPointWriter.Write(TaosPoint)"/> blocks) for the server to catch up (default 50,000). With the
    /// batch being sent, at most <see cref="Capacity"/> + <see cref="BatchSize"/> points are held in memory.
    /// </summary>
    public int Capacity { get; set; } = 50_000;

    /// <summary>The unit of the points' timestamps on the wire (default nanoseconds, which loses nothing of a <see cref="DateTime"/>).</summary>
    public TaosSchemalessPrecision Precision { get; set; } = TaosSchemalessPrecision.Nanoseconds;

    /// <summary>Days to live of the child tables the writes create; null for none.</summary>
    public int? Ttl { get; set; }

    /// <summary>Times a batch is sent again after a transient failure (network, timeout) before it is reported (default 5).</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The pause before the first retry; it doubles with each further one (default 100 ms).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest pause between two retries (default 10 s).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Called (on the writer's background task) with each batch the server refused or that failed after
    /// <see cref="MaxRetries"/>. Without it, the first such failure is thrown by the next
    /// <see cref="TaosPointWriter.FlushAsync"/> or by disposal.
    /// </summary>
    public Action<TaosPointWriteException>? OnError { get; set; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size, count or time is out of range, or the precision is not a defined value.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(Capacity, 1, nameof(Capacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetries, 0, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FlushInterval, TimeSpan.Zero, nameof(FlushInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryDelay, TimeSpan.Zero, nameof(RetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, RetryDelay, nameof(MaxRetryDelay));
        if (Ttl < 0) throw new ArgumentOutOfRangeException(nameof(Ttl), Ttl, null);
        if (!Enum.IsDefined(Precision)) throw new ArgumentOutOfRangeException(nameof(Precision), Precision, null);
    }
}
