using System.Data;
using Taos.Transport;

namespace Taos.Tests.Integration;

/// <summary>A connection's session: started by Open, ended by Close, the place where the default database lives.</summary>
public abstract class SessionTests(ServerFixture server)
{
    [Fact]
    public async Task Without_pooling_Close_ends_the_session_and_a_new_Open_starts_another()
    {
        server.Run("create database if not exists sdb1", "create table if not exists sdb1.t (ts timestamp, v int)",
            "insert into sdb1.t values ('2024-01-01T00:00:00Z', 11)");
        // With pooling (the default) Close returns the session to the pool instead: see PoolingTests.
        using var c = new TaosConnection(server.ConnectionString("sdb1", "Pooling=false"));
        c.Open();
        var first = c.Session;
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select v from t";
        Assert.Equal(11, cmd.ExecuteScalar());

        c.Close();
        Assert.Equal(ConnectionState.Closed, c.State);
        Assert.Throws<InvalidOperationException>(() => c.Session);
        Assert.Throws<InvalidOperationException>(() => cmd.ExecuteScalar());
        // The ended session takes no more statements.
        var request = new TaosRequest("select 1", [], 1, TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => first.ExecuteAsync(request, true, CancellationToken.None).AsTask());

        c.Open();
        Assert.Equal(ConnectionState.Open, c.State);
        Assert.NotSame(first, c.Session);
        Assert.Equal("3.3.0.1", c.ServerVersion);
        Assert.Equal(11, cmd.ExecuteScalar());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ChangeDatabase_goes_through_the_session_and_outlives_Close(bool async)
    {
        server.Run("create database if not exists sdb2", "create database if not exists sdb3",
            "create table if not exists sdb2.t (ts timestamp, v int)", "create table if not exists sdb3.t (ts timestamp, v int)",
            "insert into sdb2.t values ('2024-01-01T00:00:00Z', 2)", "insert into sdb3.t values ('2024-01-01T00:00:00Z', 3)");
        await using var c = new TaosConnection(server.ConnectionString("sdb2"));
        if (async) await c.OpenAsync(); else c.Open();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "select v from t";
        Assert.Equal(2, await cmd.ExecuteScalarAsync());

        c.ChangeDatabase("sdb3");
        Assert.Equal("sdb3", c.Database);
        Assert.Equal("sdb3", c.Session.Database);
        Assert.Equal(3, await cmd.ExecuteScalarAsync());

        c.Close();
        Assert.Equal("sdb3", c.Database);
        if (async) await c.OpenAsync(); else c.Open();
        Assert.Equal("sdb3", c.Session.Database);
        Assert.Equal(3, await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public void ChangeDatabase_to_a_database_that_does_not_exist_fails_the_next_statement_with_TDengines_error()
    {
        server.Run("create database if not exists sdb4", "create table if not exists sdb4.t (ts timestamp, v int)");
        using var c = new TaosConnection(server.ConnectionString("sdb4"));
        c.Open();
        if (server.Protocol == TaosProtocol.WebSocket)
        {
            // Over WebSocket the session's database lives on the server: USE fails at once, and the database stays.
            var use = Assert.Throws<TaosException>(() => c.ChangeDatabase("no_such_db_for_session"));
            Assert.Equal(TaosErrorCode.DatabaseNotExist, use.ErrorCode);
            Assert.Equal("sdb4", c.Database);
            return;
        }
        c.ChangeDatabase("no_such_db_for_session");
        Assert.Equal("no_such_db_for_session", c.Database);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select v from t";
        var e = Assert.Throws<TaosException>(() => cmd.ExecuteScalar());
        // What TDengine answers for /rest/sql/no_such_db (recorded: rest-raw/47_error_unknown_db_in_path).
        Assert.Equal(TaosErrorCode.DatabaseNotSpecified, e.ErrorCode);
        Assert.Equal("Database not specified", e.Description);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ChangeDatabase_rejects_a_blank_name_open_or_closed(string name)
    {
        using var c = new TaosConnection(server.ConnectionString("sdb4"));
        Assert.Throws<ArgumentException>(() => c.ChangeDatabase(name));
        c.Open();
        Assert.Throws<ArgumentException>(() => c.ChangeDatabase(name));
        Assert.Equal("sdb4", c.Database);
    }

    [Fact]
    public void ChangeDatabase_on_a_closed_connection_is_the_next_sessions_database()
    {
        server.Run("create database if not exists sdb5", "create table if not exists sdb5.t (ts timestamp, v int)",
            "insert into sdb5.t values ('2024-01-01T00:00:00Z', 5)");
        using var c = new TaosConnection(server.ConnectionString());
        c.ChangeDatabase("sdb5");
        Assert.Equal("sdb5", c.Database);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select v from t";
        Assert.Equal(5, cmd.ExecuteScalar());
    }

    [Theory]
    [InlineData("ms", typeof(DateTime))]
    [InlineData("us", typeof(DateTime))]
    [InlineData("ns", typeof(TaosTimestamp))]
    public void Timestamp_precision_comes_with_the_columns_even_when_the_first_row_is_NULL(string precision, Type expected)
    {
        string db = "sprec_" + precision;
        server.Run($"create database if not exists {db} precision '{precision}'",
            $"create table if not exists {db}.t (ts timestamp, t2 timestamp)",
            $"insert into {db}.t values ('2024-01-01T00:00:00Z', NULL) ('2024-01-01T00:00:01Z', '2024-01-01T00:00:02Z')");
        using var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select ts, t2 from t order by ts";
        using var r = cmd.ExecuteReader();
        Assert.Equal(expected, r.GetFieldType(0));
        Assert.Equal(expected, r.GetFieldType(1));
        Assert.True(r.Read());
        Assert.True(r.IsDBNull(1));
        Assert.True(r.Read());
        Assert.IsType(expected, r.GetValue(1));
        var exact = r.GetTaosTimestamp(1);
        Assert.Equal(precision switch { "ms" => TaosPrecision.Milliseconds, "us" => TaosPrecision.Microseconds, _ => TaosPrecision.Nanoseconds }, exact.Precision);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 2, DateTimeKind.Utc), exact.ToDateTime());
    }
}

[Collection(ServerCollection.Name)]
public sealed class SessionTestsOverRest(ServerFixture server) : SessionTests(server);

[Collection(WsServerCollection.Name)]
public sealed class SessionTestsOverWebSocket(WsServerFixture server) : SessionTests(server);
