using System.Buffers.Binary;
using System.Text.Json;
using Taos.Tmq;

namespace Taos.Tests.Tmq;

/// <summary>
/// Several vgroups per topic, as a real TDengine database has them (the official C# client's recorded session,
/// shared/conformance/ws/official-clients, connection 23: vgroups 54 and 55): assignments, per-vgroup offsets and
/// messages carry the vgroup; the block frame (tmq.jsonl) names the fetch that prepared it.
/// </summary>
public sealed class TmqVgroupTests
{
    private const string Assignment = ",\"assignment\":[{\"vgroup_id\":55,\"offset\":0,\"begin\":0,\"end\":9},{\"vgroup_id\":54,\"offset\":0,\"begin\":0,\"end\":8}]";

    private const string Polled = ",\"have_message\":true,\"topic\":\"offws_topic\",\"database\":\"offws\",\"vgroup_id\":54,\"message_type\":1,\"message_id\":1,\"offset\":0";

    private const string Fetched = ",\"message_id\":1,\"completed\":false,\"table_name\":\"\",\"rows\":2,\"fields_count\":3,\"fields_names\":[\"ts\",\"current\",\"voltage\"],\"fields_types\":[9,6,4],\"fields_lengths\":[8,4,4],\"precision\":0";

    private const string Completed = ",\"message_id\":1,\"completed\":true,\"table_name\":\"\",\"rows\":0,\"fields_count\":0,\"fields_names\":null,\"fields_types\":null,\"fields_lengths\":null,\"precision\":0";

    // tmq.jsonl:24, the first block of message 1: 2 rows × (TIMESTAMP, FLOAT, INT).
    private const string Block = "0d650000000000000a000000000000000100000000000000020000005b00000002000000030000000000008000000000000000000908000000060400000004040000001000000008000000080000000000f451c28c010000e8f751c28c01000000000028410000384100dc000000dd00000000";

    [Fact]
    public async Task Assignment_offsets_and_messages_are_per_vgroup()
    {
        ulong lastFetch = 0;
        bool fetched = false;
        await using var server = await TmqScriptedServer.StartAsync(request =>
        {
            ulong id = request.GetProperty("args").GetProperty("req_id").GetUInt64();
            switch (request.GetProperty("action").GetString())
            {
                case "assignment": return [TmqScriptedServer.Reply(request, Assignment)];
                case "committed": return [TmqScriptedServer.Reply(request, ",\"committed\":[7,9]")];
                case "position": return [TmqScriptedServer.Reply(request, ",\"position\":[8,9]")];
                case "poll": return [TmqScriptedServer.Reply(request, Polled)];
                case "fetch":
                    lastFetch = id;
                    fetched = !fetched;
                    return [TmqScriptedServer.Reply(request, fetched ? Fetched : Completed)];
                case "fetch_block":
                    var frame = Convert.FromHexString(Block);
                    BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(8), lastFetch);
                    return [(true, frame)];
                default: return [TmqScriptedServer.Reply(request)];
            }
        });
        await using var consumer = new TaosConsumer(new TaosConsumerConfig { Url = server.Url, GroupId = "offws_g1" });
        consumer.Subscribe("offws_topic");
        Assert.Equal([new("offws_topic", 55, 0, 0, 9), new TaosTopicAssignment("offws_topic", 54, 0, 0, 8)], consumer.Assignment());
        TaosTopicPartition[] partitions = [new("offws_topic", 54), new("offws_topic", 55)];
        Assert.Equal([7L, 9L], consumer.Committed(partitions).Select(o => o.Offset));
        Assert.Equal([54, 55], (await consumer.PositionAsync(partitions, CancellationToken.None)).Select(o => o.VgroupId));
        var message = consumer.Consume(TimeSpan.FromSeconds(1))!;
        Assert.Equal(new TaosTopicPartitionOffset("offws_topic", 54, 0), message.TopicPartitionOffset);
        Assert.Equal([220, 221], message.ToList<Row>().Select(r => r.Voltage));
        consumer.Seek("offws_topic", 55, 3);
        consumer.CommitOffset("offws_topic", 54, 8);

        var sent = server.Requests.GroupBy(r => r.GetProperty("action").GetString()!).ToDictionary(g => g.Key, g => g.Last().GetProperty("args"), StringComparer.Ordinal);
        Assert.Equal("[{\"topic\":\"offws_topic\",\"vgroup_id\":54},{\"topic\":\"offws_topic\",\"vgroup_id\":55}]", sent["committed"].GetProperty("topic_vgroup_ids").GetRawText());
        Assert.Equal((55, 3), (sent["seek"].GetProperty("vgroup_id").GetInt32(), sent["seek"].GetProperty("offset").GetInt32()));
        Assert.Equal((54, 8), (sent["commit_offset"].GetProperty("vgroup_id").GetInt32(), sent["commit_offset"].GetProperty("offset").GetInt32()));
        Assert.Equal(JsonValueKind.String, sent["subscribe"].GetProperty("auto_commit_interval_ms").ValueKind);
    }

    public sealed class Row
    {
        public int Voltage { get; set; }
    }
}
