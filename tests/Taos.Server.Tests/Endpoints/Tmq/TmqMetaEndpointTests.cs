using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Taos.Server.Endpoints.WebSocket.Stmt;
using Taos.Server.Tests.Endpoints.WebSocket.Stmt;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Endpoints.Tmq;

/// <summary>
/// WITH META topics over <c>/rest/tmq</c> and <c>write_raw</c> of their raw meta, on a real server over loopback: a
/// database replicated into another through fetch_raw → write_raw (meta and data) as taosx does it.
/// </summary>
public sealed class TmqMetaEndpointTests : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-tmqmeta-" + Guid.NewGuid().ToString("N"));
    private TaosServer? _server;

    private async Task StartAsync()
    {
        _server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = _dir });
        await SqlAsync("create database src vgroups 2");
        await SqlAsync("create database dst vgroups 2");
        await SqlAsync("create topic rep with meta as database src");
    }

    private async Task<JsonElement> SqlAsync(string sql)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = ServerFixture.Basic("root", "taosdata");
        using var content = new StringContent(sql, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await client.PostAsync(new Uri(_server!.Url, "/rest/sql"), content);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.True(body.GetProperty("code").GetInt32() == 0, sql + ": " + body.GetRawText());
        return body;
    }

    /// <summary>The rows of a query as JSON text, for comparing two databases.</summary>
    private async Task<string> DataAsync(string sql) => (await SqlAsync(sql)).GetProperty("data").GetRawText();

    private static object Subscribe(string group, string topic = "rep") => new
    {
        user = "root", password = "taosdata", db = "", group_id = group, client_id = "c", offset_reset = "earliest", auto_commit = "false", topics = new[] { topic },
    };

    /// <summary>Polls every message left and writes each one's raw form into <c>dst</c>; returns the message types seen.</summary>
    private static async Task<List<int>> ReplicateAsync(TmqTestSocket tmq, WsTestSocket target)
    {
        var types = new List<int>();
        while (true)
        {
            var poll = await tmq.RequestAsync("poll", new { blocking_time = 100 });
            if (!poll.GetProperty("have_message").GetBoolean()) return types;
            int type = poll.GetProperty("message_type").GetInt32();
            types.Add(type);
            var (raw, binary) = await tmq.SendAsync("fetch_raw", new { message_id = poll.GetProperty("message_id").GetUInt64() });
            Assert.True(binary);
            var written = await target.BinaryAsync(WsBinaryHeader.WriteRaw, 0, raw[32..]);
            Assert.True(written.GetProperty("code").GetInt32() == 0, "type " + type + ": " + written.GetRawText());
        }
    }

    [Fact]
    public async Task A_database_replicates_through_fetch_raw_and_write_raw_with_its_ddl()
    {
        await StartAsync();
        using var tmq = await TmqTestSocket.ConnectAsync(_server!);
        Assert.Equal(0, (await tmq.RequestAsync("subscribe", Subscribe("g_rep"))).GetProperty("code").GetInt32());
        using var target = await WsTestSocket.ConnectAsync(_server!, "dst");

        await SqlAsync("create stable src.st (ts timestamp, v int, s varchar(8)) tags (g int, loc nchar(10))");
        await SqlAsync("create table src.c1 using src.st tags (1, 'bj') src.c0 using src.st tags (0, null)");
        await SqlAsync("insert into src.c1 values (1704067201000, 1, 'a') (1704067202000, 2, 'b')");
        var types = await ReplicateAsync(tmq, target);
        Assert.Contains(2, types);
        Assert.Contains(1, types);

        await SqlAsync("insert into src.c2 using src.st tags (2, null) values (1704067203000, 3, 'c')");
        await SqlAsync("create table src.n1 (ts timestamp, x double)");
        await SqlAsync("insert into src.n1 values (1704067201000, 1.5)");
        Assert.Contains(3, await ReplicateAsync(tmq, target));

        await SqlAsync("alter stable src.st add column w bigint");
        await SqlAsync("alter stable src.st add tag t3 binary(6)");
        await SqlAsync("alter table src.c1 set tag g = 5");
        await SqlAsync("alter table src.c2 set tag t3 = 'x''y'");
        await SqlAsync("alter table src.n1 add column y int");
        await SqlAsync("insert into src.c1 values (1704067204000, 4, 'd', 40)");
        await SqlAsync("insert into src.n1 values (1704067202000, 2.5, 7)");
        await ReplicateAsync(tmq, target);

        await SqlAsync("delete from src.c1 where ts = 1704067201000");
        await SqlAsync("create table src.tmp using src.st tags (9, 'x', 'z')");
        await SqlAsync("drop table src.tmp");
        await SqlAsync("alter stable src.st modify column s varchar(16)");
        await SqlAsync("alter table src.n1 rename column y z");
        await ReplicateAsync(tmq, target);

        foreach (string sql in new[]
        {
            "describe {0}.st", "describe {0}.n1", "select tbname, * from {0}.st order by tbname, ts",
            "select tbname, g, loc, t3 from {0}.st order by tbname", "select * from {0}.n1 order by ts",
            "select table_name from information_schema.ins_tables where db_name = '{0}' order by table_name",
        })
        {
            Assert.Equal(await DataAsync(string.Format(sql, "src")), await DataAsync(string.Format(sql, "dst")));
        }

        await SqlAsync("drop table src.n1");
        await SqlAsync("drop table src.c0");
        await ReplicateAsync(tmq, target);
        Assert.Equal("[[\"c1\"],[\"c2\"]]", await DataAsync("select table_name from information_schema.ins_tables where db_name = 'dst' order by table_name"));
    }

    [Fact]
    public async Task A_meta_message_answers_json_meta_and_refuses_fetch_and_bad_raw_meta_changes_nothing()
    {
        await StartAsync();
        await SqlAsync("create stable src.st (ts timestamp, v int) tags (g int)");
        using var tmq = await TmqTestSocket.ConnectAsync(_server!);
        await tmq.RequestAsync("subscribe", Subscribe("g_json"));
        var poll = await tmq.RequestAsync("poll", new { blocking_time = 2000 });
        Assert.Equal((2, "src"), (poll.GetProperty("message_type").GetInt32(), poll.GetProperty("database").GetString()));
        ulong id = poll.GetProperty("message_id").GetUInt64();
        var meta = await tmq.RequestAsync("fetch_json_meta", new { message_id = id });
        Assert.Equal(
            "{\"type\":\"create\",\"tableType\":\"super\",\"tableName\":\"st\",\"columns\":[{\"name\":\"ts\",\"type\":9,\"isPrimarykey\":false,\"encode\":\"delta-i\",\"compress\":\"lz4\",\"level\":\"medium\"},"
            + "{\"name\":\"v\",\"type\":4,\"isPrimarykey\":false,\"encode\":\"simple8b\",\"compress\":\"lz4\",\"level\":\"medium\"}],\"tags\":[{\"name\":\"g\",\"type\":4}]}",
            meta.GetProperty("data").GetRawText());
        var fetch = await tmq.RequestAsync("fetch", new { message_id = id });
        Assert.Equal((65535, "message type is not data", "fetch"), (fetch.GetProperty("code").GetInt32(), fetch.GetProperty("message").GetString(), fetch.GetProperty("action").GetString()));
        var block = await tmq.RequestAsync("fetch_block", new { message_id = id });
        Assert.Equal(("message type is not data", "fetch_block"), (block.GetProperty("message").GetString(), block.GetProperty("action").GetString()));
        var (raw, _) = await tmq.SendAsync("fetch_raw", new { message_id = id });
        Assert.Equal((ushort)531, BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(36)));
        Assert.Equal(raw.Length - 38, BinaryPrimitives.ReadInt32BigEndian(raw.AsSpan(38)));

        using var target = await WsTestSocket.ConnectAsync(_server!, "dst");
        byte[] payload = raw[32..];
        foreach (int keep in new[] { 0, 4, 9, 20, payload.Length - 6 - 3 })
        {
            var cut = payload[..(6 + keep)];
            BinaryPrimitives.WriteUInt32LittleEndian(cut, (uint)keep);
            var refused = await target.BinaryAsync(WsBinaryHeader.WriteRaw, 0, cut);
            Assert.Equal((0x0118, "Invalid parameters"), (refused.GetProperty("code").GetInt32(), refused.GetProperty("message").GetString()));
        }
        var unknown = payload.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(unknown.AsSpan(4), 999);
        Assert.Equal(0x0118, (await target.BinaryAsync(WsBinaryHeader.WriteRaw, 0, unknown)).GetProperty("code").GetInt32());
        Assert.Equal("[]", await DataAsync("select stable_name from information_schema.ins_stables where db_name = 'dst'"));

        using (var noDb = await WsTestSocket.ConnectAsync(_server!))
        {
            Assert.Equal(9750, (await noDb.BinaryAsync(WsBinaryHeader.WriteRaw, 0, payload)).GetProperty("code").GetInt32());
        }
        Assert.Equal(0, (await target.BinaryAsync(WsBinaryHeader.WriteRaw, 0, payload)).GetProperty("code").GetInt32());
        Assert.Equal(0, (await target.BinaryAsync(WsBinaryHeader.WriteRaw, 0, payload)).GetProperty("code").GetInt32());
        Assert.Equal("[[\"st\"]]", await DataAsync("select stable_name from information_schema.ins_stables where db_name = 'dst'"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        ServerFixture.TryDelete(_dir);
    }
}
