using System.Text.Json;
using Taos.Server.Endpoints.WebSocket;
using Taos.Server.Engine;
using Taos.Server.Engine.Topics;
using Taos.Server.Engine.Users;

namespace Taos.Server.Endpoints.Tmq;

/// <summary><c>subscribe</c>, <c>unsubscribe</c> and <c>list_topics</c> of <c>/rest/tmq</c>.</summary>
internal sealed class TmqSubscriptionActions(SqlEngine engine)
{
    /// <summary>
    /// Logs in like <c>/ws</c> <c>conn</c>, reads the options (strings, as taosAdapter takes them) and subscribes;
    /// 65535 <c>tmq should have unsubscribed first</c> while subscribed, 993 for an unknown topic (the consumer is
    /// then closed again). <c>with_table_name</c> changes nothing: TDengine 3.3.0.1 names the blocks of stable and
    /// database topics and never those of query topics.
    /// </summary>
    public WsAnswer Subscribe(TmqCall call)
    {
        var connection = call.Connection;
        if (connection.Consumer is { Topics.Count: > 0 })
        {
            return call.Error(ServerErrorCode.AdapterError, "tmq should have unsubscribed first");
        }
        var request = call.Request;
        if (!request.TryGetString("user", out string user) || !request.TryGetString("password", out string password)
            || !request.TryGetString("group_id", out string group) || !TryReadTopics(request, out var topics)
            || !TryReadReset(request, out var reset))
        {
            return call.Error(ServerErrorCode.AdapterError, "unmarshal subscribe request error");
        }
        var login = engine.Users.Authenticate(user, password, connection.Address);
        if (login != LoginResult.Ok)
        {
            var failure = UserDirectory.Failure(login);
            return call.Error(failure.Code, failure.Message);
        }
        connection.AutoCommit = !request.TryGetString("auto_commit", out string autoCommit) || autoCommit != "false";
        var consumer = connection.Consumer ?? engine.CreateConsumer(group, reset);
        request.TryGetString("client_id", out string clientId);
        consumer.ClientId = clientId;
        consumer.Parameters = Parameters(request, connection.AutoCommit, reset);
        try
        {
            engine.AuthorizeSubscribe(user, topics);
            consumer.Subscribe(topics);
        }
        catch (TaosServerException e)
        {
            connection.Consumer = null;
            return call.Error(e.Code, e.Message);
        }
        connection.Consumer = consumer;
        return WsAnswer.Text(call.Ok());
    }

    /// <summary>Drops the subscription; the consumer stays (polling then finds nothing).</summary>
    public static WsAnswer Unsubscribe(TmqCall call)
    {
        call.Connection.Consumer!.Unsubscribe();
        return WsAnswer.Text(call.Ok());
    }

    /// <summary>The subscribed topics' names.</summary>
    public static WsAnswer ListTopics(TmqCall call) =>
        WsAnswer.Text(call.Ok().Field("topics").Strings(call.Connection.Consumer!.Topics.Select(t => t.Name)));

    /// <summary>The options as TDengine's perf_consumers shows them: <c>tbname:1,commit:0,interval:5000ms,reset:earliest</c>.</summary>
    private static string Parameters(WsRequest request, bool autoCommit, OffsetReset reset)
    {
        bool tableName = !request.TryGetString("with_table_name", out string withTableName) || withTableName != "false";
        string interval = request.TryGetString("auto_commit_interval_ms", out string ms) && int.TryParse(ms, out int n) && n > 0 ? ms : "5000";
        return $"tbname:{(tableName ? 1 : 0)},commit:{(autoCommit ? 1 : 0)},interval:{interval}ms,reset:{reset.ToString().ToLowerInvariant()}";
    }

    private static bool TryReadTopics(WsRequest request, out List<string> topics)
    {
        topics = [];
        if (!request.TryGet("topics", out var element) || element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind != JsonValueKind.Array) return false;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return false;
            topics.Add(item.GetString()!);
        }
        return true;
    }

    /// <summary><c>offset_reset</c> (or taosAdapter's misspelt <c>offset_rest</c>): earliest, latest (the default) or none.</summary>
    private static bool TryReadReset(WsRequest request, out OffsetReset reset)
    {
        reset = OffsetReset.Latest;
        if (!request.TryGetString("offset_reset", out string text) || !request.TryGetString("offset_rest", out string misspelt)) return false;
        text = text.Length > 0 ? text : misspelt;
        switch (text)
        {
            case "earliest":
                reset = OffsetReset.Earliest;
                return true;
            case "none":
                reset = OffsetReset.None;
                return true;
            default:
                return true;
        }
    }
}
