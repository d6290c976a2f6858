using System.Buffers.Binary;
using System.Text;
using Taos.Protocol.RawBlock;
using Taos.Server.Endpoints.WebSocket.Stmt;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Endpoints.WebSocket.Stmt;

/// <summary>Binary messages 3-5: raw blocks written into tables through the INSERT write path; unknown raw types refused.</summary>
public class WsRawBlockWriteTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly RawBlockColumn[] Columns = [new(TaosDataType.Timestamp, 8), new(TaosDataType.Int, 4), new(TaosDataType.VarChar, 10)];

    private static byte[] Message(string table, byte[] block, int? rows = null, params string[] fieldNames)
    {
        byte[] name = Encoding.UTF8.GetBytes(table);
        var payload = new byte[6 + name.Length + block.Length + (fieldNames.Length * WsRawBlockWrites.FieldSize)];
        BinaryPrimitives.WriteInt32LittleEndian(payload, rows ?? BinaryPrimitives.ReadInt32LittleEndian(block.AsSpan(8)));
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(4), (ushort)name.Length);
        name.CopyTo(payload, 6);
        block.CopyTo(payload, 6 + name.Length);
        for (int i = 0; i < fieldNames.Length; i++)
        {
            Encoding.UTF8.GetBytes(fieldNames[i]).CopyTo(payload, 6 + name.Length + block.Length + (i * WsRawBlockWrites.FieldSize));
        }
        return payload;
    }

    [Fact]
    public async Task Raw_blocks_with_and_without_fields_are_written_into_the_table()
    {
        Assert.Equal(0, (await fixture.SqlAsync("create database rb")).Code);
        Assert.Equal(0, (await fixture.SqlAsync("create table rb.t (ts timestamp, v int, s binary(10))")).Code);
        using var socket = await WsTestSocket.ConnectAsync(fixture.Server, "rb");
        var block = RawBlockWriter.Write(Columns, [[1704067200000L, 1, "a"], [1704067201000L, null, "b"]]);
        var reply = await socket.BinaryAsync(WsBinaryHeader.WriteRawBlock, 0, Message("t", block), requestId: 21);
        Assert.Equal((0, "write_raw_block", 21ul), (reply.GetProperty("code").GetInt32(), reply.GetProperty("action").GetString(), reply.GetProperty("req_id").GetUInt64()));

        // With fields the block may name a subset of the columns, in any order.
        var partial = RawBlockWriter.Write([new(TaosDataType.VarChar, 10), new(TaosDataType.Timestamp, 8)], [["c", 1704067202000L]]);
        var withFields = await socket.BinaryAsync(WsBinaryHeader.WriteRawBlockWithFields, 0, Message("t", partial, null, "s", "ts"));
        Assert.Equal((0, "write_raw_block_with_fields"), (withFields.GetProperty("code").GetInt32(), withFields.GetProperty("action").GetString()));

        var query = await socket.RequestAsync("query", new { sql = "select * from t order by ts" });
        Assert.Equal([new object?[] { 1704067200000L, 1, "a" }, new object?[] { 1704067201000L, null, "b" }, new object?[] { 1704067202000L, null, "c" }],
            await socket.ReadAllAsync(query.GetProperty("id").GetUInt64()));
    }

    [Fact]
    public async Task Blocks_that_do_not_fit_the_table_or_the_message_are_refused()
    {
        Assert.Equal(0, (await fixture.SqlAsync("create database rb_bad")).Code);
        Assert.Equal(0, (await fixture.SqlAsync("create table rb_bad.t (ts timestamp, v int, s binary(10))")).Code);
        using var socket = await WsTestSocket.ConnectAsync(fixture.Server, "rb_bad");
        var wrongType = RawBlockWriter.Write([new(TaosDataType.Timestamp, 8), new(TaosDataType.BigInt, 8), new(TaosDataType.VarChar, 10)], [[1704067200000L, 1L, "a"]]);
        Assert.Equal((280, "Invalid parameters"), Answer(await socket.BinaryAsync(WsBinaryHeader.WriteRawBlock, 0, Message("t", wrongType))));
        var tooLong = RawBlockWriter.Write(Columns, [[1704067200000L, 1, "elevenchars"]]);
        Assert.Equal(9811, (await socket.BinaryAsync(WsBinaryHeader.WriteRawBlock, 0, Message("t", tooLong))).GetProperty("code").GetInt32());
        var good = RawBlockWriter.Write(Columns, [[1704067200000L, 1, "a"]]);
        Assert.Equal(9731, (await socket.BinaryAsync(WsBinaryHeader.WriteRawBlock, 0, Message("nope", good))).GetProperty("code").GetInt32());
        Assert.Contains("holds 1", (await socket.BinaryAsync(WsBinaryHeader.WriteRawBlock, 0, Message("t", good, rows: 2))).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("run past", (await socket.BinaryAsync(WsBinaryHeader.WriteRawBlockWithFields, 0, Message("t", good))).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(65535, (await socket.BinaryAsync(WsBinaryHeader.WriteRawBlock, 0, [1, 0])).GetProperty("code").GetInt32());

        var meta = new byte[6 + 4];
        BinaryPrimitives.WriteUInt32LittleEndian(meta, 4);
        BinaryPrimitives.WriteUInt16LittleEndian(meta.AsSpan(4), 1);
        var raw = await socket.BinaryAsync(WsBinaryHeader.WriteRaw, 0, meta);
        // Type 1 is no raw type TDengine writes: tmq_write_raw answers TSDB_CODE_INVALID_PARA (0x0118).
        Assert.Equal((0x0118, "write_raw"), (raw.GetProperty("code").GetInt32(), raw.GetProperty("action").GetString()));
        BinaryPrimitives.WriteUInt32LittleEndian(meta, 400);
        Assert.Equal(65535, (await socket.BinaryAsync(WsBinaryHeader.WriteRaw, 0, meta)).GetProperty("code").GetInt32());

        var query = await socket.RequestAsync("query", new { sql = "select count(*) from t" });
        Assert.Equal(0L, (await socket.ReadAllAsync(query.GetProperty("id").GetUInt64()))[0][0]);
    }

    private static (int, string?) Answer(System.Text.Json.JsonElement reply) =>
        (reply.GetProperty("code").GetInt32(), reply.GetProperty("message").GetString());

    [Fact]
    public async Task The_legacy_endpoint_serves_raw_writes_only()
    {
        Assert.Equal(0, (await fixture.SqlAsync("create database rb_legacy")).Code);
        Assert.Equal(0, (await fixture.SqlAsync("create table rb_legacy.t (ts timestamp, v int, s binary(10))")).Code);
        using var socket = await WsTestSocket.ConnectAsync(fixture.Server, "rb_legacy", "/rest/ws");
        var block = RawBlockWriter.Write(Columns, [[1704067200000L, 1, "a"]]);
        Assert.Equal(0, (await socket.BinaryAsync(WsBinaryHeader.WriteRawBlock, 0, Message("t", block))).GetProperty("code").GetInt32());
        var meta = new byte[6];
        var raw = await socket.BinaryAsync(WsBinaryHeader.WriteRaw, 77, meta);
        Assert.Equal((0x0118, 77ul), (raw.GetProperty("code").GetInt32(), raw.GetProperty("message_id").GetUInt64()));

        // A stmt bind is not served on /rest/ws: no reply, the next one is the query's.
        var header = new byte[24];
        header[16] = (byte)WsBinaryHeader.Bind;
        await socket.SendRawAsync(header);
        var query = await socket.RequestAsync("query", new { sql = "select v from t" });
        Assert.Equal("query", query.GetProperty("action").GetString());
        Assert.Equal([new object?[] { 1 }], await socket.ReadAllAsync(query.GetProperty("id").GetUInt64()));
    }
}
