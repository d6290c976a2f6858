using Taos.Tmq;
using static Taos.Tests.Tmq.TmqTestRows;

namespace Taos.Tests.Tmq;

/// <summary>
/// Dropped connections and a server restart: the consumer connects again, subscribes again and continues from the
/// group's committed offsets, so a committing consumer reads every row exactly once.
/// </summary>
public sealed class TaosConsumerReconnectTests(TmqServer server) : IClassFixture<TmqServer>
{
    [Fact]
    public async Task Every_row_once_across_commit_dropped_sockets_and_a_server_restart()
    {
        string db = server.Unique("tq_restart");
        server.CreateMeters(db);
        server.Insert(db, "d0", 0, 10);
        server.Insert(db, "d1", 10, 10);
        await using var proxy = await TmqProxy.StartAsync(server.Url);
        var config = server.Config(db + "_g", proxy.Url);
        config.AutoReconnect = true;
        config.ReconnectRetryCount = 50;
        var read = new List<int>();
        await using var consumer = new TaosConsumer(config);
        consumer.Subscribe(db + "_stb");

        read.AddRange(Voltages(Drain(consumer)));
        consumer.Commit();
        server.Insert(db, "d0", 20, 10);
        proxy.DropAll();
        read.AddRange(Voltages(Drain(consumer)));
        consumer.Commit();
        Assert.Equal(2, proxy.Connections);

        await server.RestartAsync();
        server.Insert(db, "d1", 30, 10);
        read.AddRange(Voltages(Drain(consumer)));
        consumer.Commit();
        Assert.Equal(Enumerable.Range(0, 40), read.Order());
        Assert.Equal(3, proxy.Connections);

        await using var second = new TaosConsumer(server.Config(db + "_g2"));
        second.Subscribe(db + "_stb");
        Assert.Equal(Enumerable.Range(0, 40), Voltages(Drain(second)).Order());
        await using var sameGroup = new TaosConsumer(server.Config(db + "_g"));
        sameGroup.Subscribe(db + "_stb");
        Assert.Empty(Drain(sameGroup));
    }

    [Fact]
    public async Task Rows_consumed_but_not_committed_before_a_drop_come_again()
    {
        string db = server.Unique("tq_redeliver");
        server.CreateMeters(db);
        server.Insert(db, "d1", 0, 2);
        await using var proxy = await TmqProxy.StartAsync(server.Url);
        var config = server.Config(db + "_g", proxy.Url);
        config.AutoReconnect = true;
        await using var consumer = new TaosConsumer(config);
        consumer.Subscribe(db + "_rows");
        Assert.Equal([0, 1], Voltages([consumer.Consume(TimeSpan.FromSeconds(5))!]));
        consumer.Commit();
        server.Insert(db, "d1", 2, 2);
        Assert.Equal([2, 3], Voltages([consumer.Consume(TimeSpan.FromSeconds(5))!]));
        proxy.DropAll();
        Assert.Equal([2, 3], Voltages(Drain(consumer)));
    }

    [Fact]
    public async Task Without_auto_reconnect_a_lost_server_is_a_transient_client_error_and_the_group_continues_from_its_commit()
    {
        string db = server.Unique("tq_lost");
        server.CreateMeters(db);
        server.Insert(db, "d1", 0, 2);
        var proxy = await TmqProxy.StartAsync(server.Url);
        var config = server.Config(db + "_g", proxy.Url);
        await using var consumer = new TaosConsumer(config);
        consumer.Subscribe(db + "_rows");
        Assert.Equal([0, 1], Voltages([consumer.Consume(TimeSpan.FromSeconds(5))!]));
        consumer.Commit();
        await proxy.DisposeAsync();
        var e = Assert.Throws<TaosException>(() => consumer.Consume(TimeSpan.FromMilliseconds(100)));
        Assert.Equal(TaosException.ClientErrorCode, e.ErrorCode);
        Assert.True(e.IsTransient);

        server.Insert(db, "d1", 2, 1);
        config.Url = server.WsUrl;
        await using var direct = new TaosConsumer(config);
        direct.Subscribe(db + "_rows");
        Assert.Equal([2], Voltages(Drain(direct)));
    }

    [Fact]
    public async Task A_topic_dropped_while_disconnected_ends_the_subscription_with_993()
    {
        string db = server.Unique("tq_dropped");
        server.CreateMeters(db);
        server.Insert(db, "d1", 0, 2);
        await using var proxy = await TmqProxy.StartAsync(server.Url);
        var config = server.Config(db + "_g", proxy.Url);
        config.AutoReconnect = true;
        await using var consumer = new TaosConsumer(config);
        consumer.Subscribe(db + "_rows");
        Assert.Equal([0, 1], Voltages(Drain(consumer)));
        proxy.DropAll();
        // The server lets the topic go once it has seen the socket close (DROP TOPIC is refused while consumed).
        for (int i = 0; ; i++)
        {
            try
            {
                server.Run($"drop topic {db}_rows");
                break;
            }
            catch (TaosException) when (i < 100)
            {
                await Task.Delay(50);
            }
        }
        var e = Assert.Throws<TaosException>(() => consumer.Consume(TimeSpan.FromMilliseconds(100)));
        Assert.Equal(993, e.ErrorCode);
        Assert.Empty(consumer.Subscription);
        consumer.Subscribe(db + "_stb");
        Assert.Equal([0, 1], Voltages(Drain(consumer)));
    }

    [Fact]
    public async Task A_cancelled_wait_drops_the_connection_and_the_next_call_continues_from_the_commit()
    {
        string db = server.Unique("tq_cancel");
        server.CreateMeters(db);
        server.Insert(db, "d1", 0, 2);
        await using var proxy = await TmqProxy.StartAsync(server.Url);
        await using var consumer = new TaosConsumer(server.Config(db + "_g", proxy.Url));
        await consumer.SubscribeAsync([db + "_rows"], CancellationToken.None);
        Assert.Equal([0, 1], Voltages([(await consumer.ConsumeAsync(TimeSpan.FromSeconds(5), CancellationToken.None))!]));
        await consumer.CommitAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => consumer.ConsumeAsync(TimeSpan.FromSeconds(30), cts.Token));
        server.Insert(db, "d1", 2, 1);
        Assert.Equal([2], Voltages(Drain(consumer)));
        Assert.Equal(2, proxy.Connections);
    }
}
