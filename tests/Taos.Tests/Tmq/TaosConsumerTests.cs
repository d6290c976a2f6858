using Taos.Tmq;
using static Taos.Tests.Tmq.TmqTestRows;

namespace Taos.Tests.Tmq;

/// <summary>The consumer against the embedded server over real loopback sockets: delivery, commits, groups, seek, offsets reset, auto-commit.</summary>
public sealed class TaosConsumerTests(TmqServer server) : IClassFixture<TmqServer>
{
    [Fact]
    public void Reads_every_row_once_per_group_when_it_commits()
    {
        string db = server.Unique("tq_once");
        server.CreateMeters(db);
        server.Insert(db, "d1", 0, 3);
        server.Insert(db, "d2", 3, 2);
        using (var consumer = new TaosConsumer(server.Config(db + "_g")))
        {
            consumer.Subscribe(db + "_stb");
            var messages = Drain(consumer);
            Assert.Equal([0, 1, 2, 3, 4], Voltages(messages).Order());
            Assert.All(messages, m => Assert.Equal((db + "_stb", db), (m.Topic, m.Database)));
            Assert.Equal(["d1", "d2"], messages.SelectMany(m => m.Blocks).Select(b => b.TableName).Distinct().Order());
            consumer.Commit();
        }
        server.Insert(db, "d1", 5, 2);
        using (var again = new TaosConsumer(server.Config(db + "_g")))
        {
            again.Subscribe(db + "_stb");
            Assert.Equal([5, 6], Voltages(Drain(again)).Order());
        }
    }

    [Fact]
    public async Task A_second_group_gets_every_row_too()
    {
        string db = server.Unique("tq_groups");
        server.CreateMeters(db);
        server.Insert(db, "d1", 0, 4);
        await using var first = new TaosConsumer(server.Config(db + "_g1"));
        await using var second = new TaosConsumer(server.Config(db + "_g2"));
        await first.SubscribeAsync([db + "_rows"], CancellationToken.None);
        await second.SubscribeAsync([db + "_rows"], CancellationToken.None);
        Assert.Equal([0, 1, 2, 3], Voltages(Drain(first)));
        await first.CommitAsync(CancellationToken.None);
        Assert.Equal([0, 1, 2, 3], Voltages(Drain(second)));
    }

    [Fact]
    public void Seek_replays_the_rows_from_the_offset()
    {
        string db = server.Unique("tq_seek");
        server.CreateMeters(db);
        server.Insert(db, "d1", 0, 2);
        server.Insert(db, "d1", 2, 2);
        using var consumer = new TaosConsumer(server.Config(db + "_g"));
        consumer.Subscribe(db + "_rows");
        Assert.Equal([0, 1, 2, 3], Voltages(Drain(consumer)));
        var assignments = consumer.Assignment();
        Assert.All(assignments, a => Assert.Equal(db + "_rows", a.Topic));
        var partitions = Partitions(consumer);
        Assert.Equal(assignments.Select(a => a.End), consumer.Position(partitions).Select(p => p.Offset));
        SeekToBegin(consumer);
        Assert.Equal(assignments.Select(a => a.Begin), consumer.Position(partitions).Select(p => p.Offset));
        Assert.Equal([0, 1, 2, 3], Voltages(Drain(consumer)));
    }

    [Fact]
    public void Committed_reports_no_offset_until_a_commit_then_the_position()
    {
        string db = server.Unique("tq_committed");
        server.CreateMeters(db);
        server.Insert(db, "d1", 0, 2);
        using var consumer = new TaosConsumer(server.Config(db + "_g"));
        consumer.Subscribe(db + "_rows");
        var partitions = Partitions(consumer);
        Assert.All(consumer.Committed(partitions), none =>
        {
            Assert.Equal(TaosTopicPartitionOffset.NoOffset, none.Offset);
            Assert.False(none.HasOffset);
        });
        Drain(consumer);
        consumer.Commit();
        var committed = consumer.Committed(partitions);
        Assert.Contains(committed, c => c.HasOffset);
        var positions = consumer.Position(partitions);
        Assert.All(committed.Zip(positions).Where(p => p.First.HasOffset), p => Assert.Equal(p.Second, p.First));
    }

    [Fact]
    public void CommitOffset_sets_where_the_group_starts()
    {
        string db = server.Unique("tq_commitoffset");
        server.CreateMeters(db);
        server.Insert(db, "d1", 0, 2);
        using (var consumer = new TaosConsumer(server.Config(db + "_g")))
        {
            consumer.Subscribe(db + "_rows");
            Drain(consumer);
            var middle = consumer.Position(Partitions(consumer));
            server.Insert(db, "d1", 2, 2);
            Assert.Equal([2, 3], Voltages(Drain(consumer)));
            foreach (var at in middle) consumer.CommitOffset(at.Topic, at.VgroupId, at.Offset);
        }
        using var again = new TaosConsumer(server.Config(db + "_g"));
        again.Subscribe(db + "_rows");
        Assert.Equal([2, 3], Voltages(Drain(again)));
    }

