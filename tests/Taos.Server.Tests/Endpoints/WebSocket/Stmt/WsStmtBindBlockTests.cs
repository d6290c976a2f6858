using System.Text.Json;
using Taos.Server.Endpoints.WebSocket.Stmt;
using Taos.Server.Storage.Sqlite;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Endpoints.WebSocket.Stmt;

/// <summary>
/// Binary stmt binds (raw blocks decoded and checked in one pass, then written through the row writer) over a real
/// <c>/ws</c> socket store what the same SQL INSERT stores — every type, NULLs, unicode, rows out of order and with
/// the same ts, partial column lists, a table wider than one SQLite part — and fail as it fails.
/// </summary>
public class WsStmtBindBlockTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private async Task ExecAsync(string sql) => Assert.Equal(0, (await fixture.SqlAsync(sql)).Code);

    private static async Task<ulong> PrepareAsync(WsTestSocket socket, string sql)
    {
        ulong id = (await socket.RequestAsync("init")).GetProperty("stmt_id").GetUInt64();
        Assert.Equal(0, (await socket.RequestAsync("prepare", new { stmt_id = id, sql })).GetProperty("code").GetInt32());
        return id;
    }

    private static async Task<List<object?[]>> QueryAsync(WsTestSocket socket, string sql)
    {
        var query = await socket.RequestAsync("query", new { sql });
        Assert.Equal(0, query.GetProperty("code").GetInt32());
        return await socket.ReadAllAsync(query.GetProperty("id").GetUInt64());
    }

    private static (int Code, string? Message) Error(JsonElement reply) => (reply.GetProperty("code").GetInt32(), reply.GetProperty("message").GetString());

    [Fact]
    public async Task Every_type_out_of_order_and_repeated_stores_what_sql_stores()
    {
        await ExecAsync("create database bb_types");
        foreach (string t in new[] { "bound", "sql" })
        {
            await ExecAsync($"create table bb_types.{t} (ts timestamp, b bool, i8 tinyint, i16 smallint, i32 int, i64 bigint, u8 tinyint unsigned, " +
                "u16 smallint unsigned, u32 int unsigned, u64 bigint unsigned, f float, d double, s binary(12), n nchar(4), vb varbinary(4))");
            await ExecAsync($"insert into bb_types.{t} values (1704067202000, true, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 'old', 'old', '\\x01')");
        }
        await ExecAsync("insert into bb_types.sql values " +
            "(1704067203000, true, -128, -32768, -2147483648, -9223372036854775808, 255, 65535, 4294967295, 18446744073709551615, 3.25, 2.718281828459045, 'ñ涛 x', '中文ñ!', '\\x01FF00') " +
            "(1704067201000, false, null, 7, null, 7, null, 7, null, 7, null, 7, null, '', '\\x02') " +
            "(1704067203000, null, 5, null, 5, null, 5, null, 5, null, 5.5, null, '', null, null) " +
            "(1704067202000, null, null, null, null, null, null, null, null, null, null, null, null, null, null)");
        using var socket = await WsTestSocket.ConnectAsync(fixture.Server);
        ulong id = await PrepareAsync(socket, "insert into bb_types.bound values(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        TaosDataType[] types = [TaosDataType.Timestamp, TaosDataType.Bool, TaosDataType.TinyInt, TaosDataType.SmallInt, TaosDataType.Int,
            TaosDataType.BigInt, TaosDataType.UTinyInt, TaosDataType.USmallInt, TaosDataType.UInt, TaosDataType.UBigInt, TaosDataType.Float,
            TaosDataType.Double, TaosDataType.VarChar, TaosDataType.NChar, TaosDataType.VarBinary];
        var block = ClientBlock.Build(types,
            [1704067203000L, true, (sbyte)-128, (short)-32768, int.MinValue, long.MinValue, (byte)255, (ushort)65535, uint.MaxValue, ulong.MaxValue,
                3.25f, 2.718281828459045, "ñ涛 x", "中文ñ!", new byte[] { 1, 0xFF, 0 }],
            [1704067201000L, false, null, (short)7, null, 7L, null, (ushort)7, null, 7UL, null, 7.0, null, "", new byte[] { 2 }],
            [1704067203000L, null, (sbyte)5, null, 5, null, (byte)5, null, 5U, null, 5.5f, null, "", null, null],
            [1704067202000L, null, null, null, null, null, null, null, null, null, null, null, null, null, null]);
        Assert.Equal(0, (await socket.BinaryAsync(WsBinaryHeader.Bind, id, block)).GetProperty("code").GetInt32());
        Assert.Equal(3, (await socket.RequestAsync("exec", new { stmt_id = id })).GetProperty("affected").GetInt32());

        var sql = await QueryAsync(socket, "select * from bb_types.sql order by ts");
        Assert.Equal(3, sql.Count);
        Assert.Equal(sql, await QueryAsync(socket, "select * from bb_types.bound order by ts"));
    }

    [Fact]
    public async Task A_partial_reordered_column_list_with_geometry_writes_only_its_columns()
    {
        await ExecAsync("create database bb_partial");
        await ExecAsync("create table bb_partial.t (ts timestamp, a int, s nchar(8), g geometry(64), v varchar(8))");
        await ExecAsync("insert into bb_partial.t values (1704067200000, 1, 'keep', 'POINT(0 0)', 'keep')");
        var wkb = Convert.FromHexString("0101000000000000000000F03F0000000000000040");
        using var socket = await WsTestSocket.ConnectAsync(fixture.Server);
        ulong id = await PrepareAsync(socket, "insert into bb_partial.t (v, ts, g) values(?, ?, ?)");
        var block = ClientBlock.Build([TaosDataType.VarChar, TaosDataType.Timestamp, TaosDataType.Geometry],
            ["新", 1704067200000L, null], [null, 1704067201000L, wkb]);
        Assert.Equal(0, (await socket.BinaryAsync(WsBinaryHeader.Bind, id, block)).GetProperty("code").GetInt32());
        Assert.Equal(2, (await socket.RequestAsync("exec", new { stmt_id = id })).GetProperty("affected").GetInt32());

        var rows = await QueryAsync(socket, "select ts, a, s, g, v from bb_partial.t order by ts");
        // A listed column bound NULL is written NULL, as INSERT writes it; a column not listed keeps its value.
        Assert.Equal(new object?[] { 1704067200000L, 1, "keep", null, "新" }, rows[0]);
        Assert.Equal(new object?[] { 1704067201000L, null, null, wkb, null }, rows[1]);
    }

    [Fact]
    public async Task A_table_wider_than_one_storage_part_takes_a_block_of_every_column()
    {
        int width = TableLayout.ColumnsPerPart + 50;
        await ExecAsync("create database bb_wide");
        await ExecAsync($"create table bb_wide.w (ts timestamp, {string.Join(", ", Enumerable.Range(1, width - 1).Select(c => $"c{c} {(c % 2 == 0 ? "int" : "binary(6)")}"))})");
        using var socket = await WsTestSocket.ConnectAsync(fixture.Server);
        ulong id = await PrepareAsync(socket, $"insert into bb_wide.w values({string.Join(",", Enumerable.Repeat("?", width))})");
        var types = Enumerable.Range(0, width).Select(c => c == 0 ? TaosDataType.Timestamp : c % 2 == 0 ? TaosDataType.Int : TaosDataType.VarChar).ToArray();
        object?[] Row(int r) => Enumerable.Range(0, width)
            .Select(c => c == 0 ? 1704067200000L + r : (c + r) % 7 == 0 ? null : c % 2 == 0 ? c * 10 + r : (object)("v" + r)).ToArray();
        var rows = Enumerable.Range(0, 40).Select(Row).ToArray();
        Assert.Equal(0, (await socket.BinaryAsync(WsBinaryHeader.Bind, id, ClientBlock.Build(types, rows))).GetProperty("code").GetInt32());
        Assert.Equal(40, (await socket.RequestAsync("exec", new { stmt_id = id })).GetProperty("affected").GetInt32());

        int[] probe = [1, 2, TableLayout.ColumnsPerPart, TableLayout.ColumnsPerPart + 1, width - 1];
        var read = await QueryAsync(socket, $"select ts, {string.Join(", ", probe.Select(c => "c" + c))} from bb_wide.w order by ts");
        Assert.Equal(40, read.Count);
        for (int r = 0; r < 40; r++)
        {
            Assert.Equal(new[] { 0 }.Concat(probe).Select(c => rows[r][c]), read[r]);
        }
    }

    [Fact]
    public async Task Bad_blocks_fail_like_insert_and_leave_the_stored_rows_as_they_were()
    {
        await ExecAsync("create database bb_bad duration 1 keep 3");
        await ExecAsync("create table bb_bad.t (ts timestamp, v int, s binary(4))");
        await ExecAsync("insert into bb_bad.t values (now, 1, 'kept')");
        TaosDataType[] types = [TaosDataType.Timestamp, TaosDataType.Int, TaosDataType.VarChar];
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var socket = await WsTestSocket.ConnectAsync(fixture.Server);
        var before = await QueryAsync(socket, "select * from bb_bad.t");
        ulong id = await PrepareAsync(socket, "insert into bb_bad.t values(?, ?, ?)");

        var tooLong = await socket.BinaryAsync(WsBinaryHeader.Bind, id, ClientBlock.Build(types, [now + 1, 1, "ok"], [now + 2, 2, "five!"], [null, 3, "x"]));
        Assert.Equal((9811, "Value too long for column/tag: s"), Error(tooLong));
        var nullTs = await socket.BinaryAsync(WsBinaryHeader.Bind, id, ClientBlock.Build(types, [now + 1, 1, "ok"], [null, 3, "x"], [now + 2, 2, "five!"]));
        Assert.Equal(512, Error(nullTs).Code);
        var wrongType = await socket.BinaryAsync(WsBinaryHeader.Bind, id, ClientBlock.Build([TaosDataType.Timestamp, TaosDataType.BigInt, TaosDataType.VarChar], [now, 1L, "x"]));
        Assert.Equal((65535, "stmt column type not match: column 1 is BigInt, the statement wants Int"), Error(wrongType));
        var wrongCount = await socket.BinaryAsync(WsBinaryHeader.Bind, id, ClientBlock.Build([TaosDataType.Timestamp, TaosDataType.Int], [now, 1]));
        Assert.Equal((65535, "stmt column count not match"), Error(wrongCount));
        // Nothing of the failed binds waits for exec.
        Assert.Equal(0, (await socket.RequestAsync("exec", new { stmt_id = id })).GetProperty("affected").GetInt32());

        var keep = await socket.BinaryAsync(WsBinaryHeader.Bind, id, ClientBlock.Build(types, [now + 3, 3, "new"], [1000L, 4, "old"]));
        Assert.Equal(0, keep.GetProperty("code").GetInt32());
        Assert.Equal((1547, "Timestamp data out of range"), Error(await socket.RequestAsync("exec", new { stmt_id = id })));
        Assert.Equal(before, await QueryAsync(socket, "select * from bb_bad.t"));

        Assert.Equal(0, (await socket.BinaryAsync(WsBinaryHeader.Bind, id, ClientBlock.Build(types, [now + 5, 5, "good"]))).GetProperty("code").GetInt32());
        Assert.Equal(1, (await socket.RequestAsync("exec", new { stmt_id = id })).GetProperty("affected").GetInt32());
        Assert.Equal(2, (await QueryAsync(socket, "select * from bb_bad.t")).Count);
    }
}
