using System.Data;

namespace Taos.Tests.Integration;

/// <summary>The ADO.NET specification's command and connection rules, each as its own test against the embedded server.</summary>
public abstract class CommandContractTests(ServerFixture server)
{
    private TaosConnection Open()
    {
        var c = new TaosConnection(server.ConnectionString());
        c.Open();
        return c;
    }

    [Fact]
    public void ExecuteReader_reader_open_on_connection_throws_InvalidOperationException()
    {
        using var c = Open();
        using var cmd = new TaosCommand("select server_version()", c);
        using var other = new TaosCommand("select server_version()", c);
        using (var r = cmd.ExecuteReader())
        {
            Assert.Throws<InvalidOperationException>(() => cmd.ExecuteReader());
            Assert.Throws<InvalidOperationException>(() => other.ExecuteScalar());
            Assert.Throws<InvalidOperationException>(() => other.ExecuteNonQuery());
        }
        // Closing the reader frees the connection.
        Assert.NotNull(other.ExecuteScalar());
    }

    [Fact]
    public void CommandText_set_while_reader_open_throws_InvalidOperationException()
    {
        using var c = Open();
        using var cmd = new TaosCommand("select server_version()", c);
        using var r = cmd.ExecuteReader();
        Assert.Throws<InvalidOperationException>(() => cmd.CommandText = "select 2");
        Assert.Throws<InvalidOperationException>(() => cmd.Connection = null);
        Assert.Throws<InvalidOperationException>(() => cmd.Connection = new TaosConnection());
        r.Close();
        cmd.CommandText = "select 2";
        Assert.Equal("select 2", cmd.CommandText);
    }

    [Fact]
    public void Close_connection_with_open_reader_closes_the_reader()
    {
        var c = Open();
        using var cmd = new TaosCommand("select server_version()", c);
        var r = cmd.ExecuteReader();
        c.Close();
        Assert.True(r.IsClosed);
        c.Open();
        Assert.NotNull(cmd.ExecuteScalar());
        c.Dispose();
    }

    [Fact]
    public void Prepare_without_open_connection_or_text_throws_InvalidOperationException()
    {
        using var noConnection = new TaosCommand("select 1");
        Assert.Throws<InvalidOperationException>(() => noConnection.Prepare());
        using var closed = new TaosConnection(server.ConnectionString());
        using var onClosed = new TaosCommand("select 1", closed);
        Assert.Throws<InvalidOperationException>(() => onClosed.Prepare());
        using var c = Open();
        using var noText = c.CreateCommand();
        Assert.Throws<InvalidOperationException>(() => noText.Prepare());
        noText.CommandText = "select server_version()";
        noText.Prepare();
    }

    [Fact]
    public async Task ExecuteReaderAsync_cancelled_token_is_cancelled_before_any_request()
    {
        using var c = Open();
        using var cmd = new TaosCommand("select server_version()", c);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var task = cmd.ExecuteReaderAsync(cts.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.True(task.IsCanceled);
    }

    [Fact]
    public async Task OpenAsync_cancelled_token_is_cancelled()
    {
        using var c = new TaosConnection(server.ConnectionString());
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var task = c.OpenAsync(cts.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.True(task.IsCanceled);
        Assert.Equal(ConnectionState.Closed, c.State);
    }

    [Fact]
    public void BeginTransaction_closed_connection_throws_InvalidOperationException()
    {
        using var c = new TaosConnection(server.ConnectionString());
        Assert.Throws<InvalidOperationException>(() => c.BeginTransaction());
    }

    [Fact]
    public void DataSource_without_connection_string_is_empty()
    {
        using var c = new TaosConnection();
        Assert.Equal("", c.DataSource);
    }
}

[Collection(ServerCollection.Name)]
public sealed class CommandContractTestsOverRest(ServerFixture server) : CommandContractTests(server);

[Collection(WsServerCollection.Name)]
public sealed class CommandContractTestsOverWebSocket(WsServerFixture server) : CommandContractTests(server);
