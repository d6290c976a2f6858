using System.Text.Json;
using Taos.Protocol;
using Taos.Protocol.RawBlock;
using Taos.Transport;
using Taos.Transport.WebSocket;

namespace Taos.Tmq;

/// <summary>
/// One WebSocket to taosAdapter's <c>/rest/tmq</c> (a <see cref="WsSocket"/> that keeps its replies' JSON text) and
/// the consumer actions on it; the server holds one consumer per connection. Replies with a non-zero <c>code</c>
/// become <see cref="TaosException"/>s with TDengine's code and message; a broken socket or a timeout a
/// <see cref="TaosException"/> with <see cref="TaosException.ClientErrorCode"/>.
/// </summary>
internal sealed class TmqChannel : IDisposable
{
    /// <summary>taosAdapter's data subscription endpoint.</summary>
    public const string Path = "/rest/tmq";

    private readonly WsSocket _socket;
    private readonly TimeSpan _timeout;

    private TmqChannel(WsSocket socket, TimeSpan timeout)
    {
        _socket = socket;
        _timeout = timeout;
    }

    /// <summary>True once the socket failed or was closed.</summary>
    public bool IsBroken => _socket.IsBroken;

    /// <summary>Opens the WebSocket to <paramref name="endpoint"/>'s <c>/rest/tmq</c>.</summary>
    /// <exception cref="TaosException">The server cannot be reached (client error code).</exception>
    public static async ValueTask<TmqChannel> OpenAsync(TaosConsumerConfig config, Uri endpoint, bool async, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(config.Timeout);
        try
        {
            var socket = await WsSocket.ConnectAsync(endpoint, config.Token, config.EnableCompression, async, timeout.Token, Path).ConfigureAwait(false);
            return new TmqChannel(socket, config.Timeout);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested
            && e is System.Net.WebSockets.WebSocketException or IOException or HttpRequestException or OperationCanceledException)
        {
            throw new TaosException(WsStrings.CannotConnect(endpoint.ToString(), e.Message), innerException: e as IOException ?? new IOException(e.Message, e));
        }
    }

    /// <summary><c>subscribe</c>: logs in and subscribes the connection's consumer to <paramref name="topics"/>.</summary>
    public async ValueTask SubscribeAsync(TaosConsumerConfig config, IReadOnlyList<string> topics, bool async, CancellationToken cancellationToken) =>
        await CallAsync("subscribe", id => TmqRequests.Subscribe(id, config, topics), TimeSpan.Zero, async, cancellationToken).ConfigureAwait(false);

    /// <summary><c>poll</c>: the next message's description, or null when none came within <paramref name="blocking"/>.</summary>
    public async ValueTask<TmqPolled?> PollAsync(TimeSpan blocking, bool async, CancellationToken cancellationToken)
    {
        long ms = (long)Math.Min(blocking.TotalMilliseconds, int.MaxValue);
        var reply = await CallAsync("poll", id => TmqRequests.Poll(id, ms), blocking, async, cancellationToken).ConfigureAwait(false);
        if (!Bool(reply, "poll", "have_message")) return null;
        return new TmqPolled(String(reply, "poll", "topic"), String(reply, "poll", "database"), (int)Int64(reply, "poll", "vgroup_id"),
            (int)Int64(reply, "poll", "message_type"), (ulong)Int64(reply, "poll", "message_id"), Int64(reply, "poll", "offset"));
    }

    /// <summary>Reads every block of the held message: <c>fetch</c> then <c>fetch_block</c> until <c>fetch</c> says <c>completed</c>.</summary>
    public async ValueTask<IReadOnlyList<TaosConsumeBlock>> FetchAllAsync(ulong messageId, bool async, CancellationToken cancellationToken)
    {
        var blocks = new List<TaosConsumeBlock>();
        while (true)
        {
            ulong fetchId = _socket.NextRequestId();
            var reply = await CallAsync("fetch", fetchId, TmqRequests.OfMessage("fetch", fetchId, messageId), TimeSpan.Zero, async, cancellationToken).ConfigureAwait(false);
            if (Bool(reply, "fetch", "completed")) return blocks;
            var columns = Describe(reply);
            // The block frame carries the req_id of the fetch that prepared it, not its own.
            ulong blockId = _socket.NextRequestId();
            var frame = await RequestAsync(blockId, fetchId, TmqRequests.OfMessage("fetch_block", blockId, messageId), TimeSpan.Zero, async, cancellationToken)
                .ConfigureAwait(false);
            if (frame.Binary is not { } binary)
            {
                Check("fetch_block", frame);
                throw new TaosException(TmqStrings.Malformed("fetch_block", "a text reply where a block was due"));
            }
            if (binary.Length < 24) throw new TaosException(TmqStrings.Malformed("fetch_block", $"a {binary.Length}-byte frame, shorter than its 24-byte header"));
            var block = RawBlockView.Parse(binary, 24, binary.Length - 24);
            if (block.Columns != columns.Length) throw new TaosException(WsStrings.WrongBlock(messageId, columns.Length, block.Columns));
            blocks.Add(new TaosConsumeBlock(String(reply, "fetch", "table_name"), columns, block));
        }
    }

