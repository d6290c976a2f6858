using Taos.Server.Engine.Streams;
using Taos.Server.Sql.Ast;
using Taos.Server.Storage.Sqlite;

namespace Taos.Server.Tests.Storage.Sqlite;

public sealed class StreamTablesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-stream-tables-" + Guid.NewGuid().ToString("N"));

    private static StreamInfo Stream(string name) => new(name, "d", "meters", "d", "out_" + name, "create stream " + name + " into out as select …", 1704067200000,
        StreamTrigger.AtOnce, 0, 5000, true, true, false, 0);

    [Fact]
    public void Streams_keep_their_order_and_progress_across_a_reopen()
    {
        using (var store = new SqliteStore(_dir))
        {
            store.Write(w =>
            {
                w.SaveStream(Stream("b"));
                w.SaveStream(Stream("a"));
                return 0;
            });
            store.Write(w =>
            {
                w.SaveStream(Stream("b") with { Paused = true, Progress = 7, MaxEventTs = 42, Pending = [new PendingRange(1, 2, 3)] });
                return 0;
            });
        }
        using (var store = new SqliteStore(_dir))
        {
            Assert.Equal(["b", "a"], store.Streams().Select(s => s.Name));
            var b = store.Streams()[0];
            Assert.Equal((true, 7L, (long?)42, 5000L, StreamTrigger.AtOnce), (b.Paused, b.Progress, b.MaxEventTs, b.WatermarkMs, b.Trigger));
            Assert.Equal([new PendingRange(1, 2, 3)], b.Pending);
            store.Write(w =>
            {
                w.DropStream("b");
                w.DropStream("nosuch");
                return 0;
            });
            Assert.Equal(["a"], store.Streams().Select(s => s.Name));
        }
    }

    [Fact]
    public void A_rolled_back_write_leaves_the_streams_as_they_were()
    {
        using var store = new SqliteStore(_dir);
        store.Write(w =>
        {
            w.SaveStream(Stream("a"));
            return 0;
        });
        Assert.Throws<InvalidOperationException>(() => store.Write<int>(w =>
        {
            w.SaveStream(Stream("b"));
            w.SaveStream(Stream("a") with { Progress = 9 });
            throw new InvalidOperationException("abort");
        }));
        Assert.Equal([("a", 0L)], store.Streams().Select(s => (s.Name, s.Progress)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
