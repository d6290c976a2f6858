using System.Text.Json;
using Taos.Protocol;
using Taos.Protocol.RawBlock;
using Taos.Tmq;
using Taos.Transport;

namespace Taos.Tests.Tmq;

/// <summary>
/// The consumer against the recording of a real TDengine 3.3.0.1 session on <c>/rest/tmq</c>
/// (<c>Conformance/data/tmq.jsonl</c>, copied from shared/conformance/ws): driven through the same steps, it sends the
/// recorded requests — actions, option names, value kinds and values (but <c>req_id</c> and the server-assigned
/// <c>vgroup_id</c>) — and reads the rows the recorded blocks hold.
/// </summary>
public sealed class TmqConformanceTests(TmqServer server) : IClassFixture<TmqServer>
{
    // shared/conformance/ws/tmq-setup.sql without its drops (the server is fresh).
    private static readonly string[] Setup =
    [
        "create database cx_tmq precision 'ms' vgroups 1",
        "create stable cx_tmq.meters (ts timestamp, current float, voltage int) tags (groupid int, location varchar(16))",
        "insert into cx_tmq.d1 using cx_tmq.meters tags (1, 'north') values (1704067200000, 10.5, 220) (1704067201000, 11.5, 221) cx_tmq.d2 using cx_tmq.meters tags (2, 'south') values (1704067200000, 20.5, 230)",
        "create topic cx_tmq_rows as select ts, current, voltage from cx_tmq.meters",
        "create topic cx_tmq_stb as stable cx_tmq.meters",
    ];

    // Requests of the recording no consumer call produces: the handshake-free version, a deliberately wrong message
    // id, and fetch_raw/fetch_json_meta (raw data for write_raw and table meta, not part of the consumer's API).
    private static bool Produced(JsonElement request) =>
        Action(request) is not ("version" or "fetch_raw" or "fetch_json_meta")
        && !(Action(request) == "fetch" && request.GetProperty("args").GetProperty("message_id").GetInt64() == 101);

    private static readonly HashSet<string> ExtraSubscribeOptions = ["auto_commit_interval_ms", "with_table_name", "snapshot_enable"];

    [Fact]
    public async Task The_consumer_sends_the_recorded_requests_and_reads_the_recorded_rows()
    {
        server.Run(Setup);
        await using var proxy = await TmqProxy.StartAsync(server.Url);
        var config = new TaosConsumerConfig
        {
            Url = proxy.Url, GroupId = "cx_g1", ClientId = "cx_c1", AutoOffsetReset = TaosOffsetReset.Earliest, EnableAutoCommit = false,
        };
        await using (var consumer = new TaosConsumer(config))
        {
            Drive(consumer);
        }
        var recorded = Recording().Where(f => f.Send).Select(f => f.Json).Where(Produced).ToList();
        var sent = proxy.Requests.Select(r => JsonDocument.Parse(r).RootElement).ToList();
        Assert.Equal(recorded.Select(Action), sent.Select(Action));
        for (int i = 0; i < recorded.Count; i++)
        {
            AssertSameArgs(recorded[i], sent[i]);
        }
    }

