using Taos.Schemaless;

namespace Taos.Tests.Integration;

/// <summary>
/// <see cref="TaosConnection.SchemalessInsert(string[], TaosSchemalessProtocol, TaosSchemalessPrecision, int?, long?)"/>
/// against the embedded server: over WebSocket its <c>insert</c> action, over REST taosAdapter's HTTP endpoints.
/// </summary>
public abstract class SchemalessInsertTests(ServerFixture server)
{
    /// <summary>The embedded server of the test's transport.</summary>
    protected ServerFixture Server { get; } = server;

    private TaosConnection Open(string db, string? precision = null)
    {
        Server.Run($"drop database if exists {db}", $"create database {db}" + (precision is null ? "" : $" precision '{precision}'"));
        var c = new TaosConnection(Server.ConnectionString(db));
        c.Open();
        return c;
    }

    private static object? Scalar(TaosConnection c, string sql) => new TaosCommand(sql, c).ExecuteScalar();

    private static List<object?[]> Rows(TaosConnection c, string sql)
    {
        using var r = new TaosCommand(sql, c).ExecuteReader();
        var rows = new List<object?[]>();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>DESCRIBE as "name type length note" per column.</summary>
    private static List<string> Describe(TaosConnection c, string table) =>
        Rows(c, "describe " + table).Select(r => $"{r[0]} {r[1]} {r[2]} {r[3]}").ToList();

    [Fact]
    public void Escapes_quotes_backslashes_unicode_and_control_characters_arrive_as_written()
    {
        using var c = Open("sml_escapes");
        string[] lines =
        [
            "# a comment line",
            @"esc\ m,k\,1=a\ b\=c,t=é中😀 s=""q\""u\\o"",n=L""ü\""x"",v=1i64 1700000000000",
            "esc\\ m,k\\,1=a\\ b\\=c,t=é中😀 s=\"tab\there\u0001\",n=L\"<>&'+/\",v=2i64 1700000000001\r",
            "",
        ];
        c.SchemalessInsert(lines, TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds);
        c.SchemalessInsert(string.Join("\r\n", lines).Replace("1700000000000", "1700000000002").Replace("1700000000001", "1700000000003"),
            TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds);
        var rows = Rows(c, "select s, n, v, `k,1`, t from `esc m` order by _ts");
        Assert.Equal(4, rows.Count);
        object?[] first = [@"q""u\o", "ü\"x", 1L, "a b=c", "é中😀"];
        object?[] second = ["tab\there\u0001", "<>&'+/", 2L, "a b=c", "é中😀"];
        Assert.Equal([first, second, first, second], rows);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Line_protocol_creates_the_super_table_and_writes_every_type(bool async)
    {
        using var c = Open("sml_line_" + (async ? "a" : "s"));
        string[] lines =
        [
            "meters,location=California.SF,groupid=2 current=10.3,voltage=219i32,phase=0.31f32,ok=true,note=\"a b\",n=L\"中文\",big=-9i64,small=7i16,tiny=-3i8,ubig=18446744073709551615u64,uint=4294967295u32,usmall=65535u16,utiny=255u8 1648432611249",
            "meters,location=California.LA,groupid=3 current=12.6,voltage=221i32,phase=0.33f32,ok=false,note=\"c\",n=L\"x\",big=9i64,small=8i16,tiny=3i8,ubig=1u64,uint=1u32,usmall=1u16,utiny=1u8 1648432611250",
        ];
        var written = async
            ? await c.SchemalessInsertAsync(lines, TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds)
            : c.SchemalessInsert(lines, TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds);
        Assert.Null(written);
        Assert.Equal(
        [
            "_ts TIMESTAMP 8 ", "current DOUBLE 8 ", "voltage INT 4 ", "phase FLOAT 4 ", "ok BOOL 1 ", "note VARCHAR 4 ", "n NCHAR 8 ",
            "big BIGINT 8 ", "small SMALLINT 2 ", "tiny TINYINT 1 ", "ubig BIGINT UNSIGNED 8 ", "uint INT UNSIGNED 4 ",
            "usmall SMALLINT UNSIGNED 2 ", "utiny TINYINT UNSIGNED 1 ", "location NCHAR 16 TAG", "groupid NCHAR 2 TAG",
        ], Describe(c, "meters"));
        var rows = Rows(c, "select _ts, current, voltage, ok, note, n, ubig, location from meters order by _ts");
        Assert.Equal(2, rows.Count);
        Assert.Equal(new DateTime(2022, 3, 28, 1, 56, 51, 249, DateTimeKind.Utc), rows[0][0]);
        Assert.Equal([10.3, 219, true, "a b", "中文", 18446744073709551615UL, "California.SF"], rows[0][1..]);
        Assert.Equal("California.LA", rows[1][7]);
    }

    [Fact]
    public async Task Telnet_and_json_write_the_value_column_with_timestamps_read_by_their_digits()
    {
        using var c = Open("sml_tsdb");
        c.SchemalessInsert(["sys.cpu 1700000000 10.5 host=h1 dc=d1", "sys.cpu 1700000001000 11.5 host=h1 dc=d1"],
            TaosSchemalessProtocol.Telnet, TaosSchemalessPrecision.NotConfigured);
        await c.SchemalessInsertAsync("""[{"metric":"sys.mem","timestamp":1700000000000,"value":9.5,"tags":{"host":"h1"}},{"metric":"sys.mem","timestamp":1700000001,"value":10.5,"tags":{"host":"h1"}}]""",
            TaosSchemalessProtocol.Json, TaosSchemalessPrecision.NotConfigured);
        Assert.Equal(
            [[new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc), 10.5], [new DateTime(2023, 11, 14, 22, 13, 21, DateTimeKind.Utc), 11.5]],
            Rows(c, "select _ts, _value from sys_cpu order by _ts"));
        Assert.Equal(20.0, Scalar(c, "select sum(_value) from sys_mem"));
        Assert.Equal("h1", Scalar(c, "select `host` from sys_mem limit 1"));
    }

    [Fact]
    public void Schema_evolves_with_new_fields_new_tags_and_wider_strings()
    {
        using var c = Open("sml_evolve");
        c.SchemalessInsert(["st,t1=a f1=1i32,s=\"ab\" 1700000000000"], TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds);
        Assert.Equal(["_ts TIMESTAMP 8 ", "f1 INT 4 ", "s VARCHAR 4 ", "t1 NCHAR 2 TAG"], Describe(c, "st"));
        c.SchemalessInsert(["st,t1=a,t2=bbbb f1=2i32,f2=2.5,s=\"a much longer string\" 1700000001000"],
            TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds);
        var columns = Describe(c, "st");
        Assert.Contains("f2 DOUBLE 8 ", columns);
        Assert.Contains(columns, x => x.StartsWith("t2 NCHAR ", StringComparison.Ordinal) && x.EndsWith(" TAG", StringComparison.Ordinal));
        Assert.Contains(columns, x => x.StartsWith("s VARCHAR ", StringComparison.Ordinal) && int.Parse(x.Split(' ')[2]) >= 20);
        Assert.Equal([["ab", null], ["a much longer string", 2.5]], Rows(c, "select s, f2 from st order by _ts"));
    }

    [Fact]
    public void OpenTsdb_data_gains_new_tags_and_wider_tag_values()
    {
        using var c = Open("sml_evolve_tsdb");
        c.SchemalessInsert(["cpu 1700000000 1 host=a"], TaosSchemalessProtocol.Telnet, TaosSchemalessPrecision.NotConfigured);
        c.SchemalessInsert(["cpu 1700000001 2 host=a dc=east"], TaosSchemalessProtocol.Telnet, TaosSchemalessPrecision.NotConfigured);
        Assert.Contains(Describe(c, "cpu"), x => x.StartsWith("dc NCHAR ", StringComparison.Ordinal) && x.EndsWith(" TAG", StringComparison.Ordinal));
        c.SchemalessInsert("""[{"metric":"cpu","timestamp":1700000002,"value":3,"tags":{"host":"a host name far longer than before","dc":"east"}}]""",
            TaosSchemalessProtocol.Json, TaosSchemalessPrecision.NotConfigured);
        Assert.Equal([[1.0, "a", null], [2.0, "a", "east"], [3.0, "a host name far longer than before", "east"]],
            Rows(c, "select _value, `host`, dc from cpu order by _ts"));
    }

    [Fact]
    public void A_bad_line_rejects_the_whole_request_with_the_servers_code_and_the_connection_keeps_working()
    {
        using var c = Open("sml_bad");
        c.SchemalessInsert(["m,host=h1 v=1i32 1700000000000"], TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds);
        var e = Assert.Throws<TaosException>(() => c.SchemalessInsert(
            ["m,host=h1 v=2i32 1700000001000", "m,host=h2 v=3i32 1700000002000", "m_bad,host=h1 1700000003000"],
            TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds, reqId: 424242));
        Assert.Equal(543, e.ErrorCode);
        Assert.Equal("invalid key or key is too long than 64:1700000003000", e.Description);
        Assert.Equal(424242L, e.RequestId);
        Assert.False(e.IsTransient);
        Assert.Equal(1L, Scalar(c, "select count(*) from m"));
        var conflict = Assert.Throws<TaosException>(() => c.SchemalessInsert(["m,host=h1 v=\"text\" 1700000004000"],
            TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds));
        Assert.NotEqual(TaosException.ClientErrorCode, conflict.ErrorCode);
        Assert.Equal(1L, Scalar(c, "select count(*) from m"));
        c.SchemalessInsert(["m,host=h1 v=5i32 1700000005000"], TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds);
        Assert.Equal(6L, Convert.ToInt64(Scalar(c, "select sum(v) from m")));
    }

    [Theory]
    [InlineData(TaosSchemalessPrecision.Hours, 472222L)]
    [InlineData(TaosSchemalessPrecision.Minutes, 28333333L)]
    [InlineData(TaosSchemalessPrecision.Seconds, 1700000000L)]
    [InlineData(TaosSchemalessPrecision.Milliseconds, 1700000000123L)]
    [InlineData(TaosSchemalessPrecision.Microseconds, 1700000000123456L)]
    [InlineData(TaosSchemalessPrecision.Nanoseconds, 1700000000123456789L)]
    [InlineData(TaosSchemalessPrecision.NotConfigured, 1700000000123456789L)]
    public void Each_precision_reads_the_timestamps_in_its_unit(TaosSchemalessPrecision precision, long ts)
    {
        using var c = Open("sml_prec_" + (int)precision, "us");
        c.SchemalessInsert($"p v=1i32 {ts}", TaosSchemalessProtocol.Line, precision);
        long perUnit = precision switch
        {
            TaosSchemalessPrecision.Hours => 3_600_000_000,
            TaosSchemalessPrecision.Minutes => 60_000_000,
            TaosSchemalessPrecision.Seconds => 1_000_000,
            TaosSchemalessPrecision.Milliseconds => 1_000,
            TaosSchemalessPrecision.Microseconds => 1,
            _ => 0,
        };
        long expected = perUnit == 0 ? ts / 1000 : ts * perUnit;
        Assert.Equal(expected, Convert.ToInt64(Scalar(c, "select cast(_ts as bigint) from p")));
    }

    [Fact]
    public void Ttl_and_request_id_are_accepted()
    {
        using var c = Open("sml_ttl");
        c.SchemalessInsert(["t v=1i32 1700000000000"], TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds, ttl: 30, reqId: 77);
        Assert.Equal(1L, Scalar(c, "select count(*) from t"));
    }

    [Fact]
    public void A_connection_without_database_or_not_open_is_refused_clearly()
    {
        using var c = new TaosConnection(Server.ConnectionString());
        Assert.Throws<InvalidOperationException>(() => c.SchemalessInsert(["t v=1i32 1"], TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds));
        c.Open();
        var e = Assert.Throws<TaosException>(() => c.SchemalessInsert(["t v=1i32 1"], TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds));
        Assert.Equal(TaosErrorCode.DatabaseNotSpecified, e.ErrorCode);
        Assert.Contains("ChangeDatabase", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => c.SchemalessInsert("x", (TaosSchemalessProtocol)0, TaosSchemalessPrecision.Milliseconds));
        Assert.Throws<ArgumentOutOfRangeException>(() => c.SchemalessInsert("x", TaosSchemalessProtocol.Line, (TaosSchemalessPrecision)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => c.SchemalessInsert("x", TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds, ttl: -1));
    }

    [Fact]
    public void A_database_that_does_not_exist_fails_with_TDengines_code()
    {
        using var c = Open("sml_dropped");
        Server.Run("drop database sml_dropped");
        var e = Assert.Throws<TaosException>(() => c.SchemalessInsert(["t v=1i32 1700000000000"], TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds));
        Assert.Equal(TaosErrorCode.DatabaseNotExist, e.ErrorCode);
    }
}

[Collection(ServerCollection.Name)]
public sealed class SchemalessInsertTestsOverRest(ServerFixture server) : SchemalessInsertTests(server)
{
    [Fact]
    public void OpenTsdb_with_a_precision_is_refused_over_REST_which_has_none_for_it()
    {
        Server.Run("create database if not exists sml_rest_prec");
        using var c = new TaosConnection(Server.ConnectionString("sml_rest_prec"));
        c.Open();
        var e = Assert.Throws<ArgumentException>(() => c.SchemalessInsert(["m 1700000000000 1 h=1"], TaosSchemalessProtocol.Telnet, TaosSchemalessPrecision.Milliseconds));
        Assert.Contains("NotConfigured", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Records the URI of every request and passes it on.</summary>
    private sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public List<Uri> Uris { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Uris) Uris.Add(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Uris) Uris.Add(request.RequestUri!);
            return base.Send(request, cancellationToken);
        }
    }

    [Fact]
    public void Each_protocol_posts_to_its_endpoint_with_the_request_parameters()
    {
        Server.Run("create database if not exists sml_rest_uri");
        var handler = new RecordingHandler();
        using var source = new TaosDataSourceBuilder(Server.ConnectionString("sml_rest_uri")).UseHttpMessageHandler(handler).Build();
        using var c = source.OpenConnection();
        c.SchemalessInsert(["m v=1i32 1700000000000000"], TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Microseconds, ttl: 7, reqId: 5);
        c.SchemalessInsert(["m 1700000000 1 h=1"], TaosSchemalessProtocol.Telnet, TaosSchemalessPrecision.NotConfigured, reqId: 6);
        c.SchemalessInsert("""{"metric":"m","timestamp":1700000000,"value":1,"tags":{"h":"1"}}""", TaosSchemalessProtocol.Json, TaosSchemalessPrecision.NotConfigured, reqId: 8);
        c.SchemalessInsert(["m v=1i32 1700000000000000000"], TaosSchemalessProtocol.Line, TaosSchemalessPrecision.NotConfigured, reqId: 9);
        Assert.Equal(
        [
            "/influxdb/v1/write?db=sml_rest_uri&precision=u&req_id=5&ttl=7", "/opentsdb/v1/put/telnet/sml_rest_uri?req_id=6",
            "/opentsdb/v1/put/json/sml_rest_uri?req_id=8", "/influxdb/v1/write?db=sml_rest_uri&req_id=9",
        ], handler.Uris.Where(u => !u.AbsolutePath.StartsWith("/rest/", StringComparison.Ordinal)).Select(u => u.PathAndQuery));
    }

    [Fact]
    public void A_refusal_without_a_TDengine_code_is_an_adapter_error_and_a_token_travels_as_a_parameter()
    {
        var handler = new RecordingHandler();
        using var source = new TaosDataSourceBuilder($"Url={Server.ConnectionUrl};Token=t0k;Database=db").UseHttpMessageHandler(handler).Build();
        using var c = source.CreateConnection();
        c.OpenWithoutCheck();
        var e = Assert.Throws<TaosException>(() => c.SchemalessInsert(["m v=1i32 1"], TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds));
        Assert.Equal(TaosErrorCode.AdapterError, e.ErrorCode);
        Assert.Equal("get auth error", e.Description);
        Assert.EndsWith("&token=t0k", Assert.Single(handler.Uris).Query, StringComparison.Ordinal);
    }
}

[Collection(WsServerCollection.Name)]
public sealed class SchemalessInsertTestsOverWebSocket(WsServerFixture server) : SchemalessInsertTests(server)
{
    [Fact]
    public void OpenTsdb_takes_a_precision_over_WebSocket()
    {
        Server.Run("drop database if exists sml_ws_prec", "create database sml_ws_prec");
        using var c = new TaosConnection(Server.ConnectionString("sml_ws_prec"));
        c.Open();
        c.SchemalessInsert(["m 1700000000000000 1 h=1"], TaosSchemalessProtocol.Telnet, TaosSchemalessPrecision.Microseconds);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc), new TaosCommand("select _ts from m", c).ExecuteScalar());
    }
}
