using Taos.Tests.Integration;

namespace Taos.Tests.Transport.WebSocket;

[Collection(WsServerCollection.Name)]
public class WsSessionTests(WsServerFixture server)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_ws_url_opens_a_WebSocket_session_and_reads_rows(bool async)
    {
        string db = "wss_" + (async ? "a" : "s");
        using var c = new TaosConnection(server.ConnectionString());
        if (async) await c.OpenAsync(); else c.Open();
        Assert.Equal("3.3.0.1", c.ServerVersion);
        var cmd = c.CreateCommand();
        cmd.CommandText = $"create database if not exists {db}";
        Assert.Equal(0, async ? await cmd.ExecuteNonQueryAsync() : cmd.ExecuteNonQuery());
        cmd.CommandText = $"create table if not exists {db}.t (ts timestamp, v int, s nchar(8))";
        cmd.ExecuteNonQuery();
        cmd.CommandText = $"insert into {db}.t values (1704067200000, 1, 'ä'), (1704067201000, null, null)";
        Assert.Equal(2, cmd.ExecuteNonQuery());
        cmd.CommandText = $"select * from {db}.t order by ts";
        using var r = async ? await cmd.ExecuteReaderAsync() : cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), r.GetDateTime(0));
        Assert.Equal(1, r.GetInt32(1));
        Assert.Equal("ä", r.GetString(2));
        Assert.True(r.Read());
        Assert.True(r.IsDBNull(1));
        Assert.True(r.IsDBNull(2));
        Assert.False(r.Read());
    }
}
