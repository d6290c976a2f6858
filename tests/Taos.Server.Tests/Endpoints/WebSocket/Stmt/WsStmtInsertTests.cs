using System.Text.Json;
using Taos.Server.Endpoints.WebSocket.Stmt;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Endpoints.WebSocket.Stmt;

/// <summary>Stmt INSERT over a real <c>/ws</c> socket: JSON and binary binds, fields, and what lands in the tables.</summary>
public class WsStmtInsertTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TaosDataType[] MeterTypes = [TaosDataType.Timestamp, TaosDataType.Float, TaosDataType.Int, TaosDataType.VarChar];

    private async Task SetupAsync(string db, string precision = "ms")
    {
        foreach (string sql in new[]
        {
            $"create database {db} precision '{precision}'",
            $"create stable {db}.meters (ts timestamp, current float, voltage int, note binary(8)) tags (groupid int, location nchar(12))",
        })
        {
            Assert.Equal(0, (await fixture.SqlAsync(sql)).Code);
        }
    }

    private static async Task<ulong> PrepareAsync(WsTestSocket socket, string sql)
    {
        var init = await socket.RequestAsync("init");
        ulong id = init.GetProperty("stmt_id").GetUInt64();
        var prepare = await socket.RequestAsync("prepare", new { stmt_id = id, sql });
        Assert.Equal(0, prepare.GetProperty("code").GetInt32());
        return id;
    }

    private async Task<List<object?[]>> QueryAsync(WsTestSocket socket, string sql)
    {
        var query = await socket.RequestAsync("query", new { sql });
        Assert.Equal(0, query.GetProperty("code").GetInt32());
        return await socket.ReadAllAsync(query.GetProperty("id").GetUInt64());
    }

    [Fact]
    public async Task Json_binds_auto_create_the_child_table_and_write_the_rows()
    {
        await SetupAsync("st_json");
        using var socket = await WsTestSocket.ConnectAsync(fixture.Server, "st_json");
        ulong id = await PrepareAsync(socket, "insert into ? using meters tags(?, ?) values(?, ?, ?, ?)");
        Assert.Equal(0, (await socket.RequestAsync("set_table_name", new { stmt_id = id, name = "st_json.d1" })).GetProperty("code").GetInt32());

        var tags = await socket.RequestAsync("get_tag_fields", new { stmt_id = id });
        Assert.Equal("""[{"name":"groupid","field_type":4,"precision":0,"scale":0,"bytes":4},{"name":"location","field_type":10,"precision":0,"scale":0,"bytes":50}]""",
            tags.GetProperty("fields").GetRawText());
        var cols = await socket.RequestAsync("get_col_fields", new { stmt_id = id });
        Assert.Equal(10, cols.GetProperty("fields")[3].GetProperty("bytes").GetInt32());
        var param = await socket.RequestAsync("stmt_get_param", new { stmt_id = id, index = 3 });
        Assert.Equal((8, 10), (param.GetProperty("data_type").GetInt32(), param.GetProperty("length").GetInt32()));
        Assert.Equal(4, (await socket.RequestAsync("stmt_num_params", new { stmt_id = id })).GetProperty("num_params").GetInt32());

        Assert.Equal(0, (await socket.RequestAsync("set_tags", new { stmt_id = id, tags = new object?[] { 5, "San Jose" } })).GetProperty("code").GetInt32());
        var bind = await socket.RequestAsync("bind", new { stmt_id = id, columns = new object?[][] { [1704067200000L, "2024-01-01T00:00:01Z"], [1.5, null], [220, 221], ["a", "é"] } });
        Assert.Equal(0, bind.GetProperty("code").GetInt32());
        Assert.Equal(0, (await socket.RequestAsync("add_batch", new { stmt_id = id })).GetProperty("code").GetInt32());
        var exec = await socket.RequestAsync("exec", new { stmt_id = id });
        Assert.Equal(2, exec.GetProperty("affected").GetInt32());
        Assert.Equal(id, exec.GetProperty("stmt_id").GetUInt64());

        var rows = await QueryAsync(socket, "select ts, current, voltage, note, groupid, location from st_json.d1 order by ts");
        Assert.Equal(new object?[] { 1704067200000L, 1.5f, 220, "a", 5, "San Jose" }, rows[0]);
        Assert.Equal(new object?[] { 1704067201000L, null, 221, "é", 5, "San Jose" }, rows[1]);

        // A second exec writes only what was bound since the first.
        Assert.Equal(0, (await socket.RequestAsync("exec", new { stmt_id = id })).GetProperty("affected").GetInt32());
    }

    [Fact]
    public async Task Binary_binds_write_every_type_with_nulls_and_exact_nanoseconds()
    {
        Assert.Equal(0, (await fixture.SqlAsync("create database st_types precision 'ns'")).Code);
        Assert.Equal(0, (await fixture.SqlAsync("create table st_types.t (ts timestamp, b bool, i8 tinyint, i16 smallint, i32 int, i64 bigint, " +
            "u8 tinyint unsigned, u16 smallint unsigned, u32 int unsigned, u64 bigint unsigned, f float, d double, s binary(10), n nchar(4), vb varbinary(4))")).Code);
        using var socket = await WsTestSocket.ConnectAsync(fixture.Server);
        ulong id = await PrepareAsync(socket, "insert into st_types.t values(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        TaosDataType[] types = [TaosDataType.Timestamp, TaosDataType.Bool, TaosDataType.TinyInt, TaosDataType.SmallInt, TaosDataType.Int,
            TaosDataType.BigInt, TaosDataType.UTinyInt, TaosDataType.USmallInt, TaosDataType.UInt, TaosDataType.UBigInt, TaosDataType.Float,
            TaosDataType.Double, TaosDataType.VarChar, TaosDataType.NChar, TaosDataType.VarBinary];
        object?[] full = [1700000000123456789L, true, (sbyte)-128, (short)-32768, int.MinValue, long.MinValue, (byte)255, (ushort)65535,
            uint.MaxValue, ulong.MaxValue, 3.25f, 2.718281828459045, "hello", "中文ñ!", new byte[] { 1, 2, 0xFF }];
        object?[] nulls = [1700000000123456790L, null, null, null, null, null, null, null, null, null, null, null, null, null, null];
        var reply = await socket.BinaryAsync(WsBinaryHeader.Bind, id, ClientBlock.Build(types, full, nulls), requestId: 9007199254740993);
        Assert.Equal(0, reply.GetProperty("code").GetInt32());
        Assert.Equal("bind", reply.GetProperty("action").GetString());
        Assert.Equal(9007199254740993ul, reply.GetProperty("req_id").GetUInt64());
        Assert.Equal(2, (await socket.RequestAsync("exec", new { stmt_id = id })).GetProperty("affected").GetInt32());

        var rows = await QueryAsync(socket, "select * from st_types.t order by ts");
        Assert.Equal(full, rows[0]);
        Assert.Equal(nulls, rows[1]);
    }

    [Fact]
    public async Task Binary_tags_and_rows_for_several_child_tables_read_back_exactly()
    {
        await SetupAsync("st_many");
        using var socket = await WsTestSocket.ConnectAsync(fixture.Server, "st_many");
        ulong id = await PrepareAsync(socket, "insert into ? using meters tags(?, ?) values(?, ?, ?, ?)");
        const int tables = 4, rowsPerTable = 25_000;
        for (int t = 0; t < tables; t++)
        {
            Assert.Equal(0, (await socket.RequestAsync("set_table_name", new { stmt_id = id, name = $"d{t}" })).GetProperty("code").GetInt32());
            var tagBlock = ClientBlock.Build([TaosDataType.Int, TaosDataType.NChar], [t, t % 2 == 0 ? null : "loc" + t]);
            Assert.Equal(0, (await socket.BinaryAsync(WsBinaryHeader.SetTags, id, tagBlock)).GetProperty("code").GetInt32());
            var rows = Enumerable.Range(0, rowsPerTable).Select(r => new object?[] { 1704067200000L + r, r * 0.5f, t * rowsPerTable + r, r % 7 == 0 ? null : "n" + (r % 100) }).ToArray();
            Assert.Equal(0, (await socket.BinaryAsync(WsBinaryHeader.Bind, id, ClientBlock.Build(MeterTypes, rows))).GetProperty("code").GetInt32());
            Assert.Equal(0, (await socket.RequestAsync("add_batch", new { stmt_id = id })).GetProperty("code").GetInt32());
        }
        Assert.Equal(tables * rowsPerTable, (await socket.RequestAsync("exec", new { stmt_id = id })).GetProperty("affected").GetInt32());

        var read = await QueryAsync(socket, "select tbname, ts, current, voltage, note, groupid, location from meters order by tbname, ts");
        Assert.Equal(tables * rowsPerTable, read.Count);
        for (int i = 0; i < read.Count; i++)
        {
            int t = i / rowsPerTable, r = i % rowsPerTable;
            Assert.Equal(new object?[] { $"d{t}", 1704067200000L + r, r * 0.5f, t * rowsPerTable + r, r % 7 == 0 ? null : "n" + (r % 100), t, t % 2 == 0 ? null : "loc" + t }, read[i]);
        }
    }

    [Fact]
    public async Task Bound_rows_merge_and_overwrite_exactly_like_the_same_sql_insert()
    {
        Assert.Equal(0, (await fixture.SqlAsync("create database st_over")).Code);
        foreach (string t in new[] { "bound", "sql" })
        {
            Assert.Equal(0, (await fixture.SqlAsync($"create table st_over.{t} (ts timestamp, a int, b binary(4))")).Code);
            Assert.Equal(0, (await fixture.SqlAsync($"insert into st_over.{t} values (1704067201000, 1, 'old') (1704067202000, 2, 'old')")).Code);
        }
        Assert.Equal(0, (await fixture.SqlAsync("insert into st_over.sql values (1704067201000, null, 'new') (1704067201000, 7, null) (1704067203000, 3, null)")).Code);
        using var socket = await WsTestSocket.ConnectAsync(fixture.Server);
        ulong id = await PrepareAsync(socket, "insert into st_over.bound values(?, ?, ?)");
        var block = ClientBlock.Build([TaosDataType.Timestamp, TaosDataType.Int, TaosDataType.VarChar], [1704067201000L, null, "new"], [1704067201000L, 7, null], [1704067203000L, 3, null]);
        Assert.Equal(0, (await socket.BinaryAsync(WsBinaryHeader.Bind, id, block)).GetProperty("code").GetInt32());
        Assert.Equal(2, (await socket.RequestAsync("exec", new { stmt_id = id })).GetProperty("affected").GetInt32());

        Assert.Equal(await QueryAsync(socket, "select * from st_over.sql order by ts"), await QueryAsync(socket, "select * from st_over.bound order by ts"));
    }

    [Fact]
    public async Task Bad_values_fail_like_insert_and_write_nothing_of_the_exec()
    {
        await SetupAsync("st_bad");
        Assert.Equal(0, (await fixture.SqlAsync("create database st_bad_keep duration 1 keep 3")).Code);
        Assert.Equal(0, (await fixture.SqlAsync("create table st_bad_keep.t (ts timestamp, v int)")).Code);
        using var socket = await WsTestSocket.ConnectAsync(fixture.Server, "st_bad");
        ulong id = await PrepareAsync(socket, "insert into ? using meters tags(?, ?) values(?, ?, ?, ?)");
        await socket.RequestAsync("set_table_name", new { stmt_id = id, name = "d1" });
        await socket.RequestAsync("set_tags", new { stmt_id = id, tags = new object?[] { 1, "x" } });
        Assert.Equal(0, (await socket.RequestAsync("bind", new { stmt_id = id, columns = new object?[][] { [1704067200000L], [1.0], [1], ["ok"] } })).GetProperty("code").GetInt32());

        var tooLong = await socket.RequestAsync("bind", new { stmt_id = id, columns = new object?[][] { [1704067201000L], [1.0], [1], ["ninechars"] } });
        Assert.Equal((9811, "Value too long for column/tag: note"), (tooLong.GetProperty("code").GetInt32(), tooLong.GetProperty("message").GetString()));
        Assert.Equal(id, tooLong.GetProperty("stmt_id").GetUInt64());
        var nullTs = await socket.RequestAsync("bind", new { stmt_id = id, columns = new object?[][] { [null], [1.0], [1], ["x"] } });
        Assert.Equal(512, nullTs.GetProperty("code").GetInt32());
        var wrongType = await socket.RequestAsync("bind", new { stmt_id = id, columns = new object?[][] { [1704067201000L], ["1.0"], [1], ["x"] } });
        Assert.Equal(65535, wrongType.GetProperty("code").GetInt32());
        var tagTooLong = await socket.RequestAsync("set_tags", new { stmt_id = id, tags = new object?[] { 1, "thirteen char" } });
        Assert.Equal(9811, tagTooLong.GetProperty("code").GetInt32());
        var count = await socket.RequestAsync("bind", new { stmt_id = id, columns = new object?[][] { [1704067201000L], [1.0] } });
        Assert.Equal("stmt column count not match", count.GetProperty("message").GetString());

        // Only the good row was kept; the failed binds left nothing behind.
        Assert.Equal(1, (await socket.RequestAsync("exec", new { stmt_id = id })).GetProperty("affected").GetInt32());

        ulong keep = await PrepareAsync(socket, "insert into st_bad_keep.t values(?, ?)");
        await socket.RequestAsync("bind", new { stmt_id = keep, columns = new object?[][] { [DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 1000L], [1, 2] } });
        var old = await socket.RequestAsync("exec", new { stmt_id = keep });
        Assert.Equal((1547, "Timestamp data out of range"), (old.GetProperty("code").GetInt32(), old.GetProperty("message").GetString()));
        Assert.Empty(await QueryAsync(socket, "select * from st_bad_keep.t"));
    }

    [Fact]
    public async Task Misuse_answers_stmt_errors_and_close_never_answers()
    {
        await SetupAsync("st_misuse");
        using var socket = await WsTestSocket.ConnectAsync(fixture.Server, "st_misuse");
        var nil = await socket.RequestAsync("bind", new { stmt_id = 999, columns = Array.Empty<object>() });
        Assert.Equal((65535, "stmt is nil", 999ul), (nil.GetProperty("code").GetInt32(), nil.GetProperty("message").GetString(), nil.GetProperty("stmt_id").GetUInt64()));

        ulong id = await PrepareAsync(socket, "insert into ? using meters tags(?, ?) values(?, ?, ?, ?)");
        var early = await socket.RequestAsync("bind", new { stmt_id = id, columns = new object?[][] { [1L], [1.0], [1], ["x"] } });
        Assert.Equal((554, "Stmt API usage error"), (early.GetProperty("code").GetInt32(), early.GetProperty("message").GetString()));
        var noTable = await socket.RequestAsync("set_table_name", new { stmt_id = id, name = "nodb.d1" });
        Assert.Equal(904, noTable.GetProperty("code").GetInt32());

        var bad = await socket.RequestAsync("prepare", new { stmt_id = id, sql = "insert into ? usin meters" });
        Assert.NotEqual(0, bad.GetProperty("code").GetInt32());
        Assert.Equal(id, bad.GetProperty("stmt_id").GetUInt64());

        ulong missing = await PrepareAsync(socket, "insert into no_such_table values (?, ?)");
        var fields = await socket.RequestAsync("get_col_fields", new { stmt_id = missing });
        Assert.Equal((9731, "Table does not exist"), (fields.GetProperty("code").GetInt32(), fields.GetProperty("message").GetString()));

        // close answers nothing: the next reply is the next request's.
        await socket.SendAsync("close", new { stmt_id = id });
        var closed = await socket.RequestAsync("add_batch", new { stmt_id = id });
        Assert.Equal(("add_batch", "stmt is nil"), (closed.GetProperty("action").GetString(), closed.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Open_statements_and_pending_rows_are_bounded()
    {
        Assert.Equal(0, (await fixture.SqlAsync("create database st_limits")).Code);
        Assert.Equal(0, (await fixture.SqlAsync("create table st_limits.t (ts timestamp, v bool)")).Code);
        using var socket = await WsTestSocket.ConnectAsync(fixture.Server);
        var ids = new List<ulong>();
        for (int i = 0; i < WsStmtRegistry.MaxOpen; i++)
        {
            ids.Add((await socket.RequestAsync("init")).GetProperty("stmt_id").GetUInt64());
        }
        var full = await socket.RequestAsync("init");
        Assert.Equal(65535, full.GetProperty("code").GetInt32());
        Assert.Contains("too many open statements", full.GetProperty("message").GetString(), StringComparison.Ordinal);
        await socket.SendAsync("close", new { stmt_id = ids[0] });
        ulong id = (await socket.RequestAsync("init")).GetProperty("stmt_id").GetUInt64();
        Assert.Equal((ulong)WsStmtRegistry.MaxOpen + 1, id);

        await socket.RequestAsync("prepare", new { stmt_id = id, sql = "insert into st_limits.t values (?, ?)" });
        int rows = WsStmtBinds.MaxPendingRows + 1;
        var block = ClientBlock.Build([TaosDataType.Timestamp, TaosDataType.Bool], [.. Enumerable.Range(0, rows).Select(r => new object?[] { 1704067200000L + r, true })]);
        var tooMany = await socket.BinaryAsync(WsBinaryHeader.Bind, id, block);
        Assert.Equal(65535, tooMany.GetProperty("code").GetInt32());
        Assert.StartsWith("too many bound rows", tooMany.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await socket.RequestAsync("exec", new { stmt_id = id })).GetProperty("affected").GetInt32());
    }
}
