using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Taos.Protocol.RawBlock;
using Taos.Server.Endpoints.WebSocket.Stmt;
using Taos.Server.Tests.Endpoints.WebSocket.Stmt;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Endpoints.Tmq;

public sealed class TmqEndpointTests : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-tmq-" + Guid.NewGuid().ToString("N"));
    private TaosServer? _server;

    private async Task<TaosServer> StartAsync(bool enforcePrivileges = false)
    {
        _server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = _dir, EnforcePrivileges = enforcePrivileges });
        return _server;
    }

    private async Task RestartAsync()
    {
        await _server!.DisposeAsync();
        await StartAsync();
    }

    private async Task SqlAsync(string sql)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = ServerFixture.Basic("root", "taosdata");
        using var content = new StringContent(sql, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await client.PostAsync(new Uri(_server!.Url, "/rest/sql"), content);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("code").GetInt32() == 0, sql + ": " + body);
    }

    private async Task SetupAsync(bool enforcePrivileges = false)
    {
        await StartAsync(enforcePrivileges);
        await SqlAsync("create database tq vgroups 1");
        await SqlAsync("create stable tq.meters (ts timestamp, v int) tags (g int)");
        await SqlAsync("insert into tq.d1 using tq.meters tags (1) values (1704067201000, 1) (1704067202000, 2) tq.d2 using tq.meters tags (2) values (1704067201000, 3)");
        await SqlAsync("create topic tq_rows as select ts, v from tq.meters");
    }

    private async Task<TmqTestSocket> ConnectAsync() => await TmqTestSocket.ConnectAsync(_server!);

    private static object Subscribe(string group, string topic = "tq_rows", string password = "taosdata", string user = "root") => new
    {
        user, password, db = "", group_id = group, client_id = "c", offset_reset = "earliest", auto_commit = "false", topics = new[] { topic },
    };

    [Fact]
    public async Task Subscribe_from_outside_the_users_white_list_is_refused()
    {
        // White lists are checked only with --enforce-privileges (TDengine's community edition keeps them unchecked).
        await SetupAsync(enforcePrivileges: true);
        await SqlAsync("create user tq_u pass 'p1'");
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { ConnectCallback = RestWhiteListTests.ConnectFrom127002Async });
        using (var socket = await TmqTestSocket.ConnectAsync(_server!, invoker))
        {
            var refused = await socket.RequestAsync("subscribe", Subscribe("g", user: "tq_u", password: "p1"));
            Assert.Equal((308, "Not allowed to connect"), (refused.GetProperty("code").GetInt32(), refused.GetProperty("message").GetString()));
        }
        await SqlAsync("alter user tq_u add host '127.0.0.2'");
        await SqlAsync("grant subscribe on tq_rows to tq_u");
        using (var socket = await TmqTestSocket.ConnectAsync(_server!, invoker))
        {
            Assert.Equal(0, (await socket.RequestAsync("subscribe", Subscribe("g", user: "tq_u", password: "p1"))).GetProperty("code").GetInt32());
        }
    }

    [Fact]
    public async Task By_default_white_lists_are_kept_but_not_checked()
    {
        await SetupAsync();
        await SqlAsync("create user tq_u pass 'p1'");
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { ConnectCallback = RestWhiteListTests.ConnectFrom127002Async });
        using var socket = await TmqTestSocket.ConnectAsync(_server!, invoker);
        Assert.Equal(0, (await socket.RequestAsync("subscribe", Subscribe("g", user: "tq_u", password: "p1"))).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Bad_requests_get_taosadapters_errors_and_the_socket_keeps_serving()
    {
        await SetupAsync();
        using var socket = await ConnectAsync();
        var early = await socket.RequestAsync("poll", new { blocking_time = 10 });
        Assert.Equal((65535, "tmq not init"), (early.GetProperty("code").GetInt32(), early.GetProperty("message").GetString()));
        await socket.SendRawAsync("{not json");
        var wrongPassword = await socket.RequestAsync("subscribe", Subscribe("g", password: "nope"));
        Assert.Equal(855, wrongPassword.GetProperty("code").GetInt32());
        var unknown = await socket.RequestAsync("subscribe", Subscribe("g", "no_such_topic"));
        Assert.Equal((993, "Topic not exist"), (unknown.GetProperty("code").GetInt32(), unknown.GetProperty("message").GetString()));
        Assert.Equal(0, (await socket.RequestAsync("subscribe", Subscribe("g"))).GetProperty("code").GetInt32());
        var twice = await socket.RequestAsync("subscribe", Subscribe("g"));
        Assert.Equal("tmq should have unsubscribed first", twice.GetProperty("message").GetString());
        var wrongId = await socket.RequestAsync("fetch", new { message_id = 99 });
        Assert.Equal("message IDs are not equal", wrongId.GetProperty("message").GetString());
        Assert.Equal(99, wrongId.GetProperty("message_id").GetInt32());
        Assert.Equal(3, (await socket.ReadMessageAsync()).Count);
        var (raw, binary) = await socket.SendAsync("fetch_raw", new { message_id = 1 });
        Assert.True(binary);
        Assert.Equal((3UL, raw.Length - 38, (ushort)2, (byte)100), (BitConverter.ToUInt64(raw, 24), BitConverter.ToInt32(raw, 32), BitConverter.ToUInt16(raw, 36), raw[38]));
        var wrongRaw = await socket.RequestAsync("fetch_raw", new { message_id = 7 });
        Assert.Equal(("fetch", "message IDs are not equal"), (wrongRaw.GetProperty("action").GetString(), wrongRaw.GetProperty("message").GetString()));
        Assert.Equal(["tq_rows"], (await socket.RequestAsync("list_topics", new { })).GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task What_fetch_raw_sends_write_raw_writes_into_the_same_tables_of_another_database_all_or_nothing()
    {
        await SetupAsync();
        await SqlAsync("create topic tq_stable as stable tq.meters");
        await SqlAsync("create database tq_copy vgroups 1");
        await SqlAsync("create stable tq_copy.meters (ts timestamp, v int) tags (g int)");
        await SqlAsync("create table tq_copy.d1 using tq_copy.meters tags (1)");
        byte[] raw;
        using (var socket = await ConnectAsync())
        {
            await socket.RequestAsync("subscribe", Subscribe("g_raw", "tq_stable"));
            Assert.Equal(3, (await socket.ReadMessageAsync()).Count);
            (raw, _) = await socket.SendAsync("fetch_raw", new { message_id = 1 });
        }
        // write_raw's payload is fetch_raw's from its length on: length u32, meta type u16, the raw data.
        byte[] payload = raw[32..];
        using var ws = await WsTestSocket.ConnectAsync(_server!, "tq_copy");

        // d2 does not exist in the copy yet: nothing of the message is written, d1's rows included.
        Assert.Equal(9731, (await ws.BinaryAsync(WsBinaryHeader.WriteRaw, 0, payload)).GetProperty("code").GetInt32());
        Assert.Equal(0L, await CountAsync(ws, "meters"));

        // Cut anywhere, the message is refused as malformed and nothing is written.
        foreach (int keep in new[] { 1, 5, 30, payload.Length - 10 - 6 })
        {
            var cut = payload[..(6 + keep)];
            BinaryPrimitives.WriteUInt32LittleEndian(cut, (uint)keep);
            Assert.Equal(65535, (await ws.BinaryAsync(WsBinaryHeader.WriteRaw, 0, cut)).GetProperty("code").GetInt32());
        }
        Assert.Equal(0L, await CountAsync(ws, "meters"));

        await SqlAsync("create table tq_copy.d2 using tq_copy.meters tags (2)");
        var written = await ws.BinaryAsync(WsBinaryHeader.WriteRaw, 0, payload, requestId: 31);
        Assert.Equal((0, "write_raw", 31ul), (written.GetProperty("code").GetInt32(), written.GetProperty("action").GetString(), written.GetProperty("req_id").GetUInt64()));
        var query = await ws.RequestAsync("query", new { sql = "select tbname, ts, v from meters order by tbname, ts" });
        Assert.Equal(
            [new object?[] { "d1", 1704067201000L, 1 }, new object?[] { "d1", 1704067202000L, 2 }, new object?[] { "d2", 1704067201000L, 3 }],
            await ws.ReadAllAsync(query.GetProperty("id").GetUInt64()));
    }

    private static async Task<long> CountAsync(WsTestSocket ws, string table)
    {
        var query = await ws.RequestAsync("query", new { sql = $"select count(*) from {table}" });
        return (long)(await ws.ReadAllAsync(query.GetProperty("id").GetUInt64()))[0][0]!;
    }

    [Fact]
    public async Task Every_row_arrives_exactly_once_across_commit_reconnect_and_restart_and_a_second_group_gets_them_all()
    {
        await SetupAsync();
        using (var socket = await ConnectAsync())
        {
            await socket.RequestAsync("subscribe", Subscribe("g1"));
            Assert.Equal(3, (await socket.ReadMessageAsync()).Count);
            Assert.Equal(0, (await socket.RequestAsync("commit", new { message_id = 1 })).GetProperty("code").GetInt32());
        }
        await SqlAsync("insert into tq.d1 values (1704067203000, 4)");
        await RestartAsync();
        using (var socket = await ConnectAsync())
        {
            await socket.RequestAsync("subscribe", Subscribe("g1"));
            var rows = await socket.ReadMessageAsync();
            Assert.Equal([4], rows.Select(r => r[1]));
            var nothing = await socket.RequestAsync("poll", new { blocking_time = 50 });
            Assert.False(nothing.GetProperty("have_message").GetBoolean());
            await socket.RequestAsync("seek", new { topic = "tq_rows", vgroup_id = 2, offset = 0 });
            Assert.Equal(4, (await socket.ReadMessageAsync()).Count);
        }
        using (var socket = await ConnectAsync())
        {
            await socket.RequestAsync("subscribe", Subscribe("g2"));
            Assert.Equal([1, 2, 3, 4], (await socket.ReadMessageAsync()).Select(r => (int)r[1]!).Order());
        }
    }

    [Fact]
    public async Task With_privileges_enforced_a_subscriber_needs_subscribe_on_the_topic()
    {
        await SetupAsync(enforcePrivileges: true);
        await SqlAsync("create user u1 pass 'pw_u1'");
        using (var socket = await ConnectAsync())
        {
            var refused = await socket.RequestAsync("subscribe", Subscribe("g", user: "u1", password: "pw_u1"));
            Assert.Equal((771, "Insufficient privilege for operation"), (refused.GetProperty("code").GetInt32(), refused.GetProperty("message").GetString()));
            Assert.Equal("tmq not init", (await socket.RequestAsync("poll", new { blocking_time = 10 })).GetProperty("message").GetString());
        }
        await SqlAsync("grant read on tq.* to u1");
        using (var socket = await ConnectAsync())
        {
            Assert.Equal(771, (await socket.RequestAsync("subscribe", Subscribe("g", user: "u1", password: "pw_u1"))).GetProperty("code").GetInt32());
        }
        await SqlAsync("grant subscribe on tq_rows to u1");
        using (var socket = await ConnectAsync())
        {
            Assert.Equal(0, (await socket.RequestAsync("subscribe", Subscribe("g", user: "u1", password: "pw_u1"))).GetProperty("code").GetInt32());
            Assert.Equal(3, (await socket.ReadMessageAsync()).Count);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        ServerFixture.TryDelete(_dir);
    }
}