    /// <summary><c>fetch_json_meta</c>: the held message's table metadata as JSON text, or null when it has none.</summary>
    public async ValueTask<string?> FetchJsonMetaAsync(ulong messageId, bool async, CancellationToken cancellationToken)
    {
        var reply = await CallAsync("fetch_json_meta", id => TmqRequests.OfMessage("fetch_json_meta", id, messageId), TimeSpan.Zero, async, cancellationToken)
            .ConfigureAwait(false);
        if (!reply.TryGetProperty("data", out var data)) throw Bad("fetch_json_meta", "data");
        return data.ValueKind == JsonValueKind.Null ? null : data.GetRawText();
    }

    /// <summary><c>commit</c>: commits everything the connection's consumer consumed.</summary>
    public async ValueTask CommitAsync(ulong messageId, bool async, CancellationToken cancellationToken) =>
        await CallAsync("commit", id => TmqRequests.OfMessage("commit", id, messageId), TimeSpan.Zero, async, cancellationToken).ConfigureAwait(false);

    /// <summary><c>commit_offset</c> or <c>seek</c> of one vgroup.</summary>
    public async ValueTask AtOffsetAsync(string action, TaosTopicPartitionOffset at, bool async, CancellationToken cancellationToken) =>
        await CallAsync(action, id => TmqRequests.AtOffset(action, id, at), TimeSpan.Zero, async, cancellationToken).ConfigureAwait(false);

    /// <summary><c>assignment</c>: the topic's vgroups with the consumer's offset and the readable range.</summary>
    public async ValueTask<IReadOnlyList<TaosTopicAssignment>> AssignmentAsync(string topic, bool async, CancellationToken cancellationToken)
    {
        var reply = await CallAsync("assignment", id => TmqRequests.Assignment(id, topic), TimeSpan.Zero, async, cancellationToken).ConfigureAwait(false);
        var list = new List<TaosTopicAssignment>();
        foreach (var item in Array(reply, "assignment", "assignment"))
        {
            list.Add(new TaosTopicAssignment(topic, (int)Int64(item, "assignment", "vgroup_id"), Int64(item, "assignment", "offset"),
                Int64(item, "assignment", "begin"), Int64(item, "assignment", "end")));
        }
        return list;
    }

    /// <summary><c>position</c> or <c>committed</c>: one offset per vgroup, in request order.</summary>
    public async ValueTask<IReadOnlyList<TaosTopicPartitionOffset>> OffsetsAsync(string action, IReadOnlyList<TaosTopicPartition> partitions, bool async,
        CancellationToken cancellationToken)
    {
        var reply = await CallAsync(action, id => TmqRequests.OfPartitions(action, id, partitions), TimeSpan.Zero, async, cancellationToken).ConfigureAwait(false);
        var offsets = Array(reply, action, action);
        if (offsets.Count != partitions.Count) throw new TaosException(TmqStrings.Malformed(action, $"{offsets.Count} offsets for {partitions.Count} vgroups"));
        var list = new List<TaosTopicPartitionOffset>(partitions.Count);
        for (int i = 0; i < partitions.Count; i++)
        {
            if (!offsets[i].TryGetInt64(out long offset)) throw new TaosException(TmqStrings.Malformed(action, "an offset that is not an integer"));
            list.Add(new TaosTopicPartitionOffset(partitions[i].Topic, partitions[i].VgroupId, offset));
        }
        return list;
    }

