using Taos.Protocol.RawBlock;
using Taos.Tests.Integration;
using Taos.Transport.WebSocket;
using Taos.Transport.WebSocket.Stmt;

namespace Taos.Tests.Transport.WebSocket.Stmt;

[Collection(WsServerCollection.Name)]
public class WsStatementTests(WsServerFixture server)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_statement_the_server_no_longer_knows_answers_stmt_is_nil_and_the_socket_goes_on()
    {
        server.Run("create database if not exists wst_nil", "create table if not exists wst_nil.t (ts timestamp, v int)");
        using var c = new TaosConnection(server.ConnectionString("wst_nil"));
        await c.OpenAsync();
        var session = (WsSession)c.Session;
        var socket = await session.SocketAsync(Timeout, true, CancellationToken.None);
        var first = await WsStatement.OpenAsync(socket, "insert into t values (?, ?)", Timeout, true, CancellationToken.None);
        var other = await WsStatement.OpenAsync(socket, "insert into t values (?, ?)", Timeout, true, CancellationToken.None);
        Assert.True(first.IsInsert);
        Assert.Equal(first.Id + 1, other.Id);
        await other.CloseAsync(async: true);
        Assert.True(other.IsClosed);
        // Closed on the client, the statement refuses further calls; a statement closed behind its back gets the server's answer.
        await Assert.ThrowsAsync<ObjectDisposedException>(() => other.ExecAsync(true, CancellationToken.None).AsTask());
        ulong id = socket.NextRequestId();
        await socket.SendAsync(WsRequests.Write("close", id, static (w, s) => w.WriteNumber("stmt_id", s), first.Id), true, CancellationToken.None);
        var nil = await Assert.ThrowsAsync<TaosException>(() => first.ExecAsync(true, CancellationToken.None).AsTask());
        Assert.Equal(TaosErrorCode.AdapterError, nil.ErrorCode);
        Assert.Equal("stmt is nil", nil.Description);

        var third = await WsStatement.OpenAsync(socket, "insert into t values (?, ?)", Timeout, true, CancellationToken.None);
        var fields = await third.GetColFieldsAsync(true, CancellationToken.None);
        Assert.Equal(["ts", "v"], fields.Select(f => f.Name));
        Assert.Equal([TaosDataType.Timestamp, TaosDataType.Int], fields.Select(f => f.Type));
        using var ts = new BindColumn(TaosDataType.Timestamp, 8, 1);
        using var v = new BindColumn(TaosDataType.Int, 4, 1);
        ts.Append64(1704067200000);
        v.AppendNull();
        await third.BindAsync([ts, v], true, CancellationToken.None);
        await third.AddBatchAsync(true, CancellationToken.None);
        Assert.Equal(1, await third.ExecAsync(true, CancellationToken.None));

        // A block with the wrong column count or type is refused with the adapter's code; the statement goes on.
        var wrong = await Assert.ThrowsAsync<TaosException>(() => third.BindAsync([ts], true, CancellationToken.None).AsTask());
        Assert.Contains("column count", wrong.Message);
        using var text = new BindColumn(TaosDataType.VarChar, 8, 1);
        text.AppendString("x");
        var type = await Assert.ThrowsAsync<TaosException>(() => third.BindAsync([ts, text], true, CancellationToken.None).AsTask());
        Assert.Contains("type", type.Message);
        await third.CloseAsync(async: true);
        Assert.Equal(1L, new TaosCommand("select count(*) from t", c).ExecuteScalar());
    }

    [Fact]
    public async Task A_bad_statement_is_refused_at_prepare_with_the_servers_code_and_closed()
    {
        using var c = new TaosConnection(server.ConnectionString());
        await c.OpenAsync();
        var session = (WsSession)c.Session;
        var socket = await session.SocketAsync(Timeout, true, CancellationToken.None);
        var e = await Assert.ThrowsAsync<TaosException>(() => session.Statements.OpenAsync(socket, "selec * frm x where a = ?", Timeout, true, CancellationToken.None).AsTask());
        Assert.NotEqual(TaosException.ClientErrorCode, e.ErrorCode);
        Assert.Equal(0, session.Statements.Count);
        Assert.Equal(1L, Convert.ToInt64(new TaosCommand("select 1", c).ExecuteScalar()));
    }
}