    [Fact]
    public void Latest_reads_only_rows_written_after_subscribing()
    {
        string db = server.Unique("tq_latest");
        server.CreateMeters(db);
        server.Insert(db, "d1", 0, 2);
        var config = server.Config(db + "_g");
        config.AutoOffsetReset = TaosOffsetReset.Latest;
        using var consumer = new TaosConsumer(config);
        consumer.Subscribe(db + "_rows");
        Assert.Null(consumer.Consume(TimeSpan.FromMilliseconds(200)));
        server.Insert(db, "d1", 2, 1);
        Assert.Equal([2], Voltages(Drain(consumer)));
    }

    [Fact]
    public void None_reads_nothing_without_a_committed_offset_until_a_seek()
    {
        string db = server.Unique("tq_none");
        server.CreateMeters(db);
        server.Insert(db, "d1", 0, 2);
        var config = server.Config(db + "_g");
        config.AutoOffsetReset = TaosOffsetReset.None;
        using var consumer = new TaosConsumer(config);
        consumer.Subscribe(db + "_rows");
        var e = Assert.Throws<TaosException>(() => consumer.Consume(TimeSpan.FromMilliseconds(100)));
        Assert.NotEqual(TaosException.ClientErrorCode, e.ErrorCode);
        SeekToBegin(consumer);
        Assert.Equal([0, 1], Voltages(Drain(consumer)));
    }

    [Fact]
    public void Auto_commit_commits_at_the_next_poll_and_on_close()
    {
        string db = server.Unique("tq_auto");
        server.CreateMeters(db);
        server.Insert(db, "d1", 0, 2);
        var config = server.Config(db + "_g");
        config.EnableAutoCommit = true;
        config.AutoCommitInterval = TimeSpan.FromMilliseconds(1);
        using (var consumer = new TaosConsumer(config))
        {
            consumer.Subscribe(db + "_rows");
            Assert.Equal([0, 1], Voltages([consumer.Consume(TimeSpan.FromSeconds(5))!]));
            Assert.Null(consumer.Consume(TimeSpan.FromMilliseconds(100)));
            Assert.Contains(consumer.Committed(Partitions(consumer)), c => c.HasOffset);
            server.Insert(db, "d1", 2, 1);
            Assert.Equal([2], Voltages([consumer.Consume(TimeSpan.FromSeconds(5))!]));
        }
        using var again = new TaosConsumer(server.Config(db + "_g"));
        again.Subscribe(db + "_rows");
        Assert.Empty(Drain(again));
    }

    [Fact]
    public async Task ConsumeAsync_streams_messages_until_cancelled()
    {
        string db = server.Unique("tq_stream");
        server.CreateMeters(db);
        var config = server.Config(db + "_g");
        config.ConsumeBlockingTime = TimeSpan.FromMilliseconds(100);
        await using var consumer = new TaosConsumer(config);
        await consumer.SubscribeAsync([db + "_rows"], CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var voltages = new List<int>();
        var writer = Task.Run(() =>
        {
            for (int i = 0; i < 3; i++) server.Insert(db, "d1", i * 2, 2);
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var message in consumer.ConsumeAsync(cts.Token))
            {
                voltages.AddRange(Voltages([message]));
                if (voltages.Count == 6) cts.Cancel();
            }
        });
        await writer;
        Assert.Equal([0, 1, 2, 3, 4, 5], voltages);
        await consumer.CommitAsync(CancellationToken.None);
        Assert.Null(await consumer.ConsumeAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None));
    }

    [Fact]
    public async Task Unsubscribe_then_subscribe_to_another_topic_on_the_same_consumer()
    {
        string db = server.Unique("tq_resub");
        server.CreateMeters(db);
        server.Insert(db, "d1", 0, 1);
        await using var consumer = new TaosConsumer(server.Config(db + "_g"));
        consumer.Subscribe(db + "_rows");
        Assert.Equal([db + "_rows"], consumer.ListTopics());
        Assert.Equal([db + "_rows"], consumer.Subscription);
        await consumer.UnsubscribeAsync(CancellationToken.None);
        Assert.Empty(consumer.Subscription);
        Assert.Empty(await consumer.ListTopicsAsync(CancellationToken.None));
        Assert.Null(consumer.Consume(TimeSpan.FromMilliseconds(50)));
        consumer.Subscribe(db + "_stb");
        var message = Assert.Single(Drain(consumer));
        Assert.Equal("d1", message.TableName);
        Assert.Equal(db + "_stb", message.Topic);
    }
}
