using Taos.Server.Engine.Topics;

namespace Taos.Server.Tests.Engine.Topics;

public class TopicConsumerTests : EngineTestBase
{
    public TopicConsumerTests()
    {
        Meters();
        Exec("create table d1 using meters tags (1, 'a')");
        Exec("create table d2 using meters tags (2, 'b')");
        Exec("create topic rows_t as select ts, voltage from meters where voltage > 0");
        Exec("create topic stb_t as stable meters where groupid > 1");
    }

    /// <summary>
    /// Every row the consumer's polls deliver until nothing is left, as (table, voltage) or (table, ts), sorted: the
    /// vgroups are polled in turn, so rows of tables in different vgroups come in no defined order.
    /// </summary>
    private static List<string> Drain(TopicConsumer consumer)
    {
        var seen = new List<string>();
        while (consumer.Poll() is { } message)
        {
            foreach (var block in message.Blocks) seen.AddRange(block.Rows.Select(r => block.Table + ":" + r[^1]));
        }
        return seen.Order(StringComparer.Ordinal).ToList();
    }

    private TopicConsumer Subscribe(string group, OffsetReset reset = OffsetReset.Earliest, string topic = "rows_t")
    {
        var consumer = Engine.CreateConsumer(group, reset);
        consumer.Subscribe([topic]);
        return consumer;
    }

    [Fact]
    public void A_group_reads_every_row_once_across_commit_and_restart_and_another_group_reads_them_too()
    {
        Exec("insert into d1 values (1704067201000, 1.0, 10, 0) (1704067202000, 1.0, 11, 0) d2 values (1704067201000, 2.0, 20, 0)");
        var first = Subscribe("g1");
        Assert.Equal(["d1:10", "d1:11", "d2:20"], Drain(first));
        first.Commit();
        first.Unsubscribe();
        Exec("insert into d2 values (1704067203000, 2.0, 21, 0)");
        Exec("insert into d1 values (1704067203000, 1.0, -5, 0)");
        Reopen();
        var again = Subscribe("g1");
        Assert.Equal(["d2:21"], Drain(again));
        Assert.Empty(Drain(again));
        var other = Subscribe("g2");
        Assert.Equal(["d1:10", "d1:11", "d2:20", "d2:21"], Drain(other));
    }

    [Fact]
    public void Seek_replays_and_uncommitted_positions_are_lost_with_the_consumer()
    {
        Exec("insert into d1 values (1704067201000, 1.0, 10, 0)");
        var consumer = Subscribe("g1");
        Assert.Equal(["d1:10"], Drain(consumer));
        Assert.All(consumer.Assignment("rows_t"), v => Assert.Equal(TopicConsumer.NoCommittedOffset, consumer.Committed("rows_t", v.Vgroup)));
        foreach (var v in consumer.Assignment("rows_t")) consumer.Seek("rows_t", v.Vgroup, 0);
        Assert.Equal(["d1:10"], Drain(consumer));
        consumer.Unsubscribe();
        Assert.Equal(["d1:10"], Drain(Subscribe("g1")));
    }

    [Fact]
    public void Latest_starts_after_the_last_write_and_none_needs_a_committed_offset()
    {
        Exec("insert into d1 values (1704067201000, 1.0, 10, 0)");
        var latest = Subscribe("g1", OffsetReset.Latest);
        Assert.Empty(Drain(latest));
        Exec("insert into d1 values (1704067202000, 1.0, 11, 0)");
        Assert.Equal(["d1:11"], Drain(latest));
        var none = Subscribe("g2", OffsetReset.None);
        var e = Assert.Throws<TaosServerException>(() => none.Poll());
        Assert.Equal(16401, e.Code);
        foreach (var v in none.Assignment("rows_t")) none.CommitOffset("rows_t", v.Vgroup, 0);
        none.Unsubscribe();
        Assert.Equal(["d1:10", "d1:11"], Drain(Subscribe("g2", OffsetReset.None)));
    }

    [Fact]
    public void A_stable_topic_delivers_whole_rows_of_the_children_its_condition_passes()
    {
        Exec("insert into d1 values (1704067201000, 1.0, 10, 0) d2 values (1704067201000, 2.0, 20, 0.5)");
        var consumer = Subscribe("g1", topic: "stb_t");
        var message = consumer.Poll()!;
        var block = Assert.Single(message.Blocks);
        Assert.Equal("d2", block.Table);
        Assert.Equal(["ts", "current", "voltage", "phase"], block.Columns.Select(c => c.Name));
        Assert.Equal([[1704067201000L, 2.0f, 20, 0.5f]], block.Rows);
    }

    [Fact]
    public void A_subscribed_topic_cannot_be_dropped_until_unsubscribed()
    {
        var consumer = Subscribe("g1");
        Fails("drop topic rows_t", 1003, "Topic subscribed cannot be dropped");
        consumer.Unsubscribe();
        Assert.Equal(0, Affected("drop topic rows_t"));
        Assert.Throws<TaosServerException>(() => Engine.CreateConsumer("g1", OffsetReset.Earliest).Subscribe(["rows_t"]));
    }

    [Fact]
    public void Each_vgroup_has_its_own_position_commit_and_seek()
    {
        Exec("insert into d1 values (1704067201000, 1.0, 10, 0) d2 values (1704067201000, 2.0, 20, 0)");
        var consumer = Subscribe("g1");
        var vgroups = consumer.Assignment("rows_t").Select(v => v.Vgroup).ToList();
        Assert.Equal([2, 3], vgroups);
        var first = consumer.Poll()!;
        var second = consumer.Poll()!;
        Assert.NotEqual(first.Vgroup, second.Vgroup);
        Assert.Null(consumer.Poll());
        consumer.Seek("rows_t", first.Vgroup, 0);
        var again = consumer.Poll()!;
        Assert.Equal((first.Vgroup, first.Blocks[0].Table), (again.Vgroup, again.Blocks[0].Table));
        Assert.Null(consumer.Poll());
        consumer.CommitOffset("rows_t", first.Vgroup, 0);
        consumer.CommitOffset("rows_t", second.Vgroup, second.End);
        Assert.Equal((0, second.End), (consumer.Committed("rows_t", first.Vgroup), consumer.Committed("rows_t", second.Vgroup)));
        var e = Assert.Throws<TaosServerException>(() => consumer.Seek("rows_t", 99, 0));
        Assert.Equal((16392, "VgId does not belong to this consumer"), (e.Code, e.Message));
        consumer.Unsubscribe();
        Assert.Equal([first.Blocks[0].Table + ":" + first.Blocks[0].Rows[0][^1]], Drain(Subscribe("g1")));
    }
}
