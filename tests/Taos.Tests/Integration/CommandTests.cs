using System.Data;
using System.Data.Common;

namespace Taos.Tests.Integration;

public abstract class CommandTests(ServerFixture server)
{
    private static async Task<int> NonQuery(TaosCommand cmd, bool async) => async ? await cmd.ExecuteNonQueryAsync() : cmd.ExecuteNonQuery();

    private static async Task<object?> Scalar(TaosCommand cmd, bool async) => async ? await cmd.ExecuteScalarAsync() : cmd.ExecuteScalar();

    private static async Task<TaosDataReader> Reader(TaosCommand cmd, bool async) => async ? await cmd.ExecuteReaderAsync() : cmd.ExecuteReader();

    private TaosConnection Open(string db)
    {
        server.Run($"create database if not exists {db}");
        var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        return c;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExecuteNonQuery_returns_affected_rows(bool async)
    {
        string db = "cmd_nq_" + (async ? "a" : "s");
        using var c = Open(db);
        var cmd = c.CreateCommand();
        cmd.CommandText = "create stable if not exists meters (ts timestamp, current float, voltage int, phase float) tags (groupid int, location binary(24))";
        Assert.Equal(0, await NonQuery(cmd, async));
        cmd.CommandText = "insert into d1001 using meters tags(2,'California.SanFrancisco') values('2024-01-01 00:00:00.000', 10.3, 219, 0.31) ('2024-01-01 00:00:05.000', 12.6, 218, 0.33) ('2024-01-01 00:00:12.000', 12.3, 221, 0.31) d1002 using meters tags(3,'California.LosAngeles') values('2024-01-01 00:00:01.000', 11.8, 221, 0.28)";
        Assert.Equal(4, await NonQuery(cmd, async));
        cmd.CommandText = "select count(*) from meters";
        Assert.Equal(4L, await Scalar(cmd, async));
        Assert.Equal(-1, await NonQuery(cmd, async));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExecuteReader_reads_rows_and_describes_columns(bool async)
    {
        string db = "cmd_rd_" + (async ? "a" : "s");
        using var c = Open(db);
        server.Run($"create stable if not exists {db}.meters (ts timestamp, current float, voltage int, phase float) tags (groupid int, location binary(24))",
            $"insert into {db}.d1001 using {db}.meters tags(2,'California.SanFrancisco') values('2024-01-01 00:00:00.000', 10.3, 219, 0.31) ('2024-01-01 00:00:05.000', 12.6, 218, 0.33)");
        var cmd = c.CreateCommand();
        cmd.CommandText = "select * from meters order by ts";
        await using var r = await Reader(cmd, async);
        Assert.True(r.HasRows);
        Assert.Equal(6, r.FieldCount);
        var schema = r.GetColumnSchema().Cast<TaosDbColumn>().ToList();
        Assert.Equal(["ts", "current", "voltage", "phase", "groupid", "location"], schema.Select(s => s.ColumnName));
        Assert.Equal(["TIMESTAMP", "FLOAT", "INT", "FLOAT", "INT", "VARCHAR"], schema.Select(s => s.DataTypeName));
        Assert.Equal([8, 4, 4, 4, 4, 24], schema.Select(s => s.Length));
        Assert.Equal(typeof(float), schema[1].DataType);
        Assert.Equal(TaosDataType.VarChar, schema[5].TaosType);
        var table = r.GetSchemaTable()!;
        Assert.Equal(6, table.Rows.Count);
        Assert.Equal("location", table.Rows[5][SchemaTableColumn.ColumnName]);
        Assert.Equal(24, table.Rows[5][SchemaTableColumn.ColumnSize]);

        var rows = new List<(DateTime, float, int, string)>();
        while (async ? await r.ReadAsync() : r.Read())
        {
            rows.Add((r.GetDateTime(0), r.GetFloat(1), r.GetInt32(r.GetOrdinal("voltage")), (string)r["location"]));
        }
        Assert.Equal([(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 10.3f, 219, "California.SanFrancisco"),
            (new DateTime(2024, 1, 1, 0, 0, 5, DateTimeKind.Utc), 12.6f, 218, "California.SanFrancisco")], rows);
        Assert.Equal(-1, r.RecordsAffected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExecuteReader_on_insert_has_no_columns_and_RecordsAffected(bool async)
    {
        using var c = Open("cmd_ins");
        server.Run("create table if not exists cmd_ins.t (ts timestamp, v int)");
        var cmd = c.CreateCommand();
        cmd.CommandText = "insert into t values ('2024-01-01T00:00:00Z', 1) ('2024-01-01T00:00:01Z', 2)";
        await using var r = await Reader(cmd, async);
        Assert.Equal(0, r.FieldCount);
        Assert.False(async ? await r.ReadAsync() : r.Read());
        Assert.Equal(2, r.RecordsAffected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Failing_statement_throws_TaosException_with_code_sql_and_request_id(bool async)
    {
        using var c = Open("cmd_err");
        var cmd = c.CreateCommand();
        cmd.CommandText = "select * from cmd_err.no_such_table";
        cmd.RequestId = 987654321;
        var e = async ? await Assert.ThrowsAsync<TaosException>(() => cmd.ExecuteReaderAsync()) : Assert.Throws<TaosException>(() => cmd.ExecuteReader());
        Assert.Equal(TaosErrorCode.TableInfoFailure, e.ErrorCode);
        Assert.Equal("Fail to get table info, error: Table does not exist", e.Description);
        Assert.Equal("select * from cmd_err.no_such_table", e.Sql);
        Assert.Equal(987654321, e.RequestId);
        Assert.IsAssignableFrom<DbException>(e);

        cmd.CommandText = "selec * frm meters";
        var syntax = async ? await Assert.ThrowsAsync<TaosException>(() => cmd.ExecuteNonQueryAsync()) : Assert.Throws<TaosException>(() => cmd.ExecuteNonQuery());
        Assert.Equal(TaosErrorCode.SyntaxError, syntax.ErrorCode);
    }

    [Fact]
    public async Task Unreachable_server_throws_TaosException_with_network_cause()
    {
        // A port that was just free: nothing listens there.
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        int port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        await using var ds = TaosDataSource.Create($"Url=http://127.0.0.1:{port}");
        await using var c = ds.CreateConnection();
        var e = await Assert.ThrowsAsync<TaosException>(() => c.OpenAsync());
        Assert.Equal(TaosException.ClientErrorCode, e.ErrorCode);
        Assert.IsType<HttpRequestException>(e.InnerException);
        Assert.True(e.IsTransient);
        Assert.Throws<TaosException>(() => ds.CreateConnection().Open());
    }

    [Fact]
    public void ExecuteScalar_without_rows_returns_null()
    {
        using var c = Open("cmd_sc");
        server.Run("create table if not exists cmd_sc.t (ts timestamp, v int)");
        var cmd = c.CreateCommand();
        cmd.CommandText = "select v from t";
        Assert.Null(cmd.ExecuteScalar());
        using var r = cmd.ExecuteReader();
        Assert.False(r.HasRows);
        Assert.False(r.Read());
    }

    [Fact]
    public void Reader_CloseConnection_behavior_closes_connection()
    {
        var c = Open("cmd_cc");
        var cmd = c.CreateCommand();
        cmd.CommandText = "select 1";
        using (var r = cmd.ExecuteReader(CommandBehavior.CloseConnection))
        {
            Assert.True(r.Read());
            Assert.Equal(1L, r.GetInt64(0));
        }
        Assert.Equal(ConnectionState.Closed, c.State);
    }

    [Fact]
    public async Task A_column_TDengine_declares_zero_bytes_wide_reads_as_null()
    {
        // CONCAT with a NULL argument: column_meta width 4294967294 over REST, 0 bytes in the WebSocket block.
        await using var cmd = server.DataSource.CreateCommand("select concat('a', null), concat('a', 'b')");
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.True(r.IsDBNull(0));
        Assert.Equal("ab", r.GetString(1));
    }

    [Fact]
    public async Task DataSource_command_can_be_executed_repeatedly()
    {
        await using var cmd = server.DataSource.CreateCommand("select 1");
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(1L, await cmd.ExecuteScalarAsync());
            await using var r = await cmd.ExecuteReaderAsync();
            Assert.True(await r.ReadAsync());
        }
        Assert.Equal(-1, cmd.ExecuteNonQuery());
    }
}

[Collection(ServerCollection.Name)]
public sealed class CommandTestsOverRest(ServerFixture server) : CommandTests(server);

[Collection(WsServerCollection.Name)]
public sealed class CommandTestsOverWebSocket(WsServerFixture server) : CommandTests(server);
