using Taos.Tests.Integration;
using Taos.Transport.WebSocket;

namespace Taos.Tests.Transport.WebSocket.Stmt;

[Collection(WsServerCollection.Name)]
public class PreparedCommandTests(WsServerFixture server)
{
    private static int _db;

    private string Database(string name)
    {
        string db = $"pc_{name}_{Interlocked.Increment(ref _db)}";
        server.Run($"create database if not exists {db}",
            $"create stable if not exists {db}.meters (ts timestamp, current float, voltage int, phase float) tags (groupid int, location varchar(24))");
        return db;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_prepared_insert_into_a_placeholder_table_binds_again_on_each_execution(bool async)
    {
        string db = Database("ins");
        using var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        using var cmd = new TaosCommand("INSERT INTO ? USING meters TAGS(?, ?) VALUES(?, ?, ?, ?)", c);
        var table = cmd.Parameters.AddWithValue("", "d1001");
        cmd.Parameters.AddWithValue("", 2);
        cmd.Parameters.AddWithValue("", "California.SanFrancisco");
        var ts = cmd.Parameters.AddWithValue("", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var current = cmd.Parameters.AddWithValue("", 10.3f);
        cmd.Parameters.AddWithValue("", 219);
        cmd.Parameters.AddWithValue("", DBNull.Value);
        if (async) await cmd.PrepareAsync(); else cmd.Prepare();
        var session = (WsSession)c.Session;
        Assert.Equal(1, session.Statements.Count);
        Assert.Equal(1, async ? await cmd.ExecuteNonQueryAsync() : cmd.ExecuteNonQuery());
        ts.Value = new DateTime(2024, 1, 1, 0, 0, 1, DateTimeKind.Utc);
        current.Value = 11.5;
        Assert.Equal(1, cmd.ExecuteNonQuery());
        table.Value = "d1002";
        Assert.Equal(1, cmd.ExecuteNonQuery());
        Assert.Equal(1, session.Statements.Count);
        // One init for the three executions: the server's next stmt id on this socket is 2.
        var socket = await session.SocketAsync(TimeSpan.FromSeconds(10), true, CancellationToken.None);
        var next = await session.Statements.OpenAsync(socket, "select * from meters where voltage > ?", TimeSpan.FromSeconds(10), true, CancellationToken.None);
        Assert.Equal(2UL, next.Id);
        await next.CloseAsync(true);

        using var q = new TaosCommand("select tbname, count(*), sum(voltage), count(phase), last(location) from meters partition by tbname order by tbname", c);
        using var r = q.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(["d1001", 2L, 438L, 0L, "California.SanFrancisco"], Values(r));
        Assert.True(r.Read());
        Assert.Equal("d1002", r.GetString(0));
        Assert.False(r.Read());
    }

    [Fact]
    public void Every_type_and_NULL_bind_through_a_prepared_insert()
    {
        string db = "pc_types_" + Interlocked.Increment(ref _db);
        server.Run($"create database if not exists {db}", $"create table if not exists {db}.t (ts timestamp, c_bool bool, c_tinyint tinyint, "
            + "c_smallint smallint, c_int int, c_bigint bigint, c_utinyint tinyint unsigned, c_usmallint smallint unsigned, c_uint int unsigned, "
            + "c_ubigint bigint unsigned, c_float float, c_double double, c_varchar varchar(16), c_nchar nchar(8), c_varbinary varbinary(8), "
            + "c_geometry geometry(64))");
        using var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        var point = Convert.FromHexString("0101000000000000000000f03f0000000000000040");
        object[] row = [new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), true, (sbyte)-1, (short)-2, -3, -4L, (byte)1, (ushort)2, 3u,
            ulong.MaxValue, 3.14f, 2.718281828, "varchar", "涛思数据", new byte[] { 1, 2, 0xab }, point];
        using var cmd = new TaosCommand("insert into t values (" + string.Join(", ", Enumerable.Repeat("?", row.Length)) + ")", c);
        var parameters = row.Select(v => cmd.Parameters.AddWithValue("", v)).ToList();
        cmd.Prepare();
        Assert.Equal(1, cmd.ExecuteNonQuery());
        parameters[0].Value = 1704067201000L;
        foreach (var p in parameters.Skip(1)) p.Value = DBNull.Value;
        Assert.Equal(1, cmd.ExecuteNonQuery());

        using var q = new TaosCommand("select * from t order by ts", c);
        using var r = q.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(row, Values(r));
        Assert.True(r.Read());
        for (int i = 1; i < row.Length; i++) Assert.True(r.IsDBNull(i), r.GetName(i));
        Assert.False(r.Read());
    }

    [Fact]
    public void Named_parameters_map_to_their_placeholders_in_any_order()
    {
        string db = Database("named");
        server.Run($"create table if not exists {db}.d1 using {db}.meters tags (1, 'x')");
        using var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        using var cmd = new TaosCommand("INSERT INTO d1 VALUES(@ts, @current, @voltage, @current)", c);
        cmd.Parameters.AddWithValue("@voltage", 230);
        cmd.Parameters.AddWithValue("current", 1.5f);
        cmd.Parameters.AddWithValue("@ts", new TaosTimestamp(1704067200000, TaosPrecision.Milliseconds));
        cmd.Prepare();
        Assert.Equal(1, cmd.ExecuteNonQuery());
        using var q = new TaosCommand("select voltage, current, phase from d1", c);
        using var r = q.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal([230, 1.5f, 1.5f], Values(r));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_prepared_query_binds_values_and_reads_through_the_data_reader(bool async)
    {
        string db = Database("query");
        server.Run($"insert into {db}.d1 using {db}.meters tags (1, 'a') values (1704067200000, 1.0, 218, 0.1) (1704067201000, 2.0, 220, 0.2) (1704067202000, 3.0, 225, 0.3)");
        using var c = new TaosConnection(server.ConnectionString(db));
        await c.OpenAsync();
        using var cmd = new TaosCommand("SELECT ts, voltage FROM meters WHERE ts > @after AND voltage > @min ORDER BY ts", c);
        var after = cmd.Parameters.AddWithValue("after", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var min = cmd.Parameters.AddWithValue("min", 200);
        if (async) await cmd.PrepareAsync(); else cmd.Prepare();
        await using (var r = async ? await cmd.ExecuteReaderAsync() : cmd.ExecuteReader())
        {
            Assert.Equal(["ts", "voltage"], Enumerable.Range(0, r.FieldCount).Select(r.GetName));
            Assert.True(await r.ReadAsync());
            Assert.Equal(220, r.GetInt32(1));
            Assert.True(await r.ReadAsync());
            Assert.Equal(225, r.GetInt32(1));
            Assert.False(await r.ReadAsync());
        }
        min.Value = 221;
        after.Value = new TaosTimestamp(1704067200000, TaosPrecision.Milliseconds);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 2, DateTimeKind.Utc), cmd.ExecuteScalar());
        Assert.Equal(1, ((WsSession)c.Session).Statements.Count);
    }

    [Fact]
    public void Nanosecond_timestamps_bind_exactly_in_inserts_and_queries()
    {
        string db = "pc_ns_" + Interlocked.Increment(ref _db);
        server.Run($"create database if not exists {db} precision 'ns'", $"create table if not exists {db}.t (ts timestamp, v bigint)");
        using var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        var ts = new TaosTimestamp(1704067200123456789, TaosPrecision.Nanoseconds);
        using (var insert = new TaosCommand("insert into t values (?, ?)", c))
        {
            insert.Parameters.AddWithValue("", ts);
            insert.Parameters.AddWithValue("", long.MinValue);
            insert.Prepare();
            Assert.Equal(1, insert.ExecuteNonQuery());
        }
        using var q = new TaosCommand("select ts, v from t where ts = ?", c);
        q.Parameters.AddWithValue("", ts);
        q.Prepare();
        using var r = q.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(ts, r.GetFieldValue<TaosTimestamp>(0));
        Assert.Equal(long.MinValue, r.GetInt64(1));
    }

    [Fact]
    public void Wrong_counts_types_and_tables_get_the_servers_error_and_the_connection_stays_usable()
    {
        string db = Database("bad");
        using var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        using var cmd = new TaosCommand("INSERT INTO ? USING meters TAGS(?, ?) VALUES(?, ?, ?, ?)", c);
        cmd.Parameters.AddWithValue("", "d1");
        cmd.Parameters.AddWithValue("", 1);
        cmd.Parameters.AddWithValue("", "x");
        cmd.Parameters.AddWithValue("", 1704067200000L);
        cmd.Parameters.AddWithValue("", 1.0f);
        cmd.Parameters.AddWithValue("", 220);
        cmd.Prepare();
        // A placeholder without its parameter is refused before anything is sent, as over REST.
        Assert.Throws<InvalidOperationException>(() => cmd.ExecuteNonQuery());

        cmd.Parameters.AddWithValue("", "not a float");
        var type = Assert.Throws<TaosException>(() => cmd.ExecuteNonQuery());
        Assert.Equal(TaosErrorCode.AdapterError, type.ErrorCode);
        Assert.Contains("type", type.Message);

        cmd.Parameters[6].Value = 0.5f;
        Assert.Equal(1, cmd.ExecuteNonQuery());

        using var unknown = new TaosCommand("insert into no_such_table values (?, ?)", c);
        unknown.Parameters.AddWithValue("", 1704067200000L);
        unknown.Parameters.AddWithValue("", 1);
        var missing = Assert.Throws<TaosException>(() => { unknown.Prepare(); unknown.ExecuteNonQuery(); });
        Assert.NotEqual(TaosException.ClientErrorCode, missing.ErrorCode);

        Assert.Equal(1L, new TaosCommand("select count(*) from meters", c).ExecuteScalar());
    }

    [Fact]
    public void The_statement_is_closed_with_the_command_and_with_the_pooled_connection_and_prepared_again_after()
    {
        string db = Database("life");
        using var source = TaosDataSource.Create(server.ConnectionString(db, "MaxPoolSize=1"));
        using var cmd = new TaosCommand("insert into ? using meters tags (?, ?) values (?, ?, ?, ?)");
        cmd.Parameters.AddWithValue("", "d1");
        cmd.Parameters.AddWithValue("", 1);
        cmd.Parameters.AddWithValue("", "x");
        var ts = cmd.Parameters.AddWithValue("", 1704067200000L);
        cmd.Parameters.AddWithValue("", 1.0f);
        cmd.Parameters.AddWithValue("", 220);
        cmd.Parameters.AddWithValue("", 0.1f);
        WsSession session;
        using (var c = source.OpenConnection())
        {
            cmd.Connection = c;
            cmd.Prepare();
            session = (WsSession)c.Session;
            Assert.Equal(1, session.Statements.Count);
            cmd.ExecuteNonQuery();
        }
        Assert.Equal(0, session.Statements.Count);
        using (var c = source.OpenConnection())
        {
            Assert.Same(session, c.Session);
            cmd.Connection = c;
            cmd.Prepare();
            ts.Value = 1704067201000L;
            Assert.Equal(1, cmd.ExecuteNonQuery());
            Assert.Equal(1, session.Statements.Count);
            cmd.CommandText = "select count(*) from meters where voltage = ?";
            Assert.Equal(0, session.Statements.Count);
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("", 220);
            cmd.Prepare();
            Assert.Equal(2L, cmd.ExecuteScalar());
            cmd.Dispose();
            Assert.Equal(0, session.Statements.Count);
        }
    }

    [Fact]
    public void A_statement_without_placeholders_is_not_prepared_on_the_server()
    {
        string db = Database("plain");
        using var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        using var cmd = new TaosCommand("select count(*) from meters", c);
        cmd.Parameters.AddWithValue("unused", 1);
        cmd.Prepare();
        Assert.Equal(0, ((WsSession)c.Session).Statements.Count);
        Assert.Equal(0L, cmd.ExecuteScalar());
    }

    [Fact]
    public void Over_REST_Prepare_keeps_binding_on_the_client()
    {
        string db = Database("rest");
        using var c = new TaosConnection(server.ConnectionString(db).Replace("ws://", "http://", StringComparison.Ordinal));
        c.Open();
        using var cmd = new TaosCommand("insert into d1 using meters tags (1, 'x') values (@ts, 1.0, @v, 0.1)", c);
        cmd.Parameters.AddWithValue("ts", 1704067200000L);
        cmd.Parameters.AddWithValue("v", 221);
        cmd.Prepare();
        Assert.Equal(1, cmd.ExecuteNonQuery());
        Assert.Equal(221, new TaosCommand("select voltage from meters", c).ExecuteScalar());
    }

    private static object[] Values(TaosDataReader r)
    {
        var values = new object[r.FieldCount];
        r.GetValues(values);
        return values;
    }
}
