using System.Runtime.CompilerServices;

namespace Taos.Tmq;

/// <summary>
/// A TDengine data subscription (TMQ) consumer over taosAdapter's <c>/rest/tmq</c> WebSocket, shaped like
/// Confluent.Kafka's consumer and the official TDengine connectors': <see cref="Subscribe(IEnumerable{string})"/> to topics,
/// <see cref="Consume(TimeSpan)"/> messages (or stream them with <see cref="ConsumeAsync(CancellationToken)"/>),
/// <see cref="Commit"/> what was consumed; a consumer group reads each row once when it commits.
/// </summary>
/// <remarks>
/// <para>The consumer connects on its first call. Calls are serialized (one request at a time, as the protocol wants);
/// the consumer is meant for one thread at a time like Kafka's.</para>
/// <para>Errors: TDengine's answers become <see cref="TaosException"/>s with its code and message (an unknown topic is
/// 993 <c>Topic not exist</c>, subscribing again without <see cref="Unsubscribe"/> 65535
/// <c>tmq should have unsubscribed first</c>, consuming before subscribing 65535 <c>tmq not init</c>); the consumer
/// stays usable after each. A dropped connection is a <see cref="TaosException"/> with
/// <see cref="TaosException.ClientErrorCode"/> — or, with <see cref="TaosConsumerConfig.AutoReconnect"/>, is replaced within
/// the call — and the next call connects again and subscribes to the same topics: the group then continues from its
/// committed offsets, so what was consumed but not committed is delivered again. A call cancelled while waiting for
/// the server drops the connection the same way.</para>
/// <para>Auto-commit (<see cref="TaosConsumerConfig.EnableAutoCommit"/>) is done by the server at poll time, as
/// taosAdapter does, and by <see cref="Close"/>.</para>
/// </remarks>
public sealed class TaosConsumer : IDisposable, IAsyncDisposable
{
    private readonly TaosConsumerConfig _config;
    private readonly IReadOnlyList<Uri> _endpoints;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TmqChannel? _channel;
    private int _endpoint;
    private ulong _lastMessageId;
    private IReadOnlyList<string> _topics = [];
    private bool _closed;

    /// <summary>Creates a consumer (it connects on its first call) with a copy of <paramref name="config"/>.</summary>
    /// <exception cref="ArgumentException">The configuration has no group id, or an invalid value.</exception>
    public TaosConsumer(TaosConsumerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        _config = config.Copy();
        _endpoints = config.Endpoints();
    }

    /// <summary>Creates a consumer from TDengine's consumer keys (<c>group.id</c>, <c>td.connect.ip</c>, …; see <see cref="TaosConsumerConfig"/>).</summary>
    /// <exception cref="ArgumentException">A key is unknown, a value invalid, or <c>group.id</c> is missing.</exception>
    public TaosConsumer(IEnumerable<KeyValuePair<string, string>> config)
        : this(new TaosConsumerConfig(config))
    {
    }

    /// <summary>The topics the consumer is subscribed to (empty before <see cref="Subscribe(IEnumerable{string})"/> and after <see cref="Unsubscribe"/>).</summary>
    public IReadOnlyList<string> Subscription => _topics;