    /// <summary><c>list_topics</c>: the topics the connection's consumer is subscribed to.</summary>
    public async ValueTask<IReadOnlyList<string>> ListTopicsAsync(bool async, CancellationToken cancellationToken)
    {
        var reply = await CallAsync("list_topics", id => TmqRequests.Bare("list_topics", id), TimeSpan.Zero, async, cancellationToken).ConfigureAwait(false);
        return [.. Array(reply, "list_topics", "topics").Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : throw Bad("list_topics", "topics"))];
    }

    /// <summary><c>unsubscribe</c>: the consumer stays, polling finds nothing until it subscribes again.</summary>
    public async ValueTask UnsubscribeAsync(bool async, CancellationToken cancellationToken) =>
        await CallAsync("unsubscribe", id => TmqRequests.Bare("unsubscribe", id), TimeSpan.Zero, async, cancellationToken).ConfigureAwait(false);

    private ValueTask<JsonElement> CallAsync(string action, Func<ulong, byte[]> frame, TimeSpan extra, bool async, CancellationToken cancellationToken)
    {
        ulong id = _socket.NextRequestId();
        return CallAsync(action, id, frame(id), extra, async, cancellationToken);
    }

    private async ValueTask<JsonElement> CallAsync(string action, ulong id, byte[] frame, TimeSpan extra, bool async, CancellationToken cancellationToken) =>
        Check(action, await RequestAsync(id, 0, frame, extra, async, cancellationToken).ConfigureAwait(false));

    private async ValueTask<WsFrame> RequestAsync(ulong id, ulong resultId, byte[] frame, TimeSpan extra, bool async, CancellationToken cancellationToken)
    {
        try
        {
            return await _socket.RequestAsync(id, resultId, frame, _timeout + extra, async, cancellationToken).ConfigureAwait(false);
        }
        catch (WsUnsentException e)
        {
            throw new TaosException(e.Message, innerException: e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // A send on a socket the network just aborted reports a cancellation nobody asked for.
            throw new TaosException(WsStrings.Broken(_socket.Endpoint, e.InnerException?.Message ?? e.Message), innerException: new IOException(e.Message, e));
        }
    }

    // The reply's JSON once its code is 0; TDengine's error otherwise.
    private static JsonElement Check(string action, WsFrame frame)
    {
        var reply = WsTransport.ThrowOnError(frame.Reply, null, null);
        try
        {
            using var document = JsonDocument.Parse(reply.Text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new TaosException(TmqStrings.Malformed(action, e.Message), innerException: e);
        }
    }

    private static TaosColumnMeta[] Describe(JsonElement reply)
    {
        var names = Array(reply, "fetch", "fields_names");
        var types = Array(reply, "fetch", "fields_types");
        var lengths = Array(reply, "fetch", "fields_lengths");
        if (names.Count != types.Count || lengths.Count != types.Count) throw Bad("fetch", "fields_names, fields_types and fields_lengths");
        var precision = Int64(reply, "fetch", "precision") switch { 1 => TaosPrecision.Microseconds, 2 => TaosPrecision.Nanoseconds, _ => TaosPrecision.Milliseconds };
        var columns = new TaosColumnMeta[types.Count];
        for (int i = 0; i < columns.Length; i++)
        {
            if (names[i].ValueKind != JsonValueKind.String || !types[i].TryGetInt32(out int type) || !lengths[i].TryGetInt32(out int length))
            {
                throw Bad("fetch", "fields");
            }
            columns[i] = new TaosColumnMeta(names[i].GetString()!, TaosTypes.Name((TaosDataType)type), (TaosDataType)type, length, precision);
        }
        return columns;
    }

    private static bool Bool(JsonElement reply, string action, string name) =>
        reply.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Bad(action, name);

    private static string String(JsonElement reply, string action, string name) =>
        reply.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Bad(action, name);

    private static long Int64(JsonElement reply, string action, string name) =>
        reply.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) ? number : throw Bad(action, name);

    private static List<JsonElement> Array(JsonElement reply, string action, string name) =>
        reply.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.Array or JsonValueKind.Null
            ? (value.ValueKind == JsonValueKind.Null ? [] : [.. value.EnumerateArray()])
            : throw Bad(action, name);

    private static TaosException Bad(string action, string field) => new(TmqStrings.Malformed(action, $"field '{field}' is missing or of the wrong type"));

    /// <summary>Closes the socket; the server drops the connection's consumer (uncommitted consumption is read again by the group).</summary>
    public void Dispose() => _socket.Dispose();
}
