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
        if (!TryReadTopicOffset(call.Request, out string topic, out int vgroup, out long offset))
            return call.Error(ServerErrorCode.AdapterError, "unmarshal commit_offset request error");
        call.Connection.Consumer!.CommitOffset(topic, vgroup, offset);
        return WsAnswer.Text(call.Ok().Field("topic").String(topic).Field("vgroup_id").Int64(vgroup).Field("offset").Int64(offset));
    }

    /// <summary>Moves the position of one topic's vgroup; the next poll reads from there.</summary>
    public static WsAnswer Seek(TmqCall call)
    {
        if (!TryReadTopicOffset(call.Request, out string topic, out int vgroup, out long offset))
            return call.Error(ServerErrorCode.AdapterError, "unmarshal seek request error");
        call.Connection.Consumer!.Seek(topic, vgroup, offset);
        return WsAnswer.Text(call.Ok());
    }

    /// <summary>The topic's vgroups with the offset the consumer started at and the readable range.</summary>
    public static WsAnswer Assignment(TmqCall call)
    {
        call.Request.TryGetString("topic", out string topic);
        var vgroups = call.Connection.Consumer!.Assignment(topic);
        string json = JsonSerializer.Serialize(vgroups.Select(v => new { vgroup_id = v.Vgroup, offset = v.Offset, begin = v.Begin, end = v.End }));
        return WsAnswer.Text(call.Ok().Field("assignment").Json(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>The consumer's positions, in request order.</summary>
    public static WsAnswer Position(TmqCall call) => PerVgroup(call, "position", (consumer, topic, vgroup) => consumer.Position(topic, vgroup));

    /// <summary>The group's committed offsets, in request order (<see cref="TopicConsumer.NoCommittedOffset"/> when none).</summary>
    public static WsAnswer Committed(TmqCall call) => PerVgroup(call, "committed", (consumer, topic, vgroup) => consumer.Committed(topic, vgroup));

    private static WsAnswer PerVgroup(TmqCall call, string field, Func<TopicConsumer, string, int, long> read)
    {
        if (!call.Request.TryGet("topic_vgroup_ids", out var list) || list.ValueKind != JsonValueKind.Array)
            return call.Error(ServerErrorCode.AdapterError, $"unmarshal {call.Request.Action} request error");
        var values = new List<long>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
                return call.Error(ServerErrorCode.AdapterError, $"unmarshal {call.Request.Action} request error");
            string topic = item.TryGetProperty("topic", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            int vgroup = item.TryGetProperty("vgroup_id", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int id) ? id : 0;
            values.Add(read(call.Connection.Consumer!, topic, vgroup));
        }
        return WsAnswer.Text(call.Ok().Field(field).Numbers(values));
    }

    private static bool TryReadTopicOffset(WsRequest request, out string topic, out int vgroup, out long offset)
    {
        vgroup = 0;
        offset = 0;
        long id = 0;
        bool ok = request.TryGetString("topic", out topic) && TryGetInt64(request, "vgroup_id", out id)
            && id is >= int.MinValue and <= int.MaxValue && TryGetInt64(request, "offset", out offset);
        vgroup = (int)id;
        return ok;
    }

    private static bool TryGetInt64(WsRequest request, string name, out long value)
    {
        value = 0;
        if (!request.TryGet(name, out var element)) return true;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
    }
}
