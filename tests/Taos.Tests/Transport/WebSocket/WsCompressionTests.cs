using Taos.Tests.Integration;

namespace Taos.Tests.Transport.WebSocket;

[Collection(WsServerCollection.Name)]
public class WsCompressionTests(WsServerFixture server)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EnableCompression_offers_permessage_deflate_only_when_set(bool enabled)
    {
        await using var scripted = await ScriptedWsServer.StartAsync(ScriptedWsServer.Handshake);
        await using var c = new TaosConnection($"Url={scripted.Url};EnableCompression={enabled}");
        await c.OpenAsync();
        Assert.Equal(enabled, scripted.Extensions.Single().Contains("permessage-deflate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_compressed_session_reads_and_writes_like_an_uncompressed_one()
    {
        server.Run("create database if not exists wsz", "create table if not exists wsz.t (ts timestamp, s varchar(100))");
        await using var c = new TaosConnection(server.ConnectionString("wsz", "EnableCompression=true"));
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "insert into t values " + string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"({1704067200000 + i}, '{new string('x', i % 100)}')"));
        Assert.Equal(5000, await cmd.ExecuteNonQueryAsync());
        cmd.CommandText = "select s from t order by ts";
        await using var r = await cmd.ExecuteReaderAsync();
        int row = 0;
        while (await r.ReadAsync())
        {
            Assert.Equal(new string('x', row % 100), r.GetString(0));
            row++;
        }
        Assert.Equal(5000, row);
    }
}