    /// <summary>Subscribes to <paramref name="topics"/>.</summary>
    /// <exception cref="TaosException">A topic does not exist (993), or the consumer is subscribed already (65535).</exception>
    public void Subscribe(IEnumerable<string> topics) => SubscribeAsync(topics, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Subscribes to one topic.</summary>
    /// <inheritdoc cref="Subscribe(IEnumerable{string})"/>
    public void Subscribe(string topic) => Subscribe([topic]);

    /// <inheritdoc cref="Subscribe(IEnumerable{string})"/>
    public Task SubscribeAsync(IEnumerable<string> topics, CancellationToken cancellationToken = default) =>
        SubscribeAsync(topics, true, cancellationToken).AsTask();

    private async ValueTask SubscribeAsync(IEnumerable<string> topics, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topics);
        string[] list = [.. topics];
        if (list.Length == 0 || list.Any(string.IsNullOrEmpty)) throw new ArgumentException(TmqStrings.NoTopics, nameof(topics));
        await RunAsync(async (channel, a, ct) =>
        {
            await channel.SubscribeAsync(_config, list, a, ct).ConfigureAwait(false);
            _topics = Array.AsReadOnly(list);
            return 0;
        }, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the next message and reads all its rows; null when none came.
    /// </summary>
    /// <exception cref="TaosException">The consumer is not subscribed (65535 <c>tmq not init</c>), or the connection failed.</exception>
    public TaosConsumeResult? Consume(TimeSpan timeout) => ConsumeAsync(timeout, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Consume(TimeSpan)"/>
    public Task<TaosConsumeResult?> ConsumeAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        ConsumeAsync(timeout, true, cancellationToken).AsTask();

    /// <summary>
    /// The messages, as they come, until <paramref name="cancellationToken"/> fires: each poll waits up to
    /// <see cref="TaosConsumerConfig.ConsumeBlockingTime"/>. Cancellation is observed between polls, so a message
    /// the server already handed out is still delivered and the connection is kept.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    /// <exception cref="TaosException">As <see cref="Consume(TimeSpan)"/>.</exception>
    public async IAsyncEnumerable<TaosConsumeResult> ConsumeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await ConsumeAsync(_config.ConsumeBlockingTime, true, CancellationToken.None).ConfigureAwait(false) is { } result)
            {
                yield return result;
            }
        }
    }

    private ValueTask<TaosConsumeResult?> ConsumeAsync(TimeSpan timeout, bool async, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        return RunAsync(async (channel, a, ct) =>
        {
            while (await channel.PollAsync(timeout, a, ct).ConfigureAwait(false) is { } polled)
            {
                _lastMessageId = polled.MessageId;
                string? meta = polled.HasMeta ? await channel.FetchJsonMetaAsync(polled.MessageId, a, ct).ConfigureAwait(false) : null;
                var blocks = polled.HasData ? await channel.FetchAllAsync(polled.MessageId, a, ct).ConfigureAwait(false) : [];
                return new TaosConsumeResult(polled, blocks, meta);
            }
            return (TaosConsumeResult?)null;
        }, async, cancellationToken);
    }

