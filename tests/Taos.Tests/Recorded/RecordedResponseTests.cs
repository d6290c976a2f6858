using System.Data;
using System.Text;

namespace Taos.Tests.Recorded;

/// <summary>The reader against the exact bytes a real TDengine 3.3.0.1 answered (conformance/rest-raw).</summary>
public class RecordedResponseTests
{
    private static TaosConnection Connect(RecordedHandler handler, string extra = "")
    {
        var ds = new TaosDataSourceBuilder("Url=http://tdengine.test:6041" + extra).UseHttpMessageHandler(handler).Build();
        var c = ds.CreateConnection();
        c.OpenWithoutCheck();
        return c;
    }

    private static async Task<TaosDataReader> Execute(TaosConnection c, string sql, bool async)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return async ? await cmd.ExecuteReaderAsync() : cmd.ExecuteReader();
    }

    private static async Task<bool> Read(TaosDataReader r, bool async) => async ? await r.ReadAsync() : r.Read();

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 3)]
    [InlineData(false, 4096)]
    public async Task Read_all_types_decodes_every_value(bool async, int chunk)
    {
        using var c = Connect(new RecordedHandler("26_select_alltypes.txt", chunk));
        using var r = await Execute(c, "select * from power.all_types order by tbname, ts", async);
        Assert.Equal(18, r.FieldCount);
        Assert.Equal("c_ubigint", r.GetName(9));
        Assert.Equal("BIGINT UNSIGNED", r.GetDataTypeName(9));
        Assert.Equal(TaosDataType.Geometry, r.GetTaosDataType(16));
        Type[] expected = [typeof(DateTime), typeof(bool), typeof(sbyte), typeof(short), typeof(int), typeof(long), typeof(byte), typeof(ushort),
            typeof(uint), typeof(ulong), typeof(float), typeof(double), typeof(string), typeof(string), typeof(string), typeof(byte[]), typeof(byte[]), typeof(string)];
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], r.GetFieldType(i));

        Assert.True(await Read(r, async));
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), r.GetDateTime(0));
        Assert.Equal(DateTimeKind.Utc, r.GetDateTime(0).Kind);
        Assert.True(r.GetBoolean(1));
        Assert.Equal((sbyte)-1, r.GetValue(2));
        Assert.Equal((short)-2, r.GetValue(3));
        Assert.Equal(-3, r.GetValue(4));
        Assert.Equal(-4L, r.GetValue(5));
        Assert.Equal((byte)1, r.GetValue(6));
        Assert.Equal((ushort)2, r.GetValue(7));
        Assert.Equal(3u, r.GetValue(8));
        Assert.Equal(4ul, r.GetValue(9));
        Assert.Equal(3.14f, r.GetValue(10));
        Assert.Equal(2.718281828, r.GetValue(11));
        Assert.Equal("binary", r.GetString(12));
        Assert.Equal("涛思数据", r.GetString(14));
        Assert.Equal(new byte[] { 1, 2, 0xab, 0xcd }, (byte[])r.GetValue(15));
        Assert.Equal(Convert.FromHexString("0101000000000000000000f03f0000000000000040"), r.GetFieldValue<byte[]>(16));
        Assert.Equal("{\"k1\":\"v1\",\"k2\":3,\"k3\":true,\"k4\":null,\"k5\":1.5}", r.GetString(17));

        Assert.True(await Read(r, async));
        Assert.False(r.GetBoolean(1));
        Assert.Equal(127, r.GetInt32(2));
        Assert.Equal(9223372036854775807L, r.GetInt64(5));
        Assert.Equal(18446744073709551615ul, r.GetUInt64(9));
        Assert.Throws<OverflowException>(() => r.GetInt64(9));
        Assert.Equal(-3.4e38f, r.GetFloat(10));
        Assert.Equal(1.7e308, r.GetDouble(11));
        Assert.Equal("b\"q", r.GetString(12));
        Assert.Equal("v'q", r.GetString(13));
        Assert.Equal(Encoding.ASCII.GetBytes("hex"), r.GetFieldValue<byte[]>(15));

        Assert.True(await Read(r, async));
        for (int i = 1; i < 17; i++)
        {
            Assert.True(r.IsDBNull(i));
            Assert.Equal(DBNull.Value, r.GetValue(i));
        }
        Assert.Null(r.GetFieldValue<int?>(4));
        // ADO.NET specification: GetFieldValue<string> of NULL throws (only nullable value types read NULL as null).
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<string?>(12));
        Assert.Throws<InvalidCastException>(() => r.GetInt32(4));
        Assert.False(r.IsDBNull(17));

        Assert.True(await Read(r, async));
        Assert.True(r.IsDBNull(17));
        Assert.False(await Read(r, async));
        Assert.Equal(4, r.RowsRead);
        Assert.Equal(-1, r.RecordsAffected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Read_json_arrow_value_and_tags(bool async)
    {
        using var c = Connect(new RecordedHandler("27_select_alltypes_cols.txt"));
        using var r = await Execute(c, "select …", async);
        Assert.True(await Read(r, async));
        Assert.Equal("v1", r.GetString(2));
        Assert.Equal("JSON", r.GetDataTypeName(2));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Read_ns_timestamp_is_exact_and_GetDateTime_refuses_to_truncate(bool async)
    {
        using var c = Connect(new RecordedHandler("17_select_meters_ns.txt"));
        using var r = await Execute(c, "select * from test_ns.meters", async);
        Assert.Equal(typeof(TaosTimestamp), r.GetFieldType(0));
        Assert.True(await Read(r, async));
        var ts = r.GetFieldValue<TaosTimestamp>(0);
        Assert.Equal(TaosPrecision.Nanoseconds, ts.Precision);
        Assert.Equal(1795562513112310787L, ts.EpochTicks);
        Assert.Equal(ts, r.GetValue(0));
        var e = Assert.Throws<InvalidCastException>(() => r.GetDateTime(0));
        Assert.Contains("GetFieldValue<TaosTimestamp>", e.Message);
    }

    [Fact]
    public async Task Read_us_timestamp_gives_DateTime_with_microseconds()
    {
        using var c = Connect(new RecordedHandler("16_select_meters_us.txt"));
        using var r = await Execute(c, "select * from test_us.meters", true);
        Assert.True(await r.ReadAsync());
        Assert.Equal(typeof(DateTime), r.GetFieldType(0));
        Assert.Equal(1795562513094158L, r.GetTaosTimestamp(0).EpochTicks);
        Assert.Equal(new DateTime(2026, 11, 24, 23, 21, 53, DateTimeKind.Utc).AddTicks(941580), r.GetDateTime(0));
    }

    [Fact]
    public async Task Read_with_timezone_gives_wall_clock_and_offset()
    {
        var handler = new RecordedHandler("32_tz_param.txt");
        using var c = Connect(handler, ";Timezone=Asia/Shanghai");
        using var r = await Execute(c, "select ts, current from power.d1001 order by ts limit 2", true);
        Assert.Contains("tz=Asia%2FShanghai", handler.Requests[0].RequestUri!.Query);
        Assert.True(await r.ReadAsync());
        Assert.Equal(new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Unspecified), r.GetDateTime(0));
        Assert.Equal(DateTimeKind.Unspecified, r.GetDateTime(0).Kind);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.FromHours(8)), r.GetDateTimeOffset(0));
        Assert.Equal(TimeSpan.FromHours(8), r.GetDateTimeOffset(0).Offset);
        Assert.Equal(10.3f, r.GetFloat(1));
    }

    [Theory]
    [InlineData("35_error_syntax.txt", 9728, "syntax error near \"selec * frm power.meters\"")]
    [InlineData("36_error_unknown_table.txt", 9826, "Fail to get table info, error: Table does not exist")]
    [InlineData("41_error_bad_password.txt", 855, "Authentication failure")]
    [InlineData("42_error_no_auth_header.txt", 4357, "no auth info input")]
    [InlineData("40_error_empty_sql.txt", 4358, "request is empty")]
    public async Task Execute_error_answer_throws_TaosException_with_code_desc_sql_reqid(string file, int code, string desc)
    {
        using var c = Connect(new RecordedHandler(file));
        var cmd = c.CreateCommand();
        cmd.CommandText = "select 1";
        cmd.RequestId = 4242;
        var e = await Assert.ThrowsAsync<TaosException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal(desc, e.Description);
        Assert.Equal("select 1", e.Sql);
        Assert.Equal(4242, e.RequestId);
        Assert.Contains(desc, e.Message);
        var sync = Assert.Throws<TaosException>(() => cmd.ExecuteScalar());
        Assert.Equal(code, sync.ErrorCode);
    }

    [Fact]
    public void Execute_sends_basic_auth_sql_body_req_id_and_database_path()
    {
        var handler = new RecordedHandler("15_select_meters_ms.txt");
        using var c = Connect(handler, ";Username=u1;Password=p:w;Database=power");
        var cmd = c.CreateCommand();
        cmd.CommandText = "select * from meters where location = @loc";
        cmd.Parameters.AddWithValue("loc", "it's");
        cmd.RequestId = 77;
        using (var r = cmd.ExecuteReader())
        {
            Assert.Equal(6, r.FieldCount);
        }
        var req = handler.Requests[0];
        Assert.Equal(HttpMethod.Post, req.Method);
        Assert.Equal("/rest/sql/power", req.RequestUri!.AbsolutePath);
        Assert.Contains("req_id=77", req.RequestUri.Query);
        Assert.Equal("Basic", req.Headers.Authorization!.Scheme);
        Assert.Equal("u1:p:w", Encoding.UTF8.GetString(Convert.FromBase64String(req.Headers.Authorization.Parameter!)));
        Assert.Equal("select * from meters where location = 'it''s'", handler.Bodies[0]);
    }

    [Fact]
    public void Execute_with_token_sends_it_as_header_and_url_parameter()
    {
        var handler = new RecordedHandler("15_select_meters_ms.txt");
        using var c = Connect(handler, ";Token=abc/def");
        var cmd = c.CreateCommand();
        cmd.CommandText = "select 1";
        cmd.ExecuteReader().Dispose();
        var req = handler.Requests[0];
        Assert.Equal("Taosd", req.Headers.Authorization!.Scheme);
        Assert.Equal("abc/def", req.Headers.Authorization.Parameter);
        Assert.Contains("token=abc%2Fdef", req.RequestUri!.Query);
    }

    [Fact]
    public void Read_null_and_empty_string_literals()
    {
        using var c = Connect(new RecordedHandler("44_select_null_and_empty.txt"));
        var cmd = c.CreateCommand();
        cmd.CommandText = "select null, '' , 1.0/0";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.True(r.IsDBNull(0));
        Assert.Equal("", r.GetString(1));
        Assert.True(r.IsDBNull(2));
        Assert.Equal(3, r.GetSchemaTable()!.Rows.Count);
    }

    [Fact]
    public void ExecuteNonQuery_on_query_returns_minus_one_and_scalar_first_value()
    {
        using var c = Connect(new RecordedHandler("15_select_meters_ms.txt"));
        var cmd = c.CreateCommand();
        cmd.CommandText = "select * from power.meters order by ts, tbname";
        Assert.Equal(-1, cmd.ExecuteNonQuery());
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), cmd.ExecuteScalar());
    }
}
