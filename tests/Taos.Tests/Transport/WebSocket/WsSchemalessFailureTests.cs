using System.Text.Json;
using Taos.Schemaless;

namespace Taos.Tests.Transport.WebSocket;

/// <summary>Schemaless writes over a socket that drops, against a scripted server.</summary>
public class WsSchemalessFailureTests
{
    // The first `drops` inserts drop the socket; the later ones succeed.
    private static Func<JsonElement, IReadOnlyList<ScriptedFrame>?> DropFirstInserts(int drops)
    {
        int inserts = 0;
        return request => ScriptedWsServer.Action(request) == "insert"
            ? Interlocked.Increment(ref inserts) <= drops ? null : [ScriptedWsServer.Ok("insert", request)]
            : ScriptedWsServer.Handshake(request);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_dropped_insert_is_a_transient_TaosException_and_the_next_insert_reconnects(bool async)
    {
        await using var server = await ScriptedWsServer.StartAsync(DropFirstInserts(1));
        using var c = new TaosConnection($"Url={server.Url};Database=db;AutoReconnect=true;Timeout=10");
        c.Open();
        string[] lines = ["m v=1i32 1700000000000"];
        var e = async
            ? await Assert.ThrowsAsync<TaosException>(() => c.SchemalessInsertAsync(lines, TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds, reqId: 99))
            : Assert.Throws<TaosException>(() => c.SchemalessInsert(lines, TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds, reqId: 99));
        Assert.True(e.IsTransient);
        Assert.Equal(99L, e.RequestId);
        Assert.Contains("may have run", e.Message, StringComparison.Ordinal);
        Assert.Null(async
            ? await c.SchemalessInsertAsync(lines, TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds, reqId: 100)
            : c.SchemalessInsert(lines, TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds, reqId: 100));
        var inserts = server.Requests.Where(r => r.Contains("\"insert\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, inserts.Count);
        Assert.Contains("\"req_id\":100", inserts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_point_writer_resends_a_batch_whose_socket_dropped()
    {
        await using var server = await ScriptedWsServer.StartAsync(DropFirstInserts(2));
        var writer = new TaosPointWriter($"Url={server.Url};Database=db;Timeout=10", new TaosPointWriterOptions { RetryDelay = TimeSpan.FromMilliseconds(10) });
        for (int i = 0; i < 3; i++) await writer.WriteAsync(TaosPoint.Measurement("m").Field("v", i).Timestamp(1_700_000_000_000_000_000 + i));
        await writer.DisposeAsync();
        Assert.Equal((3, 0), (writer.PointsWritten, writer.PointsFailed));
        Assert.Equal(3, server.Requests.Count(r => r.Contains("\"insert\"", StringComparison.Ordinal)));
    }
}
