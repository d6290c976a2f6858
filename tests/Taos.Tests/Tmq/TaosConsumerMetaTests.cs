using System.Text.Json;
using Taos.Tmq;

namespace Taos.Tests.Tmq;

/// <summary>Meta messages of WITH META and ONLY META topics through the consumer, against the embedded server over real loopback sockets.</summary>
public sealed class TaosConsumerMetaTests(TmqServer server) : IClassFixture<TmqServer>
{
    private string CreateDatabase()
    {
        string db = server.Unique("tq_meta");
        server.Run(
            $"create database {db} vgroups 1",
            $"create topic {db}_with with meta as database {db}",
            $"create topic {db}_only only meta as database {db}",
            $"create topic {db}_plain as database {db}",
            $"create stable {db}.st (ts timestamp, v int) tags (g int)",
            $"insert into {db}.c1 using {db}.st tags (7) values (1704067200000, 1) (1704067200001, 2)",
            $"create table {db}.n1 (ts timestamp, x double)");
        return db;
    }

    private static string Json(TaosConsumeResult message, string property) =>
        JsonDocument.Parse(message.JsonMeta!).RootElement.GetProperty(property).GetString()!;

    [Fact]
    public void A_with_meta_topic_yields_table_meta_data_and_meta_messages_with_their_json()
    {
        string db = CreateDatabase();
        using var consumer = new TaosConsumer(server.Config(db + "_g"));
        consumer.Subscribe(db + "_with");
        var messages = TmqTestRows.Drain(consumer);
        Assert.Equal([TaosMessageType.TableMeta, TaosMessageType.MetaData, TaosMessageType.TableMeta], messages.Select(m => m.MessageType));

        Assert.Equal(("create", "super", "st"), (Json(messages[0], "type"), Json(messages[0], "tableType"), Json(messages[0], "tableName")));
        Assert.Empty(messages[0].Blocks);
        Assert.Equal(0, messages[0].RowCount);

        Assert.Equal(("child", "c1", "st"), (Json(messages[1], "tableType"), Json(messages[1], "tableName"), Json(messages[1], "using")));
        Assert.Equal(2, messages[1].RowCount);
        Assert.Equal("c1", messages[1].TableName);

        Assert.Equal(("normal", "n1"), (Json(messages[2], "tableType"), Json(messages[2], "tableName")));
        Assert.All(messages, m => Assert.Equal((db + "_with", db), (m.Topic, m.Database)));
    }

    [Fact]
    public async Task Only_meta_yields_no_rows_and_a_plain_topic_no_meta()
    {
        string db = CreateDatabase();
        await using (var only = new TaosConsumer(server.Config(db + "_g1")))
        {
            await only.SubscribeAsync([db + "_only"], CancellationToken.None);
            var messages = TmqTestRows.Drain(only);
            Assert.Equal(3, messages.Count);
            Assert.All(messages, m => Assert.Equal((TaosMessageType.TableMeta, 0), (m.MessageType, m.RowCount)));
            Assert.Equal(["super", "child", "normal"], messages.Select(m => Json(m, "tableType")));
        }
        await using var plain = new TaosConsumer(server.Config(db + "_g2"));
        await plain.SubscribeAsync([db + "_plain"], CancellationToken.None);
        var data = TmqTestRows.Drain(plain);
        Assert.All(data, m => Assert.Equal((TaosMessageType.Data, (string?)null), (m.MessageType, m.JsonMeta)));
        Assert.Equal(2, data.Sum(m => m.RowCount));
    }

    [Fact]
    public async Task Ddl_after_subscribing_arrives_in_order_with_the_rows_and_commit_counts_it()
    {
        string db = CreateDatabase();
        await using (var consumer = new TaosConsumer(server.Config(db + "_g")))
        {
            await consumer.SubscribeAsync([db + "_with"], CancellationToken.None);
            Assert.Equal(3, TmqTestRows.Drain(consumer).Count);
            await consumer.CommitAsync(CancellationToken.None);
        }
        server.Run($"alter stable {db}.st add column w bigint", $"insert into {db}.c1 values (1704067200002, 3, 30)", $"drop table {db}.n1");
        await using var again = new TaosConsumer(server.Config(db + "_g"));
        await again.SubscribeAsync([db + "_with"], CancellationToken.None);
        var messages = TmqTestRows.Drain(again);
        Assert.Equal([TaosMessageType.TableMeta, TaosMessageType.Data, TaosMessageType.TableMeta], messages.Select(m => m.MessageType));
        Assert.Equal(("alter", "drop"), (Json(messages[0], "type"), Json(messages[2], "type")));
        Assert.Equal(1, messages[1].RowCount);
    }
}
