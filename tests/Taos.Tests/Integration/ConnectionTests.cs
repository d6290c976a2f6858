using System.Data;

namespace Taos.Tests.Integration;

public abstract class ConnectionTests(ServerFixture server)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_reports_server_version_and_state(bool async)
    {
        using var c = new TaosConnection(server.ConnectionString());
        var states = new List<ConnectionState>();
        c.StateChange += (_, e) => states.Add(e.CurrentState);
        Assert.Equal(ConnectionState.Closed, c.State);
        if (async) await c.OpenAsync(); else c.Open();
        Assert.Equal(ConnectionState.Open, c.State);
        Assert.Equal("3.3.0.1", c.ServerVersion);
        c.Close();
        Assert.Equal([ConnectionState.Open, ConnectionState.Closed], states);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_wrong_password_throws_855(bool async)
    {
        using var c = new TaosConnection($"Url={server.BaseUrl};Username=root;Password=wrong-{async}");
        var e = async ? await Assert.ThrowsAsync<TaosException>(() => c.OpenAsync()) : Assert.Throws<TaosException>(() => c.Open());
        Assert.Equal(TaosErrorCode.AuthenticationFailure, e.ErrorCode);
        Assert.Equal("Authentication failure", e.Description);
        Assert.Equal(ConnectionState.Closed, c.State);
    }

    [Fact]
    public void Execute_on_closed_connection_throws()
    {
        using var c = new TaosConnection(server.ConnectionString());
        var cmd = c.CreateCommand();
        cmd.CommandText = "select 1";
        Assert.Throws<InvalidOperationException>(() => cmd.ExecuteScalar());
    }

    [Fact]
    public void ChangeDatabase_sends_following_statements_to_that_database()
    {
        server.Run("create database if not exists cdb1", "create database if not exists cdb2",
            "create table if not exists cdb1.t (ts timestamp, v int)", "create table if not exists cdb2.t (ts timestamp, v int)",
            "insert into cdb1.t values ('2024-01-01T00:00:00Z', 1)", "insert into cdb2.t values ('2024-01-01T00:00:00Z', 2)");
        using var c = new TaosConnection(server.ConnectionString("cdb1"));
        c.Open();
        Assert.Equal("cdb1", c.Database);
        var cmd = c.CreateCommand();
        cmd.CommandText = "select v from t";
        Assert.Equal(1, cmd.ExecuteScalar());
        c.ChangeDatabase("cdb2");
        Assert.Equal("cdb2", c.Database);
        Assert.Equal(2, cmd.ExecuteScalar());
    }

    [Fact]
    public void No_database_gives_9750()
    {
        server.Run("create database if not exists cdb1", "create table if not exists cdb1.t (ts timestamp, v int)");
        using var c = server.DataSource.OpenConnection();
        var cmd = c.CreateCommand();
        cmd.CommandText = "select v from t";
        var e = Assert.Throws<TaosException>(() => cmd.ExecuteScalar());
        Assert.Equal(TaosErrorCode.DatabaseNotSpecified, e.ErrorCode);
    }

    [Fact]
    public void GetSchema_lists_databases_tables_and_columns()
    {
        server.Run("create database if not exists sch", "create stable if not exists sch.meters (ts timestamp, current float, voltage int) tags (groupid int, location binary(24))",
            "create table if not exists sch.d1 using sch.meters tags (1, 'x')", "create table if not exists sch.plain (ts timestamp, s nchar(10))");
        using var c = new TaosConnection(server.ConnectionString("sch"));
        c.Open();
        var collections = c.GetSchema();
        Assert.Contains(collections.Rows.Cast<DataRow>(), r => (string)r["CollectionName"] == "Tables");

        var dbs = c.GetSchema("Databases").Rows.Cast<DataRow>().Select(r => (string)r["DATABASE_NAME"]).ToList();
        Assert.Contains("sch", dbs);
        Assert.Contains("information_schema", dbs);

        var tables = c.GetSchema("Tables").Rows.Cast<DataRow>().Select(r => ((string)r["TABLE_NAME"], (string)r["TABLE_TYPE"])).ToHashSet();
        Assert.Contains(("meters", "SUPER TABLE"), tables);
        Assert.Contains(("d1", "TABLE"), tables);
        Assert.Contains(("plain", "TABLE"), tables);

        var cols = c.GetSchema("Columns", ["sch", "meters"]).Rows.Cast<DataRow>().ToList();
        Assert.Equal(["ts", "current", "voltage", "groupid", "location"], cols.Select(r => (string)r["COLUMN_NAME"]));
        Assert.Equal("FLOAT", cols[1]["DATA_TYPE"]);
        Assert.Equal(24, cols[4]["COLUMN_SIZE"]);
        Assert.True((bool)cols[3]["IS_TAG"]);
        Assert.False((bool)cols[2]["IS_TAG"]);
        Assert.Equal(typeof(float), cols[1]["DATA_TYPE_CLR"]);

        Assert.Throws<ArgumentException>(() => c.GetSchema("Procedures"));
    }

    [Fact]
    public async Task DataSource_connections_and_commands_share_one_client()
    {
        await using var ds = TaosDataSource.Create(server.ConnectionString());
        Assert.DoesNotContain("taosdata", ds.ConnectionString);
        await using var c = await ds.OpenConnectionAsync();
        Assert.Equal("3.3.0.1", c.ServerVersion);
        await using var cmd = ds.CreateCommand("select 1");
        Assert.Equal(1L, await cmd.ExecuteScalarAsync());
        // The connection string alone gives a cached data source.
        using var c1 = new TaosConnection(server.ConnectionString());
        using var c2 = new TaosConnection(server.ConnectionString());
        Assert.Same(c1.GetDataSource(), c2.GetDataSource());
    }

    [Fact]
    public void Transactions_are_not_supported()
    {
        using var c = server.DataSource.OpenConnection();
        Assert.Throws<NotSupportedException>(() => c.BeginTransaction());
    }
}

[Collection(ServerCollection.Name)]
public sealed class ConnectionTestsOverRest(ServerFixture server) : ConnectionTests(server);

[Collection(WsServerCollection.Name)]
public sealed class ConnectionTestsOverWebSocket(WsServerFixture server) : ConnectionTests(server);
