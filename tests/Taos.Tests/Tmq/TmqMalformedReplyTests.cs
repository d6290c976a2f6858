using System.Text.Json;
using Taos.Tmq;

namespace Taos.Tests.Tmq;

/// <summary>
/// Answers that are not what taosAdapter sends (missing fields, short or lying block frames, error replies, a
/// closed socket) are clear <see cref="TaosException"/>s, and the consumer works again on its next call.
/// </summary>
public sealed class TmqMalformedReplyTests
{
    private const string Polled = ",\"have_message\":true,\"topic\":\"t\",\"database\":\"db\",\"vgroup_id\":2,\"message_type\":1,\"message_id\":1,\"offset\":0";

    private const string Fetched = ",\"message_id\":1,\"completed\":false,\"table_name\":\"\",\"rows\":2,\"fields_count\":3,\"fields_names\":[\"ts\",\"current\",\"voltage\"],\"fields_types\":[9,6,4],\"fields_lengths\":[8,4,4],\"precision\":0";

    private const string NoMessage = ",\"have_message\":false,\"topic\":\"\",\"database\":\"\",\"vgroup_id\":0,\"message_type\":0,\"message_id\":0,\"offset\":0";

    private static async Task<(TmqScriptedServer, TaosConsumer)> StartAsync(Func<JsonElement, int, IReadOnlyList<(bool, byte[])>?> poll)
    {
        int polls = 0;
        ulong lastFetch = 0;
        var server = await TmqScriptedServer.StartAsync(request => request.GetProperty("action").GetString() switch
        {
            "poll" => poll(request, ++polls) ?? [TmqScriptedServer.Reply(request, NoMessage)],
            "fetch" => Fetch(request, out lastFetch),
            // Matched to the fetch by the req_id at byte 8, but shorter than the 24-byte header.
            "fetch_block" => [(true, [.. new byte[8], .. BitConverter.GetBytes(lastFetch), .. new byte[4]])],
            _ => [TmqScriptedServer.Reply(request)],
        });
        var consumer = new TaosConsumer(new TaosConsumerConfig { Url = server.Url, GroupId = "g", Timeout = TimeSpan.FromSeconds(5) });
        consumer.Subscribe("t");
        return (server, consumer);
    }

    private static IReadOnlyList<(bool, byte[])> Fetch(JsonElement request, out ulong id)
    {
        id = request.GetProperty("args").GetProperty("req_id").GetUInt64();
        return [TmqScriptedServer.Reply(request, Fetched)];
    }

    [Fact]
    public async Task A_poll_reply_without_its_fields_is_a_malformed_reply()
    {
        var (server, consumer) = await StartAsync((request, n) => n == 1 ? [TmqScriptedServer.Reply(request, ",\"have_message\":true")] : null);
        await using (server)
        await using (consumer)
        {
            var e = Assert.Throws<TaosException>(() => consumer.Consume(TimeSpan.Zero));
            Assert.Contains("'poll'", e.Message);
            Assert.Contains("'topic'", e.Message);
            Assert.Null(consumer.Consume(TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task A_json_meta_reply_without_data_is_a_malformed_reply()
    {
        string meta = Polled.Replace("\"message_type\":1", "\"message_type\":2", StringComparison.Ordinal);
        var (server, consumer) = await StartAsync((request, n) => n == 1 ? [TmqScriptedServer.Reply(request, meta)] : null);
        await using (server)
        await using (consumer)
        {
            var e = Assert.Throws<TaosException>(() => consumer.Consume(TimeSpan.Zero));
            Assert.Contains("'fetch_json_meta'", e.Message);
            Assert.Contains("'data'", e.Message);
            Assert.Null(consumer.Consume(TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task A_block_frame_shorter_than_its_header_is_refused()
    {
        var (server, consumer) = await StartAsync((request, n) => n == 1 ? [TmqScriptedServer.Reply(request, Polled)] : null);
        await using (server)
        await using (consumer)
        {
            var e = Assert.Throws<TaosException>(() => consumer.Consume(TimeSpan.Zero));
            Assert.Contains("24-byte header", e.Message);
            Assert.Null(consumer.Consume(TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task An_error_reply_is_TDengine_s_code_and_message()
    {
        var (server, consumer) = await StartAsync((request, n) => n == 1
            ? [(false, System.Text.Encoding.UTF8.GetBytes($"{{\"code\":16401,\"message\":\"No committed info\",\"action\":\"poll\",\"req_id\":{request.GetProperty("args").GetProperty("req_id")},\"timing\":1}}"))]
            : null);
        await using (server)
        await using (consumer)
        {
            var e = Assert.Throws<TaosException>(() => consumer.Consume(TimeSpan.Zero));
            Assert.Equal((16401, "No committed info"), (e.ErrorCode, e.Description));
            Assert.Null(consumer.Consume(TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task A_reply_that_never_comes_times_out_and_the_next_call_connects_again()
    {
        var (server, consumer) = await StartAsync((request, n) => n == 1 ? [] : null);
        await using (server)
        await using (consumer)
        {
            var stalled = new TaosConsumer(new TaosConsumerConfig { Url = server.Url, GroupId = "g", Timeout = TimeSpan.FromMilliseconds(300) });
            await using (stalled)
            {
                stalled.Subscribe("t");
                var e = Assert.Throws<TaosException>(() => stalled.Consume(TimeSpan.Zero));
                Assert.Equal(TaosException.ClientErrorCode, e.ErrorCode);
                Assert.True(e.IsTransient);
                Assert.Null(stalled.Consume(TimeSpan.Zero));
            }
        }
    }
}