    /// <summary>Commits, for the consumer group, everything consumed so far.</summary>
    /// <exception cref="TaosException">The server refused, or the connection failed.</exception>
    public void Commit() => CommitAsync(false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Commit"/>
    public Task CommitAsync(CancellationToken cancellationToken = default) => CommitAsync(true, cancellationToken).AsTask();

    private async ValueTask CommitAsync(bool async, CancellationToken cancellationToken) =>
        await RunAsync(async (channel, a, ct) =>
        {
            await channel.CommitAsync(_lastMessageId, a, ct).ConfigureAwait(false);
            return 0;
        }, async, cancellationToken).ConfigureAwait(false);

    /// <summary>Commits <paramref name="offset"/> as the group's offset in one vgroup of a topic.</summary>
    /// <exception cref="TaosException">The server refused, or the connection failed.</exception>
    public void CommitOffset(string topic, int vgroupId, long offset) =>
        AtOffsetAsync("commit_offset", new(topic, vgroupId, offset), false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="CommitOffset"/>
    public Task CommitOffsetAsync(string topic, int vgroupId, long offset, CancellationToken cancellationToken = default) =>
        AtOffsetAsync("commit_offset", new(topic, vgroupId, offset), true, cancellationToken).AsTask();

    /// <summary>Moves the consumer's position in one vgroup of a topic: the next messages are read from <paramref name="offset"/> (again).</summary>
    /// <exception cref="TaosException">The server refused, or the connection failed.</exception>
    public void Seek(string topic, int vgroupId, long offset) =>
        AtOffsetAsync("seek", new(topic, vgroupId, offset), false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Seek"/>
    public Task SeekAsync(string topic, int vgroupId, long offset, CancellationToken cancellationToken = default) =>
        AtOffsetAsync("seek", new(topic, vgroupId, offset), true, cancellationToken).AsTask();

    private async ValueTask AtOffsetAsync(string action, TaosTopicPartitionOffset at, bool async, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(at.Topic, "topic");
        await RunAsync(async (channel, a, ct) =>
        {
            await channel.AtOffsetAsync(action, at, a, ct).ConfigureAwait(false);
            return 0;
        }, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The vgroups of every subscribed topic, with the consumer's offset and the range each vgroup holds.</summary>
    /// <exception cref="TaosException">The server refused, or the connection failed.</exception>
    public IReadOnlyList<TaosTopicAssignment> Assignment() => AssignmentAsync(false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Assignment"/>
    public Task<IReadOnlyList<TaosTopicAssignment>> AssignmentAsync(CancellationToken cancellationToken = default) =>
        AssignmentAsync(true, cancellationToken).AsTask();

    private ValueTask<IReadOnlyList<TaosTopicAssignment>> AssignmentAsync(bool async, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<TaosTopicAssignment>>(async (channel, a, ct) =>
        {
            var all = new List<TaosTopicAssignment>();
            foreach (string topic in _topics)
            {
                all.AddRange(await channel.AssignmentAsync(topic, a, ct).ConfigureAwait(false));
            }
            return all;
        }, async, cancellationToken);

    /// <summary>The consumer's position (the offset of the next message) in each vgroup, in the order asked.</summary>
    /// <exception cref="TaosException">The server refused, or the connection failed.</exception>
    public IReadOnlyList<TaosTopicPartitionOffset> Position(IEnumerable<TaosTopicPartition> partitions) =>
        OffsetsAsync("position", partitions, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Position"/>
    public Task<IReadOnlyList<TaosTopicPartitionOffset>> PositionAsync(IEnumerable<TaosTopicPartition> partitions, CancellationToken cancellationToken = default) =>
        OffsetsAsync("position", partitions, true, cancellationToken).AsTask();

    /// <summary>The group's committed offset in each vgroup, in the order asked; <see cref="TaosTopicPartitionOffset.NoOffset"/> where it never committed.</summary>
    /// <exception cref="TaosException">The server refused, or the connection failed.</exception>
    public IReadOnlyList<TaosTopicPartitionOffset> Committed(IEnumerable<TaosTopicPartition> partitions) =>
        OffsetsAsync("committed", partitions, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Committed"/>
    public Task<IReadOnlyList<TaosTopicPartitionOffset>> CommittedAsync(IEnumerable<TaosTopicPartition> partitions, CancellationToken cancellationToken = default) =>
        OffsetsAsync("committed", partitions, true, cancellationToken).AsTask();

    private ValueTask<IReadOnlyList<TaosTopicPartitionOffset>> OffsetsAsync(string action, IEnumerable<TaosTopicPartition> partitions, bool async,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        TaosTopicPartition[] list = [.. partitions];
        return RunAsync((channel, a, ct) => channel.OffsetsAsync(action, list, a, ct), async, cancellationToken);
    }

    /// <summary>The topics the server has the consumer subscribed to (<c>list_topics</c>).</summary>
    /// <exception cref="TaosException">The consumer never subscribed (65535 <c>tmq not init</c>), or the connection failed.</exception>
    public IReadOnlyList<string> ListTopics() => RunAsync((channel, a, ct) => channel.ListTopicsAsync(a, ct), false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="ListTopics"/>
    public Task<IReadOnlyList<string>> ListTopicsAsync(CancellationToken cancellationToken = default) =>
        RunAsync((channel, a, ct) => channel.ListTopicsAsync(a, ct), true, cancellationToken).AsTask();

    /// <summary>Ends the subscription; the consumer can subscribe again (to the same or other topics).</summary>
    /// <exception cref="TaosException">The consumer never subscribed (65535 <c>tmq not init</c>), or the connection failed.</exception>
    public void Unsubscribe() => UnsubscribeAsync(false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Unsubscribe"/>
    public Task UnsubscribeAsync(CancellationToken cancellationToken = default) => UnsubscribeAsync(true, cancellationToken).AsTask();

    private async ValueTask UnsubscribeAsync(bool async, CancellationToken cancellationToken) =>
        await RunAsync(async (channel, a, ct) =>
        {
            await channel.UnsubscribeAsync(a, ct).ConfigureAwait(false);
            _topics = [];
            return 0;
        }, async, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Runs one action on the connection, connecting (and subscribing again) first when there is none. A failure of the
    /// connection drops it; with auto-reconnect the action is tried again on a new one.
    /// </summary>
    private async ValueTask<T> RunAsync<T>(Func<TmqChannel, bool, CancellationToken, ValueTask<T>> action, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (async) await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        else _gate.Wait(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    var channel = await ChannelAsync(async, cancellationToken).ConfigureAwait(false);
                    return await action(channel, async, cancellationToken).ConfigureAwait(false);
                }
                catch (TaosException e) when (e.ErrorCode == TaosException.ClientErrorCode)
                {
                    Drop();
                    // Broken sockets and failed connects carry an IOException; a timeout does not and is not retried.
                    if (e.InnerException is not IOException || !_config.AutoReconnect) throw;
                    if (attempt >= _config.ReconnectRetryCount) throw new TaosException(TmqStrings.Reconnected(attempt, e.Message), innerException: e.InnerException);
                    if (async) await Task.Delay(_config.ReconnectInterval, cancellationToken).ConfigureAwait(false);
                    else cancellationToken.WaitHandle.WaitOne(_config.ReconnectInterval);
                    cancellationToken.ThrowIfCancellationRequested();
                }
                catch (OperationCanceledException)
                {
                    Drop();
                    throw;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    // The open connection, or a new one subscribed to the consumer's topics (the endpoint after a failed one first).
    private async ValueTask<TmqChannel> ChannelAsync(bool async, CancellationToken cancellationToken)
    {
        if (_channel is { IsBroken: false } open) return open;
        Drop();
        TaosException? last = null;
        int first = _endpoint;
        for (int i = 0; i < _endpoints.Count; i++)
        {
            int index = (first + i) % _endpoints.Count;
            try
            {
                var channel = await TmqChannel.OpenAsync(_config, _endpoints[index], async, cancellationToken).ConfigureAwait(false);
                _endpoint = index;
                _channel = channel;
                if (_topics.Count > 0) await ResubscribeAsync(channel, async, cancellationToken).ConfigureAwait(false);
                return channel;
            }
            catch (TaosException e) when (e.ErrorCode == TaosException.ClientErrorCode)
            {
                Drop();
                last = e;
                _endpoint = (index + 1) % _endpoints.Count;
            }
        }
        throw last!;
    }

    // The server refusing the subscription again (a topic was dropped meanwhile) ends it: the consumer is then unsubscribed.
    private async ValueTask ResubscribeAsync(TmqChannel channel, bool async, CancellationToken cancellationToken)
    {
        try
        {
            await channel.SubscribeAsync(_config, _topics, async, cancellationToken).ConfigureAwait(false);
        }
        catch (TaosException e) when (e.ErrorCode != TaosException.ClientErrorCode)
        {
            _topics = [];
            throw;
        }
    }

    private void Drop()
    {
        _channel?.Dispose();
        _channel = null;
    }

    /// <summary>
    /// Commits what was consumed when auto-commit is on, then closes the connection (the server ends the
    /// subscription with it). A failure of that last commit is not reported: the group reads those rows again.
    /// </summary>
    public void Close() => CloseAsync(false).GetAwaiter().GetResult();

    /// <inheritdoc cref="Close"/>
    public Task CloseAsync() => CloseAsync(true).AsTask();

    private async ValueTask CloseAsync(bool async)
    {
        if (async) await _gate.WaitAsync().ConfigureAwait(false);
        else _gate.Wait();
        try
        {
            if (_closed) return;
            _closed = true;
            if (_config.EnableAutoCommit && _topics.Count > 0 && _channel is { IsBroken: false } channel)
            {
                try
                {
                    await channel.CommitAsync(_lastMessageId, async, CancellationToken.None).ConfigureAwait(false);
                }
                catch (TaosException)
                {
                    // Not committed: the group reads those rows again, which is what a consumer that stopped before committing gets.
                }
            }
            Drop();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc cref="Close"/>
    public void Dispose() => Close();

    /// <inheritdoc cref="Close"/>
    public ValueTask DisposeAsync() => CloseAsync(true);
}
