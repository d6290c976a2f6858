using Taos.Server.Engine.Catalog;
using Taos.Server.Storage.Sqlite;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Storage.Sqlite;

/// <summary>
/// TDengine's WAL_LEVEL rule in the store: rows of a WAL_LEVEL 1 database are committed into the WAL without a
/// sync, rows of a WAL_LEVEL 2 database and every catalog change are synced before the write returns; both survive a restart.
/// </summary>
public sealed class WalDurabilityTests : IDisposable
{
    private static readonly ColumnInfo[] Columns = [new("ts", TaosDataType.Timestamp, 8), new("v", TaosDataType.BigInt, 8)];
    private static readonly int[] Both = [0, 1];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-wal-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => ServerFixture.TryDelete(_dir);

    private static TableInfo Create(SqliteStore store, string db, string walLevel) => store.Write(tx =>
    {
        tx.CreateDatabase(new DatabaseInfo(db, TaosPrecision.Milliseconds, new Dictionary<string, string> { ["keep"] = "5256000m", ["wal_level"] = walLevel }));
        return tx.CreateTable(new TableInfo(db, "t", TableKind.Normal, null, Columns, [], null)).Info;
    });

    private static void Insert(SqliteStore store, TableInfo table, long ts) => store.Write(tx =>
    {
        tx.UpsertRows(store.FindEntry(table.Database, table.Name)!, Both, [[ts, ts * 10]]);
        return 0;
    });

    [Fact]
    public void Only_wal_level_2_rows_and_catalog_changes_are_synced_and_both_levels_survive_a_restart()
    {
        using (var store = new SqliteStore(_dir))
        {
            long before = store.DurableCommits;
            var level1 = Create(store, "w1", "1");
            var level2 = Create(store, "w2", "2");
            Assert.Equal(before + 2, store.DurableCommits);

            Insert(store, level1, 1000);
            Insert(store, level1, 2000);
            Assert.Equal(before + 2, store.DurableCommits);

            Insert(store, level2, 1000);
            Assert.Equal(before + 3, store.DurableCommits);

            // A transaction touching both databases is synced for the WAL_LEVEL 2 one.
            store.Write(tx =>
            {
                tx.UpsertRows(store.FindEntry("w1", "t")!, Both, [[3000L, 30L]]);
                tx.UpsertRows(store.FindEntry("w2", "t")!, Both, [[2000L, 20L]]);
                return 0;
            });
            Assert.Equal(before + 4, store.DurableCommits);
        }
        using (var store = new SqliteStore(_dir))
        {
            Assert.Equal([1000L, 2000L, 3000L], store.ScanRows(store.FindTable("w1", "t")!, long.MinValue, long.MaxValue).Select(r => (long)r[0]!));
            Assert.Equal([1000L, 2000L], store.ScanRows(store.FindTable("w2", "t")!, long.MinValue, long.MaxValue).Select(r => (long)r[0]!));
            Assert.Equal(20L, store.ScanRows(store.FindTable("w2", "t")!, 2000, 2000).Single()[1]);
        }
    }

    [Fact]
    public void A_database_without_wal_level_is_level_1()
    {
        using var store = new SqliteStore(_dir);
        var table = store.Write(tx =>
        {
            tx.CreateDatabase(new DatabaseInfo("d", TaosPrecision.Milliseconds, new Dictionary<string, string> { ["keep"] = "5256000m" }));
            return tx.CreateTable(new TableInfo("d", "t", TableKind.Normal, null, Columns, [], null)).Info;
        });
        long before = store.DurableCommits;
        Insert(store, table, 1000);
        Assert.Equal(before, store.DurableCommits);
    }
}
