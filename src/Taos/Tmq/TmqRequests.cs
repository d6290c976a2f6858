using System.Globalization;
using System.Text.Json;
using Taos.Transport.WebSocket;

namespace Taos.Tmq;

/// <summary>
/// The JSON text frames a consumer sends to <c>/rest/tmq</c>, <c>{"action":…,"args":{"req_id":…,…}}</c>, with
/// the option names and value formats of taosAdapter 3.3.0.1 (options of <c>subscribe</c> are strings).
/// </summary>
internal static class TmqRequests
{
    /// <summary><c>subscribe</c>: credentials, group, options and topics.</summary>
    public static byte[] Subscribe(ulong requestId, TaosConsumerConfig config, IReadOnlyList<string> topics) =>
        Write("subscribe", requestId, static (w, a) =>
        {
            var (config, topics) = a;
            w.WriteString("user", config.Username);
            w.WriteString("password", config.Password);
            w.WriteString("db", "");
            w.WriteString("group_id", config.GroupId);
            w.WriteString("client_id", config.ClientId ?? "");
            w.WriteString("offset_reset", config.AutoOffsetReset switch
            {
                TaosOffsetReset.Earliest => "earliest",
                TaosOffsetReset.None => "none",
                _ => "latest",
            });
            w.WriteString("auto_commit", config.EnableAutoCommit ? "true" : "false");
            w.WriteString("auto_commit_interval_ms", ((long)config.AutoCommitInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
            if (config.EnableSnapshot is bool snapshot) w.WriteString("snapshot_enable", snapshot ? "true" : "false");
            w.WriteStartArray("topics");
            foreach (string topic in topics) w.WriteStringValue(topic);
            w.WriteEndArray();
            w.WriteString("with_table_name", config.WithTableName ? "true" : "false");
        }, (config, topics));

    /// <summary><c>poll</c>, waiting up to <paramref name="blockingMs"/> ms on the server.</summary>
    public static byte[] Poll(ulong requestId, long blockingMs) =>
        Write("poll", requestId, static (w, ms) => w.WriteNumber("blocking_time", ms), blockingMs);

    /// <summary><c>fetch</c>, <c>fetch_block</c> or <c>commit</c> of the held message.</summary>
    public static byte[] OfMessage(string action, ulong requestId, ulong messageId) =>
        Write(action, requestId, static (w, id) => w.WriteNumber("message_id", id), messageId);

    /// <summary><c>seek</c> or <c>commit_offset</c> of one vgroup of a topic.</summary>
    public static byte[] AtOffset(string action, ulong requestId, TaosTopicPartitionOffset at) =>
        Write(action, requestId, static (w, at) =>
        {
            w.WriteString("topic", at.Topic);
            w.WriteNumber("vgroup_id", at.VgroupId);
            w.WriteNumber("offset", at.Offset);
        }, at);

    /// <summary><c>assignment</c> of one topic.</summary>
    public static byte[] Assignment(ulong requestId, string topic) =>
        Write("assignment", requestId, static (w, topic) => w.WriteString("topic", topic), topic);

    /// <summary><c>position</c> or <c>committed</c> of vgroups, answered in this order.</summary>
    public static byte[] OfPartitions(string action, ulong requestId, IReadOnlyList<TaosTopicPartition> partitions) =>
        Write(action, requestId, static (w, partitions) =>
        {
            w.WriteStartArray("topic_vgroup_ids");
            foreach (var partition in partitions)
            {
                w.WriteStartObject();
                w.WriteString("topic", partition.Topic);
                w.WriteNumber("vgroup_id", partition.VgroupId);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }, partitions);

    /// <summary>An action with no argument but <c>req_id</c>: <c>list_topics</c>, <c>unsubscribe</c>.</summary>
    public static byte[] Bare(string action, ulong requestId) => Write(action, requestId, static (_, _) => { }, 0);

    private static byte[] Write<TState>(string action, ulong requestId, Action<Utf8JsonWriter, TState> args, TState state) =>
        WsRequests.Write(action, requestId, args, state);
}
