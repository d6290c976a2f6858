using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using Taos.Protocol.RawBlock;
using Taos.Server.Endpoints.WebSocket;
using Taos.Server.Engine.Topics;

namespace Taos.Server.Endpoints.Tmq;

/// <summary><c>poll</c>, <c>fetch</c>, <c>fetch_block</c> and <c>fetch_json_meta</c> of <c>/rest/tmq</c>.</summary>
internal static class TmqPollActions
{
    /// <summary>How often a blocking poll looks for new rows.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Raw blocks of TMQ messages are version 2 (query blocks on <c>/ws</c> are version 1).</summary>
    private const int TmqBlockVersion = 2;

    /// <summary>
    /// Waits up to <c>blocking_time</c> ms for the next message (after auto-committing what was consumed); without
    /// one, <c>have_message</c> false with empty fields.
    /// </summary>
    public static async Task<WsAnswer> PollAsync(TmqCall call, CancellationToken ct)
    {
        var connection = call.Connection;
        var consumer = connection.Consumer!;
        call.Request.TryGetUInt64("blocking_time", out ulong blockingMs);
        if (connection.AutoCommit && connection.Message is not null) consumer.Commit();
        var waited = Stopwatch.StartNew();
        var limit = TimeSpan.FromMilliseconds(Math.Min(blockingMs, int.MaxValue));
        TopicMessage? message;
        while ((message = consumer.Poll()) is null && waited.Elapsed < limit)
        {
            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
        }
        var reply = call.Ok().Field("have_message").Bool(message is not null);
        if (message is null)
        {
            reply.Field("topic").String("").Field("database").String("").Field("vgroup_id").Int64(0)
                .Field("message_type").Int64(0).Field("message_id").UInt64(0).Field("offset").Int64(0);
            return WsAnswer.Text(reply);
        }
        ulong id = connection.Hold(message);
        reply.Field("topic").String(message.Topic.Name).Field("database").String(message.Topic.Database)
            .Field("vgroup_id").Int64(message.Vgroup).Field("message_type").Int64(message.MessageType)
            .Field("message_id").UInt64(id).Field("offset").Int64(message.Offset);
        return WsAnswer.Text(reply);
    }

    /// <summary>
    /// Prepares the held message's next block and describes it; <c>completed</c> true (timing 0) past the last.
    /// <c>table_name</c> is the child table's for stable and database topics, "" for query topics (as recorded).
    /// </summary>
    public static WsAnswer Fetch(TmqCall call)
    {
        var connection = call.Connection;
        if (WrongMessage(call, out ulong messageId) is { } error) return error;
        var message = connection.Message!;
        if (message.MessageType == TopicMessage.TableMetaType) return NotData(call, messageId);
        if (connection.FetchedBlocks >= message.Blocks.Count)
        {
            connection.Pending = null;
            return WsAnswer.Text(WsReply.Start(0, "", call.Request.Action, call.Request.RequestId, 0)
                .Field("message_id").UInt64(messageId).Field("completed").Bool(true).Field("table_name").String("")
                .Field("rows").Int64(0).Field("fields_count").Int64(0).Field("fields_names").Null()
                .Field("fields_types").Null().Field("fields_lengths").Null().Field("precision").Int64(0));
        }
        var block = message.Blocks[connection.FetchedBlocks++];
        var columns = block.Columns.Select(c => RawBlockColumn.FromDeclared(c.Type, c.Length)).ToArray();
        byte[] raw = RawBlockWriter.Write(columns, block.Rows);
        BinaryPrimitives.WriteInt32LittleEndian(raw, TmqBlockVersion);
        connection.Pending = (raw, call.Request.RequestId);
        return WsAnswer.Text(call.Ok().Field("message_id").UInt64(messageId).Field("completed").Bool(false)
            .Field("table_name").String(message.Topic.Kind != TopicKind.Column ? block.Table : "")
            .Field("rows").Int64(block.Rows.Count).Field("fields_count").Int64(columns.Length)
            .Field("fields_names").Strings(block.Columns.Select(c => c.Name))
            .Field("fields_types").Numbers(block.Columns.Select(c => (long)c.Type))
            .Field("fields_lengths").Numbers(block.Columns.Select(c => (long)c.Length))
            .Field("precision").Int64((long)block.Precision));
    }