    [Fact]
    public void Recorded_blocks_decode_to_the_rows_the_embedded_server_sends()
    {
        var frames = Recording();
        var fetches = frames.Where(f => f.Send == false && f.Json.ValueKind == JsonValueKind.Object && Action(f.Json) == "fetch"
            && f.Json.GetProperty("code").GetInt32() == 0 && !f.Json.GetProperty("completed").GetBoolean()).Select(f => f.Json).ToList();
        var blocks = frames.Where(f => f.Binary is not null && f.Binary.Length == BitConverter.ToInt32(f.Binary, 28) + 24).Select(f => f.Binary!).ToList();
        Assert.Equal(6, fetches.Count);
        Assert.Equal(6, blocks.Count);
        var rows = new List<(string, object[])>();
        for (int i = 0; i < blocks.Count; i++)
        {
            var columns = fetches[i].GetProperty("fields_names").EnumerateArray().Zip(fetches[i].GetProperty("fields_types").EnumerateArray())
                .Select(p => new TaosColumnMeta(p.First.GetString()!, "", (TaosDataType)p.Second.GetInt32(), 0, TaosPrecision.Milliseconds)).ToArray();
            var block = new TaosConsumeBlock(fetches[i].GetProperty("table_name").GetString()!, columns, RawBlockView.Parse(blocks[i], 24, blocks[i].Length - 24));
            using var reader = block.GetReader();
            while (reader.Read())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add((block.TableName, values));
            }
        }
        var expected = Drive(null);
        Assert.Equal(expected.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i].Table, rows[i].Item1);
            Assert.Equal(expected[i].Values, rows[i].Item2);
        }
    }

    // The recording's steps through the consumer's API; with no consumer, the rows those steps read (as recorded).
    private static List<(string Table, object[] Values)> Drive(TaosConsumer? consumer)
    {
        object[] Row(long ms, float current, int voltage) => [DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime, current, voltage];
        List<(string, object[])> Rows(string d1, string d2) => [(d1, Row(1704067200000, 10.5f, 220)), (d1, Row(1704067201000, 11.5f, 221)), (d2, Row(1704067200000, 20.5f, 230))];
        var expected = Rows("", "").Concat(Rows("", "")).Concat(Rows("d1", "d2")).ToList();
        if (consumer is null) return expected;

        var read = new List<(string, object[])>();
        Assert.Equal("tmq not init", Assert.Throws<TaosException>(() => consumer.Consume(TimeSpan.FromMilliseconds(100))).Description);
        Assert.Equal(993, Assert.Throws<TaosException>(() => consumer.Subscribe("cx_tmq_missing")).ErrorCode);
        consumer.Subscribe("cx_tmq_rows");
        Assert.Equal(65535, Assert.Throws<TaosException>(() => consumer.Subscribe("cx_tmq_rows")).ErrorCode);
        var assignment = Assert.Single(consumer.Assignment());
        var partition = new TaosTopicPartition("cx_tmq_rows", assignment.VgroupId);
        Assert.Equal(0, Assert.Single(consumer.Position([partition])).Offset);
        Assert.Equal(TaosTopicPartitionOffset.NoOffset, Assert.Single(consumer.Committed([partition])).Offset);
        read.AddRange(RowsOf(consumer.Consume(TimeSpan.FromSeconds(5))!, assignment.VgroupId));
        consumer.Commit();
        long position = Assert.Single(consumer.Committed([partition])).Offset;
        Assert.Equal(position, Assert.Single(consumer.Position([partition])).Offset);
        Assert.Equal(assignment with { End = position }, Assert.Single(consumer.Assignment()));
        Assert.Null(consumer.Consume(TimeSpan.FromSeconds(1)));
        consumer.Seek("cx_tmq_rows", assignment.VgroupId, 0);
        Assert.Equal(0, Assert.Single(consumer.Position([partition])).Offset);
        read.AddRange(RowsOf(consumer.Consume(TimeSpan.FromSeconds(5))!, assignment.VgroupId));
        Assert.Equal(["cx_tmq_rows"], consumer.ListTopics());
        consumer.Unsubscribe();
        Assert.Null(consumer.Consume(TimeSpan.FromMilliseconds(100)));
        consumer.Subscribe("cx_tmq_stb");
        read.AddRange(RowsOf(consumer.Consume(TimeSpan.FromSeconds(5))!, assignment.VgroupId));
        consumer.Commit();
        consumer.Unsubscribe();
        Assert.Equal(expected.Count, read.Count);
        for (int i = 0; i < read.Count; i++)
        {
            Assert.Equal(expected[i].Item1, read[i].Item1);
            Assert.Equal(expected[i].Item2, read[i].Item2);
        }
        return read;
    }

    private static IEnumerable<(string, object[])> RowsOf(TaosConsumeResult message, int vgroupId)
    {
        Assert.Equal(("cx_tmq", vgroupId), (message.Database, message.VgroupId));
        Assert.Equal([2, 1], message.Blocks.Select(b => b.RowCount));
        foreach (var block in message.Blocks)
        {
            using var reader = block.GetReader();
            while (reader.Read())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                yield return (block.TableName, values);
            }
        }
    }

    private static void AssertSameArgs(JsonElement recorded, JsonElement sent)
    {
        var want = recorded.GetProperty("args").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var got = sent.GetProperty("args").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Empty(got.Keys.Except(want.Keys).Except(Action(sent) == "subscribe" ? ExtraSubscribeOptions : []));
        foreach (var (name, value) in want)
        {
            Assert.True(got.TryGetValue(name, out var mine), $"{Action(recorded)} lacks '{name}'");
            Assert.Equal(value.ValueKind, mine.ValueKind);
            if (name is "req_id" or "vgroup_id") continue;
            if (name == "topic_vgroup_ids")
            {
                Assert.Equal(value.EnumerateArray().Select(t => t.GetProperty("topic").GetString()), mine.EnumerateArray().Select(t => t.GetProperty("topic").GetString()));
                continue;
            }
            Assert.Equal(value.GetRawText(), mine.GetRawText());
        }
        if (Action(sent) == "subscribe")
        {
            // taosAdapter takes every option as a string.
            Assert.All(got.Where(p => p.Key is not ("req_id" or "topics")), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        }
    }

    private static string Action(JsonElement request) => request.GetProperty("action").GetString()!;

    private sealed record Frame(bool Send, JsonElement Json, byte[]? Binary);

    private static List<Frame> Recording()
    {
        var frames = new List<Frame>();
        foreach (string line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Conformance", "data", "tmq.jsonl")))
        {
            var entry = JsonDocument.Parse(line).RootElement;
            bool send = entry.GetProperty("dir").GetString() == "send";
            frames.Add(entry.GetProperty("type").GetString() == "binary"
                ? new Frame(send, default, Convert.FromHexString(entry.GetProperty("hex").GetString()!))
                : new Frame(send, JsonDocument.Parse(entry.GetProperty("text").GetString()!).RootElement, null));
        }
        return frames;
    }
}
