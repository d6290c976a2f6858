using System.Globalization;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// <c>performance_schema.perf_consumers</c> (TDengine 3.3 has no ins_consumers) and
/// <c>information_schema.ins_subscriptions</c> (also SHOW CONSUMERS and SHOW SUBSCRIPTIONS) with TDengine 3.3's
/// columns (systable.c; a VARCHAR's length is its schema bytes less the 2-byte header, as REST reports it): one consumer row per live consumer and subscribed topic; one subscription row
/// per topic, consumer group and vgroup, for groups with a live consumer or a committed offset. Without the live
/// consumers (a catalog that is not a <see cref="ConsumerCatalog"/>) both are empty.
/// </summary>
internal static class ConsumerSystemTables
{
    /// <summary>The columns of perf_consumers.</summary>
    public static IReadOnlyList<ResultColumn> ConsumerColumns { get; } =
    [
        new("consumer_id", TaosDataType.VarChar, 30), new("consumer_group", TaosDataType.VarChar, 192), new("client_id", TaosDataType.VarChar, 192),
        new("status", TaosDataType.VarChar, 20), new("topics", TaosDataType.VarChar, 192), new("up_time", TaosDataType.Timestamp, 8),
        new("subscribe_time", TaosDataType.Timestamp, 8), new("rebalance_time", TaosDataType.Timestamp, 8), new("parameters", TaosDataType.VarChar, 128),
    ];

    /// <summary>The columns of ins_subscriptions.</summary>
    public static IReadOnlyList<ResultColumn> SubscriptionColumns { get; } =
    [
        new("topic_name", TaosDataType.VarChar, 192), new("consumer_group", TaosDataType.VarChar, 193), new("vgroup_id", TaosDataType.Int, 4),
        new("consumer_id", TaosDataType.VarChar, 30), new("offset", TaosDataType.VarChar, 64), new("rows", TaosDataType.BigInt, 8),
    ];

    /// <summary>One row per live consumer and topic it subscribes to.</summary>
    public static IReadOnlyList<object?[]> ConsumerRows(ICatalogReader catalog)
    {
        if (catalog is not ConsumerCatalog live) return [];
        return live.Registry.Consumers()
            .SelectMany(c => c.Topics.Select(t => new object?[]
            {
                c.Id, c.Group, c.ClientId, "ready", t.Name, c.UpTime, c.SubscribeTime, c.SubscribeTime, c.Parameters,
            }))
            .ToList();
    }

    /// <summary>
    /// One row per topic, group and vgroup: the live consumer of that group (else NULL), the offset (the consumer's
    /// position, else the committed one, as <c>log:N</c>) and the rows the consumer polled there.
    /// </summary>
    public static IReadOnlyList<object?[]> SubscriptionRows(ICatalogReader catalog)
    {
        if (catalog is not ConsumerCatalog live) return [];
        var rows = new List<object?[]>();
        var consumers = live.Registry.Consumers();
        var groups = live.Store.ConsumerGroups()
            .Concat(consumers.SelectMany(c => c.Topics.Select(t => (c.Group, Topic: t.Name))))
            .Distinct().OrderBy(g => g.Topic, StringComparer.Ordinal).ThenBy(g => g.Group, StringComparer.Ordinal);
        foreach (var (group, topicName) in groups)
        {
            var topic = live.Store.Topics().FirstOrDefault(t => t.Name == topicName);
            if (topic is null || live.Store.FindDatabase(topic.Database) is not { } database) continue;
            var consumer = consumers.FirstOrDefault(c => c.Group == group && c.Topics.Any(t => t.Name == topicName));
            var positions = consumer?.Positions().Where(v => v.Topic == topicName).ToDictionary(v => v.Vgroup) ?? [];
            foreach (int vgroup in Vgroups.Ids(live.Store, database))
            {
                positions.TryGetValue(vgroup, out var at);
                long? offset = at.Position ?? live.Store.CommittedOffset(group, topicName, vgroup);
                rows.Add([topicName, group, vgroup, consumer?.Id, offset is { } o ? "log:" + o.ToString(CultureInfo.InvariantCulture) : null, at.Rows]);
            }
        }
        return rows;
    }
}
