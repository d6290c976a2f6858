using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Views;
using Taos.Server.Storage.Sqlite;

namespace Taos.Server.Tests.Storage.Sqlite;

public sealed class ViewTablesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-view-tables-" + Guid.NewGuid().ToString("N"));

    private static ViewInfo View(string db, string name, string query = "select 1") =>
        new(db, name, "root", query, [new ViewColumn("1", TaosDataType.BigInt, 8)], 1704067200000);

    private static IEnumerable<(string, string, string)> Names(SqliteStore store) => store.Views().Select(v => (v.Database, v.Name, v.QuerySql));

    [Fact]
    public void Views_keep_their_order_when_replaced_and_survive_reopening()
    {
        using (var store = new SqliteStore(_dir))
        {
            store.Write(w =>
            {
                w.CreateDatabase(new DatabaseInfo("d", TaosPrecision.Milliseconds, new Dictionary<string, string>()));
                w.SaveView(View("d", "b"));
                w.SaveView(View("d", "a"));
                w.SaveView(View("d", "b", "select 2"));
                return 0;
            });
            Assert.Equal([("d", "b", "select 2"), ("d", "a", "select 1")], Names(store));
        }
        using (var store = new SqliteStore(_dir))
        {
            var b = store.Views()[0];
            Assert.Equal(("root", 1704067200000L), (b.Owner, b.CreateTime));
            Assert.Equal([new ViewColumn("1", TaosDataType.BigInt, 8)], b.Columns);
            store.Write(w =>
            {
                w.DropView("d", "b");
                w.DropView("d", "nosuch");
                return 0;
            });
            Assert.Equal([("d", "a", "select 1")], Names(store));
        }
    }

    [Fact]
    public void A_rolled_back_write_leaves_the_views_as_they_were_and_dropping_the_database_drops_its_views()
    {
        using var store = new SqliteStore(_dir);
        store.Write(w =>
        {
            w.CreateDatabase(new DatabaseInfo("d", TaosPrecision.Milliseconds, new Dictionary<string, string>()));
            w.CreateDatabase(new DatabaseInfo("e", TaosPrecision.Milliseconds, new Dictionary<string, string>()));
            w.SaveView(View("d", "v"));
            w.SaveView(View("e", "v"));
            return 0;
        });
        Assert.Throws<InvalidOperationException>(() => store.Write<int>(w =>
        {
            w.DropView("d", "v");
            w.SaveView(View("d", "x"));
            throw new InvalidOperationException("rollback");
        }));
        Assert.Equal([("d", "v", "select 1"), ("e", "v", "select 1")], Names(store));
        store.Write(w =>
        {
            w.DropDatabase("d");
            return 0;
        });
        Assert.Equal([("e", "v", "select 1")], Names(store));
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
