using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Taos.Protocol.RawBlock;
using Taos.Server.Endpoints.WebSocket;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Endpoints.WebSocket;

public class WsEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Req_id_is_echoed_as_the_full_unsigned_64_bit_value()
    {
        using var socket = await ConnectAsync("/ws");
        var reply = await RequestAsync(socket, """{"action":"conn","args":{"req_id":18446744073709551615,"user":"root","password":"taosdata","db":""}}""");
        Assert.Contains("\"req_id\":18446744073709551615,", reply.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, reply.GetProperty("code").GetInt32());

        reply = await RequestAsync(socket, """{"action":"get_current_db","req_id":9007199254740993,"args":{"req_id":1}}""");
        Assert.Equal(9007199254740993ul, reply.GetProperty("req_id").GetUInt64());
        Assert.Equal("", reply.GetProperty("db").GetString());
    }

    [Fact]
    public async Task Several_results_stay_open_and_each_fetches_its_own_rows()
    {
        using var socket = await ConnectedAsync();
        var first = await RequestAsync(socket, Query(1, "select 1 as a"));
        var second = await RequestAsync(socket, Query(2, "select 'xy' as b, cast(7 as bigint unsigned) as c"));
        ulong id1 = first.GetProperty("id").GetUInt64(), id2 = second.GetProperty("id").GetUInt64();
        Assert.NotEqual(id1, id2);

        var fields = await RequestAsync(socket, $$$"""{"action":"num_fields","args":{"req_id":3,"result_id":{{{id2}}}}}""");
        Assert.Equal(2, fields.GetProperty("num_fields").GetInt32());

        var fetch2 = await RequestAsync(socket, Fetch("fetch", 4, id2));
        Assert.Equal(1, fetch2.GetProperty("rows").GetInt32());
        var block2 = await BlockAsync(socket, Fetch("fetch_block", 5, id2));
        Assert.Equal(id2, BinaryPrimitives.ReadUInt64LittleEndian(block2.AsSpan(8)));
        Assert.Equal(new object?[] { "xy", 7ul }, RawBlockReader.Read(block2.AsSpan(16)).Rows[0]);

        var fetch1 = await RequestAsync(socket, Fetch("fetch", 6, id1));
        Assert.False(fetch1.GetProperty("completed").GetBoolean());
        var done = await RequestAsync(socket, Fetch("fetch", 7, id1));
        Assert.True(done.GetProperty("completed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("lengths").ValueKind);

        // The completing fetch freed the result.
        var gone = await RequestAsync(socket, Fetch("fetch", 8, id1));
        Assert.Equal("result is nil", gone.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Fetch_block_before_fetch_and_after_free_are_errors_and_free_result_never_answers()
    {
        using var socket = await ConnectedAsync();
        ulong id = (await RequestAsync(socket, Query(1, "select 1"))).GetProperty("id").GetUInt64();

        var early = await RequestAsync(socket, Fetch("fetch_block", 2, id));
        Assert.Equal(65535, early.GetProperty("code").GetInt32());
        Assert.Equal("block is nil", early.GetProperty("message").GetString());
        Assert.Equal("fetch_block", early.GetProperty("action").GetString());

        await SendAsync(socket, Fetch("free_result", 3, id));
        var after = await RequestAsync(socket, Fetch("fetch_block", 4, id));
        Assert.Equal("result is nil", after.GetProperty("message").GetString());
        Assert.Equal(4ul, after.GetProperty("req_id").GetUInt64());
    }

    [Fact]
    public async Task Session_errors_answer_like_taosadapter()
    {
        using var socket = await ConnectAsync("/ws");
        var early = await RequestAsync(socket, """{"action":"no_such","args":{"req_id":5}}""");
        Assert.Equal("server not connected", early.GetProperty("message").GetString());
        Assert.Equal(0ul, early.GetProperty("req_id").GetUInt64());

        await RequestAsync(socket, Conn(1));
        var twice = await RequestAsync(socket, Conn(2));
        Assert.Equal("duplicate connections", twice.GetProperty("message").GetString());

        var bad = await RequestAsync(socket, """{"action":"query","args":{"req_id":3,"sql":42}}""");
        Assert.Equal(65535, bad.GetProperty("code").GetInt32());
        Assert.Equal("query", bad.GetProperty("action").GetString());

        await SendAsync(socket, "not json");
        var info = await RequestAsync(socket, """{"action":"get_server_info","args":{"req_id":4}}""");
        Assert.StartsWith("ver:3.3.0.1\n", info.GetProperty("info").GetString(), StringComparison.Ordinal);
        Assert.Equal(4ul, info.GetProperty("req_id").GetUInt64());
    }

    [Fact]
    public async Task Open_results_are_limited_per_connection_with_a_clear_error()
    {
        using var socket = await ConnectedAsync();
        for (int i = 0; i < WsQueryActions.MaxOpenResults; i++)
        {
            Assert.Equal(0, (await RequestAsync(socket, Query((ulong)i, "select 1"))).GetProperty("code").GetInt32());
        }
        var refused = await RequestAsync(socket, Query(5000, "select 1"));
        Assert.Equal(65535, refused.GetProperty("code").GetInt32());
        Assert.Contains("too many open results", refused.GetProperty("message").GetString(), StringComparison.Ordinal);

        await SendAsync(socket, Fetch("free_result", 5001, 1));
        var again = await RequestAsync(socket, Query(5002, "select 1"));
        Assert.Equal((ulong)WsQueryActions.MaxOpenResults + 1, again.GetProperty("id").GetUInt64());
    }

    [Fact]
    public async Task An_insert_answers_is_update_with_id_0()
    {
        using var socket = await ConnectedAsync();
        await RequestAsync(socket, Query(1, "create database if not exists ws_insert"));
        await RequestAsync(socket, Query(2, "create table if not exists ws_insert.t (ts timestamp, v nchar(4))"));
        var insert = await RequestAsync(socket, Query(3, "insert into ws_insert.t values (1704067200000, 'äb') (1704067201000, null)"));
        Assert.True(insert.GetProperty("is_update").GetBoolean());
        Assert.Equal(2, insert.GetProperty("affected_rows").GetInt32());
        Assert.Equal(0ul, insert.GetProperty("id").GetUInt64());

        var query = await RequestAsync(socket, Query(4, "select v from ws_insert.t order by ts"));
        ulong id = query.GetProperty("id").GetUInt64();
        Assert.Equal(4, query.GetProperty("fields_lengths")[0].GetInt32());
        var fetch = await RequestAsync(socket, Fetch("fetch", 5, id));
        Assert.Equal(18, fetch.GetProperty("lengths")[0].GetInt32());
        var block = RawBlockReader.Read((await BlockAsync(socket, Fetch("fetch_block", 6, id))).AsSpan(16));
        Assert.Equal("äb", block.Rows[0][0]);
        Assert.Null(block.Rows[1][0]);
    }

    [Fact]
    public async Task Fetch_sends_4096_row_blocks_of_a_scan_and_1024_row_blocks_of_a_sorted_result()
    {
        using var socket = await ConnectedAsync();
        await RequestAsync(socket, Query(1, "create database if not exists ws_blocks"));
        await RequestAsync(socket, Query(2, "create table if not exists ws_blocks.t (ts timestamp, v int)"));
        for (int batch = 0; batch < 5; batch++)
        {
            var values = string.Concat(Enumerable.Range(batch * 1000, 1000).Select(i => $"({1704067200000L + i}, {i}) "));
            await RequestAsync(socket, Query((ulong)(3 + batch), "insert into ws_blocks.t values " + values));
        }
        Assert.Equal([4096, 904], await BlockRowsAsync(socket, 10, "select ts, v from ws_blocks.t"));
        Assert.Equal([1024, 1024, 1024, 1024, 904], await BlockRowsAsync(socket, 20, "select ts, v from ws_blocks.t order by v desc"));
    }

    [Fact]
    public async Task The_legacy_endpoint_answers_version_bare_and_ignores_other_actions()
    {
        using var socket = await ConnectAsync("/rest/ws");
        await SendAsync(socket, """{"action":"get_current_db","args":{"req_id":1}}""");
        var version = await RequestAsync(socket, """{"action":"version"}""");
        Assert.Equal("""{"code":0,"message":"","action":"version","version":"3.3.0.1"}""", version.GetRawText());
    }

    [Fact]
    public async Task A_binary_message_gets_the_unknown_action_reply()
    {
        using var socket = await ConnectedAsync();
        var header = new byte[24];
        BinaryPrimitives.WriteUInt64LittleEndian(header, 77);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(16), 99);
        await socket.SendAsync(header, WebSocketMessageType.Binary, true, CancellationToken.None);
        var reply = await ReceiveJsonAsync(socket);
        Assert.Equal("unknown action unknown", reply.GetProperty("message").GetString());
        Assert.Equal(77ul, reply.GetProperty("req_id").GetUInt64());
    }

    [Fact]
    public async Task A_message_over_the_limit_closes_the_socket_with_1009()
    {
        using var socket = await ConnectedAsync();
        var big = new byte[WsEndpoint.MaxMessageBytes + 1];
        big.AsSpan().Fill((byte)' ');
        await socket.SendAsync(big, WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[256];
        using var cts = new CancellationTokenSource(Timeout);
        var result = await socket.ReceiveAsync(buffer, cts.Token);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
    }

    [Fact]
    public async Task Conn_authenticates_against_the_stored_users()
    {
        Assert.Equal(0, (await fixture.SqlAsync("create user ws_u1 pass 'Ws_pw1'")).Code);
        using var socket = await ConnectAsync("/ws");
        var unknown = await RequestAsync(socket, """{"action":"conn","args":{"req_id":1,"user":"ws_nobody","password":"Ws_pw1","db":""}}""");
        Assert.Equal((849, "Invalid user"), (unknown.GetProperty("code").GetInt32(), unknown.GetProperty("message").GetString()));
        var wrong = await RequestAsync(socket, """{"action":"conn","args":{"req_id":2,"user":"ws_u1","password":"nope","db":""}}""");
        Assert.Equal((855, "Authentication failure"), (wrong.GetProperty("code").GetInt32(), wrong.GetProperty("message").GetString()));
        var ok = await RequestAsync(socket, """{"action":"conn","args":{"req_id":3,"user":"ws_u1","password":"Ws_pw1","db":""}}""");
        Assert.Equal(0, ok.GetProperty("code").GetInt32());
        var query = await RequestAsync(socket, Query(4, "select 1"));
        Assert.Equal(0, query.GetProperty("code").GetInt32());
    }

    private static string Conn(ulong reqId) => $$$"""{"action":"conn","args":{"req_id":{{{reqId}}},"user":"root","password":"taosdata","db":""}}""";

    private static string Query(ulong reqId, string sql) =>
        $$$"""{"action":"query","args":{"req_id":{{{reqId}}},"sql":{{{JsonSerializer.Serialize(sql)}}}}}""";

    private static string Fetch(string action, ulong reqId, ulong id) => $$$"""{"action":"{{{action}}}","args":{"req_id":{{{reqId}}},"id":{{{id}}}}}""";

    // The row counts of the blocks a result arrives in, each checked against its fetch_block frame.
    private static async Task<List<int>> BlockRowsAsync(ClientWebSocket socket, ulong reqId, string sql)
    {
        ulong id = (await RequestAsync(socket, Query(reqId, sql))).GetProperty("id").GetUInt64();
        var counts = new List<int>();
        while (true)
        {
            var fetch = await RequestAsync(socket, Fetch("fetch", ++reqId, id));
            if (fetch.GetProperty("completed").GetBoolean()) return counts;
            int rows = fetch.GetProperty("rows").GetInt32();
            var frame = await BlockAsync(socket, Fetch("fetch_block", ++reqId, id));
            Assert.Equal(id, BinaryPrimitives.ReadUInt64LittleEndian(frame.AsSpan(8)));
            Assert.Equal(rows, RawBlockReader.Read(frame.AsSpan(16)).Rows.Count);
            counts.Add(rows);
        }
    }

    private async Task<ClientWebSocket> ConnectAsync(string path)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{fixture.Server.Url.Authority}{path}"), CancellationToken.None);
        return socket;
    }

    private async Task<ClientWebSocket> ConnectedAsync()
    {
        var socket = await ConnectAsync("/ws");
        Assert.Equal(0, (await RequestAsync(socket, Conn(1))).GetProperty("code").GetInt32());
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement> RequestAsync(ClientWebSocket socket, string text)
    {
        await SendAsync(socket, text);
        return await ReceiveJsonAsync(socket);
    }

    private static async Task<JsonElement> ReceiveJsonAsync(ClientWebSocket socket)
    {
        var (data, type) = await ReceiveAsync(socket);
        Assert.Equal(WebSocketMessageType.Text, type);
        return JsonDocument.Parse(data).RootElement.Clone();
    }

    private static async Task<byte[]> BlockAsync(ClientWebSocket socket, string text)
    {
        await SendAsync(socket, text);
        var (data, type) = await ReceiveAsync(socket);
        Assert.True(type == WebSocketMessageType.Binary, Encoding.UTF8.GetString(data));
        return data;
    }

    private static async Task<(byte[] Data, WebSocketMessageType Type)> ReceiveAsync(ClientWebSocket socket)
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var message = new MemoryStream();
        var buffer = new byte[4096];
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(), cts.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return (message.ToArray(), result.MessageType);
    }
}
