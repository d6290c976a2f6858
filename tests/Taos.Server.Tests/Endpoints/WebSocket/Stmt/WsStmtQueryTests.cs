using System.Buffers.Binary;
using Taos.Server.Endpoints.WebSocket.Stmt;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Endpoints.WebSocket.Stmt;

/// <summary>Stmt queries over <c>/ws</c>: placeholders bound by the binary message, results fetched like any query.</summary>
public class WsStmtQueryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private async Task<WsTestSocket> SetupAsync(string db)
    {
        foreach (string sql in new[]
        {
            $"create database {db}",
            $"create table {db}.t (ts timestamp, v int, s binary(8))",
            $"insert into {db}.t values (1704067200000, 1, 'a') (1704067201000, 2, 'it''s') (1704067202000, 3, 'c?')",
        })
        {
            Assert.Equal(0, (await fixture.SqlAsync(sql)).Code);
        }
        return await WsTestSocket.ConnectAsync(fixture.Server, db);
    }

    private static async Task<ulong> PrepareAsync(WsTestSocket socket, string sql)
    {
        ulong id = (await socket.RequestAsync("init")).GetProperty("stmt_id").GetUInt64();
        var prepare = await socket.RequestAsync("prepare", new { stmt_id = id, sql });
        Assert.False(prepare.GetProperty("is_insert").GetBoolean());
        return id;
    }

    [Fact]
    public async Task A_bound_query_runs_and_its_result_is_fetched_under_a_shared_result_id()
    {
        using var socket = await SetupAsync("sq_run");
        var plain = await socket.RequestAsync("query", new { sql = "select 1" });
        Assert.Equal(1ul, plain.GetProperty("id").GetUInt64());

        ulong id = await PrepareAsync(socket, "select v, s from t where v >= ? and s <> ? and s <> '?' order by ts");
        Assert.Equal(2, (await socket.RequestAsync("stmt_num_params", new { stmt_id = id })).GetProperty("num_params").GetInt32());
        var block = ClientBlock.Build([TaosDataType.Int, TaosDataType.VarChar], [2, "x' or '1'='1"]);
        Assert.Equal(0, (await socket.BinaryAsync(WsBinaryHeader.Bind, id, block)).GetProperty("code").GetInt32());
        Assert.Equal(0, (await socket.RequestAsync("add_batch", new { stmt_id = id })).GetProperty("code").GetInt32());
        var exec = await socket.RequestAsync("exec", new { stmt_id = id });
        Assert.Equal((0, 0), (exec.GetProperty("code").GetInt32(), exec.GetProperty("affected").GetInt32()));

        var use = await socket.RequestAsync("use_result", new { stmt_id = id });
        Assert.Equal(2ul, use.GetProperty("result_id").GetUInt64());
        Assert.Equal("""["v","s"]""", use.GetProperty("fields_names").GetRawText());
        Assert.Equal("""[4,8]""", use.GetProperty("fields_types").GetRawText());
        var rows = await socket.ReadAllAsync(2);
        Assert.Equal([new object?[] { 2, "it's" }, new object?[] { 3, "c?" }], rows);

        // Binding again and re-executing runs the query with the new values.
        await socket.BinaryAsync(WsBinaryHeader.Bind, id, ClientBlock.Build([TaosDataType.Int, TaosDataType.VarChar], [3, "zz"]));
        await socket.RequestAsync("exec", new { stmt_id = id });
        ulong again = (await socket.RequestAsync("use_result", new { stmt_id = id })).GetProperty("result_id").GetUInt64();
        Assert.Equal([new object?[] { 3, "c?" }], await socket.ReadAllAsync(again));
    }

    [Fact]
    public async Task Json_binds_and_unbound_execs_of_a_query_answer_554_and_use_result_is_empty()
    {
        using var socket = await SetupAsync("sq_json");
        ulong id = await PrepareAsync(socket, "select * from t where ts >= ? and v > ?");
        var bind = await socket.RequestAsync("bind", new { stmt_id = id, columns = new object?[][] { [1704067200000L], [1] } });
        Assert.Equal((554, "Stmt API usage error", id), (bind.GetProperty("code").GetInt32(), bind.GetProperty("message").GetString(), bind.GetProperty("stmt_id").GetUInt64()));
        Assert.Equal(0, (await socket.RequestAsync("add_batch", new { stmt_id = id })).GetProperty("code").GetInt32());
        Assert.Equal(554, (await socket.RequestAsync("exec", new { stmt_id = id })).GetProperty("code").GetInt32());
        var use = await socket.RequestAsync("use_result", new { stmt_id = id });
        Assert.Equal((0, "[]"), (use.GetProperty("fields_count").GetInt32(), use.GetProperty("fields_names").GetRawText()));
        var fetch = await socket.RequestAsync("fetch", new { id = use.GetProperty("result_id").GetUInt64() });
        Assert.True(fetch.GetProperty("completed").GetBoolean());
    }

    [Fact]
    public async Task Query_binds_refuse_timestamps_and_a_wrong_parameter_count()
    {
        using var socket = await SetupAsync("sq_bad");
        ulong id = await PrepareAsync(socket, "select * from t where ts >= ? and v > ?");
        var ts = await socket.BinaryAsync(WsBinaryHeader.Bind, id, ClientBlock.Build([TaosDataType.Timestamp, TaosDataType.Int], [1704067200000L, 1]));
        Assert.Equal("parse row block info error:unsupported data type 9", ts.GetProperty("message").GetString());
        var count = await socket.BinaryAsync(WsBinaryHeader.Bind, id, ClientBlock.Build([TaosDataType.Int], [1]));
        Assert.Equal("stmt column count not match", count.GetProperty("message").GetString());
        var good = await socket.BinaryAsync(WsBinaryHeader.Bind, id, ClientBlock.Build([TaosDataType.BigInt, TaosDataType.Int], [1704067201000L, 1]));
        Assert.Equal(0, good.GetProperty("code").GetInt32());
        Assert.Equal(0, (await socket.RequestAsync("exec", new { stmt_id = id })).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Malformed_binary_messages_get_clear_errors_and_the_socket_keeps_serving()
    {
        using var socket = await SetupAsync("sq_frames");
        var shortHeader = await socket.RawAsync([1, 2, 3]);
        Assert.Equal((65535, "unknown"), (shortHeader.GetProperty("code").GetInt32(), shortHeader.GetProperty("action").GetString()));
        Assert.Contains("shorter than its 24-byte header", shortHeader.GetProperty("message").GetString(), StringComparison.Ordinal);

        ulong id = (await socket.RequestAsync("init")).GetProperty("stmt_id").GetUInt64();
        await socket.RequestAsync("prepare", new { stmt_id = id, sql = "insert into t values (?, ?, ?)" });
        var noBlock = await socket.BinaryAsync(WsBinaryHeader.Bind, id, [], requestId: 11);
        Assert.Equal((65535, 11ul, "bind"), (noBlock.GetProperty("code").GetInt32(), noBlock.GetProperty("req_id").GetUInt64(), noBlock.GetProperty("action").GetString()));

        var block = ClientBlock.Build([TaosDataType.Timestamp, TaosDataType.Int, TaosDataType.VarChar], [1704067205000L, 5, "e"]);
        var lying = (byte[])block.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(lying.AsSpan(4), block.Length + 100);
        Assert.Contains("does not fit", (await socket.BinaryAsync(WsBinaryHeader.Bind, id, lying)).GetProperty("message").GetString(), StringComparison.Ordinal);
        var manyRows = (byte[])block.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(manyRows.AsSpan(8), int.MaxValue);
        Assert.Contains("cannot hold", (await socket.BinaryAsync(WsBinaryHeader.Bind, id, manyRows)).GetProperty("message").GetString(), StringComparison.Ordinal);
        var badOffset = (byte[])block.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(badOffset.AsSpan(badOffset.Length - 7), 5000);
        Assert.Equal(65535, (await socket.BinaryAsync(WsBinaryHeader.Bind, id, badOffset)).GetProperty("code").GetInt32());
        var wrongType = ClientBlock.Build([TaosDataType.Timestamp, TaosDataType.BigInt, TaosDataType.VarChar], [1704067205000L, 5L, "e"]);
        Assert.StartsWith("stmt column type not match: column 1 is BigInt", (await socket.BinaryAsync(WsBinaryHeader.Bind, id, wrongType)).GetProperty("message").GetString(), StringComparison.Ordinal);
        var tags = await socket.BinaryAsync(WsBinaryHeader.SetTags, id, ClientBlock.Build([TaosDataType.Int], [1], [2]));
        Assert.Equal("rows not equal 1", tags.GetProperty("message").GetString());
        var unknown = await socket.BinaryAsync(9, id, []);
        Assert.Equal(("unknown action unknown", "unknown"), (unknown.GetProperty("message").GetString(), unknown.GetProperty("action").GetString()));
        var nil = await socket.BinaryAsync(WsBinaryHeader.Bind, 424242, block);
        Assert.Equal(("stmt is nil", 424242ul), (nil.GetProperty("message").GetString(), nil.GetProperty("stmt_id").GetUInt64()));

        // Nothing of the bad messages was kept; the good block still binds and writes.
        Assert.Equal(0, (await socket.BinaryAsync(WsBinaryHeader.Bind, id, block)).GetProperty("code").GetInt32());
        Assert.Equal(1, (await socket.RequestAsync("exec", new { stmt_id = id })).GetProperty("affected").GetInt32());
        var query = await socket.RequestAsync("query", new { sql = "select count(*) from t" });
        Assert.Equal(4L, (await socket.ReadAllAsync(query.GetProperty("id").GetUInt64()))[0][0]);
    }
}
