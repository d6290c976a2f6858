using System.Net;
using System.Net.Sockets;
using Taos.Tmq;

namespace Taos.Tests.Tmq;

/// <summary>Bad input and misuse get TDengine's errors (or a clear argument error), and the consumer stays usable.</summary>
public sealed class TaosConsumerErrorTests(TmqServer server) : IClassFixture<TmqServer>
{
    [Fact]
    public void Unknown_topic_is_993_and_the_consumer_can_subscribe_afterwards()
    {
        string db = server.Unique("tq_err");
        server.CreateMeters(db);
        server.Insert(db, "d1", 0, 1);
        using var consumer = new TaosConsumer(server.Config(db + "_g"));
        var e = Assert.Throws<TaosException>(() => consumer.Subscribe(db + "_missing"));
        Assert.Equal(993, e.ErrorCode);
        Assert.Equal("Topic not exist", e.Description);
        Assert.Empty(consumer.Subscription);
        consumer.Subscribe(db + "_rows");
        Assert.Equal([0], TmqTestRows.Voltages(TmqTestRows.Drain(consumer)));
    }

    [Fact]
    public void Subscribing_twice_is_refused_until_unsubscribe()
    {
        string db = server.Unique("tq_twice");
        server.CreateMeters(db);
        using var consumer = new TaosConsumer(server.Config(db + "_g"));
        consumer.Subscribe(db + "_rows");
        var e = Assert.Throws<TaosException>(() => consumer.Subscribe(db + "_stb"));
        Assert.Equal(65535, e.ErrorCode);
        Assert.Equal("tmq should have unsubscribed first", e.Description);
        Assert.Equal([db + "_rows"], consumer.Subscription);
        consumer.Unsubscribe();
        consumer.Subscribe(db + "_stb");
        Assert.Equal([db + "_stb"], consumer.ListTopics());
    }

    [Fact]
    public void Consuming_before_subscribing_is_tmq_not_init()
    {
        using var consumer = new TaosConsumer(server.Config(server.Unique("tq_noinit")));
        var e = Assert.Throws<TaosException>(() => consumer.Consume(TimeSpan.FromMilliseconds(10)));
        Assert.Equal(65535, e.ErrorCode);
        Assert.Equal("tmq not init", e.Description);
        Assert.Equal(65535, Assert.Throws<TaosException>(() => consumer.Commit()).ErrorCode);
        Assert.Equal(65535, Assert.Throws<TaosException>(() => consumer.ListTopics()).ErrorCode);
    }

    [Fact]
    public void Bad_configuration_is_refused_before_connecting()
    {
        Assert.Throws<ArgumentException>(() => new TaosConsumer(new TaosConsumerConfig()));
        Assert.Contains("'no.such.key'", Assert.Throws<ArgumentException>(() => new TaosConsumerConfig([new("no.such.key", "1")])).Message);
        Assert.Throws<ArgumentException>(() => new TaosConsumerConfig([new("auto.offset.reset", "sometimes")]));
        Assert.Throws<ArgumentException>(() => new TaosConsumerConfig([new("enable.auto.commit", "yes")]));
        Assert.Throws<ArgumentException>(() => new TaosConsumerConfig([new("td.connect.port", "70000")]));
        Assert.Throws<ArgumentException>(() => new TaosConsumerConfig([new("td.connect.type", "native")]));
        using var consumer = new TaosConsumer(server.Config("tq_args"));
        Assert.Throws<ArgumentException>(() => consumer.Subscribe(Array.Empty<string>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => consumer.Consume(TimeSpan.FromMilliseconds(-5)));
    }

    [Fact]
    public void TDengine_keys_configure_the_consumer()
    {
        var config = new TaosConsumerConfig([
            new("td.connect.type", "WebSocket"), new("td.connect.ip", "127.0.0.1"), new("td.connect.port", "6041"),
            new("td.connect.user", "u"), new("td.connect.pass", "p"), new("group.id", "g"), new("client.id", "c"),
            new("auto.offset.reset", "earliest"), new("enable.auto.commit", "false"), new("auto.commit.interval.ms", "1500"),
            new("msg.with.table.name", "false"), new("td.connect.websocket.scheme", "wss"), new("ws.autoReconnect", "true"),
            new("ws.reconnect.retry.count", "7"), new("ws.reconnect.interval.ms", "250"), new("ws.message.timeout", "9000")]);
        Assert.Equal(("127.0.0.1", 6041, "u", "p", "g", "c"), (config.Host, config.Port, config.Username, config.Password, config.GroupId, config.ClientId));
        Assert.Equal((TaosOffsetReset.Earliest, false, TimeSpan.FromMilliseconds(1500), false), (config.AutoOffsetReset, config.EnableAutoCommit, config.AutoCommitInterval, config.WithTableName));
        Assert.Equal((true, true, 7, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(9)), (config.UseSsl, config.AutoReconnect, config.ReconnectRetryCount, config.ReconnectInterval, config.Timeout));
    }

    [Fact]
    public void An_unreachable_server_is_a_transient_client_error()
    {
        var config = server.Config("tq_unreachable", "ws://127.0.0.1:" + FreePort());
        using var consumer = new TaosConsumer(config);
        var e = Assert.Throws<TaosException>(() => consumer.Subscribe("anything"));
        Assert.Equal(TaosException.ClientErrorCode, e.ErrorCode);
        Assert.True(e.IsTransient);
        Assert.Empty(consumer.Subscription);
    }

    [Fact]
    public void An_unreachable_endpoint_is_skipped_for_the_next_one_of_the_url()
    {
        string db = server.Unique("tq_failover");
        server.CreateMeters(db);
        server.Insert(db, "d1", 0, 1);
        using var consumer = new TaosConsumer(server.Config(db + "_g", $"ws://127.0.0.1:{FreePort()}, {server.WsUrl}"));
        consumer.Subscribe(db + "_rows");
        Assert.Equal([0], TmqTestRows.Voltages(TmqTestRows.Drain(consumer)));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_closed_consumer_refuses_calls()
    {
        var consumer = new TaosConsumer(server.Config("tq_closed"));
        await consumer.DisposeAsync();
        consumer.Close();
        Assert.Throws<ObjectDisposedException>(() => consumer.Consume(TimeSpan.Zero));
    }
}
