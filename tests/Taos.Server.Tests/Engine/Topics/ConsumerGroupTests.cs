using Taos.Server.Engine;
using Taos.Server.Engine.Topics;

namespace Taos.Server.Tests.Engine.Topics;

public class ConsumerGroupTests : EngineTestBase
{
    public ConsumerGroupTests()
    {
        Meters();
        Exec("create topic rows_t as select ts, voltage from meters");
        Exec("insert into d1 using meters tags (1, 'a') values (1704067201000, 1.0, 10, 0) d2 using meters tags (2, 'b') values (1704067201000, 2.0, 20, 0)");
    }

    private TopicConsumer Subscribe(string group, string client = "c1")
    {
        var consumer = Engine.CreateConsumer(group, OffsetReset.Earliest);
        consumer.ClientId = client;
        consumer.Subscribe(["rows_t"]);
        return consumer;
    }

    private static int Drain(TopicConsumer consumer)
    {
        int rows = 0;
        while (consumer.Poll() is { } message) rows += message.Blocks.Sum(b => b.Rows.Count);
        return rows;
    }

    [Fact]
    public void Consumers_and_subscriptions_are_listed_with_tdengines_columns()
    {
        var consumer = Subscribe("g1", "client-a");
        Assert.Equal(2, Drain(consumer));
        var consumers = Rows("select consumer_id, consumer_group, client_id, status, `topics` from performance_schema.perf_consumers");
        Assert.Equal([[consumer.Id, "g1", "client-a", "ready", "rows_t"]], consumers);
        var consumerColumns = Assert.IsType<RowSetResult>(Exec("show consumers")).Columns.Select(c => (c.Name, c.Length));
        Assert.Equal([("consumer_id", 30), ("consumer_group", 192), ("client_id", 192), ("status", 20), ("topics", 192), ("up_time", 8),
            ("subscribe_time", 8), ("rebalance_time", 8), ("parameters", 128)], consumerColumns);
        Fails("select * from information_schema.ins_consumers", 9826, "Fail to get table info, error: Table does not exist");
        var subscriptions = Rows("select topic_name, consumer_group, vgroup_id, consumer_id, `offset`, `rows` from information_schema.ins_subscriptions order by vgroup_id");
        Assert.Equal(2, subscriptions.Count);
        Assert.All(subscriptions, r => Assert.Equal(("rows_t", "g1", consumer.Id), ((string)r[0]!, (string)r[1]!, (string)r[3]!)));
        Assert.Equal([2, 3], subscriptions.Select(r => (int)r[2]!));
        Assert.Equal(2L, subscriptions.Sum(r => (long)r[5]!));
        var columns = Assert.IsType<RowSetResult>(Exec("show subscriptions")).Columns.Select(c => (c.Name, c.Type, c.Length));
        Assert.Equal([("topic_name", TaosDataType.VarChar, 192), ("consumer_group", TaosDataType.VarChar, 193), ("vgroup_id", TaosDataType.Int, 4),
            ("consumer_id", TaosDataType.VarChar, 30), ("offset", TaosDataType.VarChar, 64), ("rows", TaosDataType.BigInt, 8)], columns);
        consumer.Unsubscribe();
        Assert.Empty(Rows("show consumers"));
        Assert.Empty(Rows("show subscriptions"));
    }

    [Fact]
    public void A_group_in_use_cannot_be_dropped_and_a_dropped_group_starts_over_also_after_a_restart()
    {
        var consumer = Subscribe("g1");
        Assert.Equal(2, Drain(consumer));
        consumer.Commit();
        Fails("drop consumer group g1 on rows_t", 1004, "Consumer group being used by some consumer");
        consumer.Unsubscribe();
        var offline = Rows("select consumer_id, `offset` from information_schema.ins_subscriptions");
        Assert.Equal(2, offline.Count);
        Assert.All(offline, r => Assert.Null(r[0]));
        Assert.All(offline, r => Assert.StartsWith("log:", (string)r[1]!));
        Assert.Equal(0, Drain(Subscribe("g1")));
        Engine.Subscriptions.Consumers().ToList().ForEach(c => c.Unsubscribe());
        Assert.Equal(0, Affected("drop consumer group g1 on rows_t"));
        Fails("drop consumer group g1 on rows_t", 1000, "Subcribe not exist");
        Assert.Equal(0, Affected("drop consumer group if exists g1 on rows_t"));
        Fails("drop consumer group g1 on no_topic", 993, "Topic not exist");
        Reopen();
        Assert.Empty(Rows("show subscriptions"));
        Assert.Equal(2, Drain(Subscribe("g1")));
    }
}
