using System.Text;
using System.Text.Json;
using Taos.Server.Endpoints.WebSocket;
using Taos.Server.Engine.Topics;

namespace Taos.Server.Endpoints.Tmq;

/// <summary><c>commit</c>, <c>commit_offset</c>, <c>seek</c>, <c>assignment</c>, <c>position</c> and <c>committed</c> of <c>/rest/tmq</c>.</summary>
internal static class TmqOffsetActions
{
    /// <summary>Commits everything consumed (the <c>message_id</c> is only echoed).</summary>
    public static WsAnswer Commit(TmqCall call)
    {
        call.Request.TryGetUInt64("message_id", out ulong messageId);
        call.Connection.Consumer!.Commit();
        return WsAnswer.Text(call.Ok().Field("message_id").UInt64(messageId));
    }

    /// <summary>Commits a given offset of one topic's vgroup.</summary>
    public static WsAnswer CommitOffset(TmqCall call)
    {
        if (!TryReadTopicOffset(call.Request, out string topic, out long vgroup, out long offset))
            return call.Error(ServerErrorCode.AdapterError, "unmarshal commit_offset request error");
        call.Connection.Consumer!.CommitOffset(topic, offset);
        return WsAnswer.Text(call.Ok().Field("topic").String(topic).Field("vgroup_id").Int64(vgroup).Field("offset").Int64(offset));
    }

    /// <summary>Moves the position of one topic's vgroup; the next poll reads from there.</summary>
    public static WsAnswer Seek(TmqCall call)
    {
        if (!TryReadTopicOffset(call.Request, out string topic, out _, out long offset))
            return call.Error(ServerErrorCode.AdapterError, "unmarshal seek request error");
        call.Connection.Consumer!.Seek(topic, offset);
        return WsAnswer.Text(call.Ok());
    }

    /// <summary>The topic's vgroups with the offset the consumer started at and the readable range.</summary>
    public static WsAnswer Assignment(TmqCall call)
    {
        call.Request.TryGetString("topic", out string topic);
        var (offset, begin, end) = call.Connection.Consumer!.Assignment(topic);
        string json = JsonSerializer.Serialize(new[] { new { vgroup_id = TopicConsumer.VgroupId, offset, begin, end } });
        return WsAnswer.Text(call.Ok().Field("assignment").Json(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>The consumer's positions, in request order.</summary>
    public static WsAnswer Position(TmqCall call) => PerVgroup(call, "position", (consumer, topic) => consumer.Position(topic));

    /// <summary>The group's committed offsets, in request order (<see cref="TopicConsumer.NoCommittedOffset"/> when none).</summary>
    public static WsAnswer Committed(TmqCall call) => PerVgroup(call, "committed", (consumer, topic) => consumer.Committed(topic));

    private static WsAnswer PerVgroup(TmqCall call, string field, Func<TopicConsumer, string, long> read)
    {
        if (!call.Request.TryGet("topic_vgroup_ids", out var list) || list.ValueKind != JsonValueKind.Array)
            return call.Error(ServerErrorCode.AdapterError, $"unmarshal {call.Request.Action} request error");
        var values = new List<long>();
        foreach (var item in list.EnumerateArray())
        {
            string topic = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("topic", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()! : "";
            values.Add(read(call.Connection.Consumer!, topic));
        }
        return WsAnswer.Text(call.Ok().Field(field).Numbers(values));
    }

    private static bool TryReadTopicOffset(WsRequest request, out string topic, out long vgroup, out long offset)
    {
        vgroup = 0;
        offset = 0;
        return request.TryGetString("topic", out topic)
            && TryGetInt64(request, "vgroup_id", out vgroup) && TryGetInt64(request, "offset", out offset);
    }

    private static bool TryGetInt64(WsRequest request, string name, out long value)
    {
        value = 0;
        if (!request.TryGet(name, out var element)) return true;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
    }
}