    /// <summary>
    /// The block the last fetch prepared: timing, the <c>req_id</c> of that fetch, the message id, then the raw block.
    /// </summary>
    public static WsAnswer FetchBlock(TmqCall call)
    {
        var connection = call.Connection;
        call.Request.TryGetUInt64("message_id", out ulong messageId);
        if (connection.Message is null || messageId != connection.MessageId)
            return WsAnswer.Text(call.ErrorReply(ServerErrorCode.AdapterError, "message is nil").Field("message_id").UInt64(messageId));
        if (connection.Message.MessageType == TopicMessage.TableMetaType) return NotData(call, messageId);
        if (connection.Pending is not { } pending)
            return WsAnswer.Text(call.ErrorReply(ServerErrorCode.AdapterError, "no fetch data").Field("message_id").UInt64(messageId));
        var frame = new byte[24 + pending.Block.Length];
        BinaryPrimitives.WriteInt64LittleEndian(frame, call.Timing);
        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(8), pending.FetchRequestId);
        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(16), messageId);
        pending.Block.CopyTo(frame.AsSpan(24));
        return new WsAnswer(frame, true);
    }

    /// <summary>
    /// The held message in TDengine's raw form: timing, <c>req_id</c>, message id, 3, the raw length (u32), the raw
    /// type (u16: 2 data, 4 data-and-meta, else the vnode message type of table meta), then
    /// <see cref="TmqRawMessage"/> or <see cref="TmqRawMeta"/>. A wrong id is answered as a <c>fetch</c> error, as
    /// taosAdapter does.
    /// </summary>
    public static WsAnswer FetchRaw(TmqCall call)
    {
        call.Request.TryGetUInt64("message_id", out ulong messageId);
        if (call.Connection.Message is not { } message || messageId != call.Connection.MessageId)
        {
            return WsAnswer.Text(WsReply.Start(ServerErrorCode.AdapterError & 0xFFFF, "message IDs are not equal", "fetch", call.Request.RequestId, call.Timing)
                .Field("message_id").UInt64(messageId));
        }
        byte[] raw = TmqRawMessage.EncodeAny(message);
        var frame = new byte[38 + raw.Length];
        BinaryPrimitives.WriteInt64LittleEndian(frame, call.Timing);
        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(8), call.Request.RequestId);
        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(16), messageId);
        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(24), 3);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(32), (uint)raw.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(36), TmqRawMessage.RawType(message));
        raw.CopyTo(frame.AsSpan(38));
        return new WsAnswer(frame, true);
    }

    /// <summary>
    /// The held message's table metadata as TDengine's JSON meta (<see cref="MetaJson"/>; for a data-and-meta
    /// message the child tables its rows created): <c>null</c> for a data message. The JSON is embedded as
    /// taosAdapter's Go encoder embeds a raw message (HTML characters escaped).
    /// </summary>
    public static WsAnswer FetchJsonMeta(TmqCall call)
    {
        if (WrongMessage(call, out ulong messageId) is { } error) return error;
        var message = call.Connection.Message!;
        var reply = call.Ok().Field("message_id").UInt64(messageId).Field("data");
        string? json = message.Meta is { } meta ? MetaJson.Write(meta)
            : message.AutoCreated.Count > 0 ? MetaJson.WriteAutoCreated(message.AutoCreated) : null;
        return WsAnswer.Text(json is null ? reply.Null() : reply.Json(Encoding.UTF8.GetBytes(GoJson.EscapeHtml(json))));
    }

    /// <summary>65535 <c>message type is not data</c>: <c>fetch</c> and <c>fetch_block</c> of a table-meta message.</summary>
    private static WsAnswer NotData(TmqCall call, ulong messageId) =>
        WsAnswer.Text(call.ErrorReply(ServerErrorCode.AdapterError, "message type is not data").Field("message_id").UInt64(messageId));

    /// <summary>65535 <c>message IDs are not equal</c> (echoing the id) unless the request names the held message.</summary>
    private static WsAnswer? WrongMessage(TmqCall call, out ulong messageId)
    {
        call.Request.TryGetUInt64("message_id", out messageId);
        if (call.Connection.Message is not null && messageId == call.Connection.MessageId) return null;
        return WsAnswer.Text(call.ErrorReply(ServerErrorCode.AdapterError, "message IDs are not equal").Field("message_id").UInt64(messageId));
    }
}
