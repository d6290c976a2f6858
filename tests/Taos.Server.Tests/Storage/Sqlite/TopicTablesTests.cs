using Taos.Server.Engine.Topics;
using Taos.Server.Storage.Sqlite;

namespace Taos.Server.Tests.Storage.Sqlite;

public sealed class TopicTablesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-topic-tables-" + Guid.NewGuid().ToString("N"));

    private static TopicInfo Topic(string name) => new(name, "d", "create topic " + name + " as database d", TopicKind.Database, null, false, 1704067200000);

    [Fact]
    public void Topics_are_stored_in_creation_order_and_survive_reopening()
    {
        using (var store = new SqliteStore(_dir))
        {
            store.Write(w =>
            {
                w.SaveTopic(Topic("b"));
                w.SaveTopic(Topic("a") with { Kind = TopicKind.Stable, Source = "meters", WithMeta = true });
                return 0;
            });
        }
        using (var store = new SqliteStore(_dir))
        {
            Assert.Equal([Topic("b"), Topic("a") with { Kind = TopicKind.Stable, Source = "meters", WithMeta = true }], store.Topics());
            store.Write(w =>
            {
                w.DropTopic("b");
                return 0;
            });
            Assert.Equal(["a"], store.Topics().Select(t => t.Name));
        }
    }

    [Fact]
    public void A_rolled_back_write_leaves_the_topics_as_they_were()
    {
        using var store = new SqliteStore(_dir);
        store.Write(w =>
        {
            w.SaveTopic(Topic("a"));
            return 0;
        });
        Assert.Throws<InvalidOperationException>(() => store.Write<int>(w =>
        {
            w.SaveTopic(Topic("b"));
            w.DropTopic("a");
            throw new InvalidOperationException("abort");
        }));
        Assert.Equal(["a"], store.Topics().Select(t => t.Name));
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
