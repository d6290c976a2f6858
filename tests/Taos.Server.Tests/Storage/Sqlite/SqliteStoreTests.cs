using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Storage.Sqlite;

namespace Taos.Server.Tests.Storage.Sqlite;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-store-" + Guid.NewGuid().ToString("N"));

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

    private static readonly ColumnInfo[] AllColumns =
    [
        new("ts", TaosDataType.Timestamp, 8), new("b", TaosDataType.Bool, 1), new("ti", TaosDataType.TinyInt, 1),
        new("ubi", TaosDataType.UBigInt, 8), new("f", TaosDataType.Float, 4), new("d", TaosDataType.Double, 8),
        new("s", TaosDataType.VarChar, 16), new("n", TaosDataType.NChar, 8), new("vb", TaosDataType.VarBinary, 8),
    ];

    private static TableEntry CreateNormal(SqliteStore store, string db = "d", string name = "t") => store.Write(tx =>
    {
        if (store.FindDatabase(db) is null)
            tx.CreateDatabase(new DatabaseInfo(db, TaosPrecision.Milliseconds, new Dictionary<string, string> { ["keep"] = "5256000m" }));
        return tx.CreateTable(new TableInfo(db, name, TableKind.Normal, null, AllColumns, [], null));
    });

    private static readonly int[] All = Enumerable.Range(0, AllColumns.Length).ToArray();

    [Fact]
    public void Rows_and_catalog_survive_a_restart()
    {
        using (var store = new SqliteStore(_dir))
        {
            var t = CreateNormal(store);
            store.Write(tx =>
            {
                var super = tx.CreateTable(new TableInfo("d", "st", TableKind.Super, null, AllColumns[..2],
                    [new ColumnInfo("g", TaosDataType.Int, 4), new ColumnInfo("u", TaosDataType.UBigInt, 8)], null));
                tx.CreateTable(new TableInfo("d", "c1", TableKind.Child, "st", super.Info.Columns, super.Info.Tags, [7, ulong.MaxValue]));
                tx.UpsertRows(t, All, [
                    [1000L, true, (sbyte)-128, ulong.MaxValue - 1, 3.14f, 2.718281828459045, "v'q", "ñ涛", new byte[] { 1, 2, 0xab }],
                    [2000L, null, null, null, null, null, null, null, null],
                ]);
                return 0;
            });
        }
        using (var store = new SqliteStore(_dir))
        {
            var table = store.FindTable("d", "t")!;
            var rows = store.ScanRows(table, long.MinValue, long.MaxValue).ToList();
            Assert.Equal(2, rows.Count);
            Assert.Equal(1000L, rows[0][0]);
            Assert.Equal(true, rows[0][1]);
            Assert.Equal((sbyte)-128, rows[0][2]);
            Assert.Equal(ulong.MaxValue - 1, rows[0][3]);
            Assert.Equal(3.14f, rows[0][4]);
            Assert.Equal(2.718281828459045, rows[0][5]);
            Assert.Equal("v'q", rows[0][6]);
            Assert.Equal("ñ涛", rows[0][7]);
            Assert.Equal(new byte[] { 1, 2, 0xab }, rows[0][8]);
            Assert.All(rows[1].Skip(1), Assert.Null);
            var child = store.FindTable("d", "c1")!;
            Assert.Equal(TableKind.Child, child.Kind);
            Assert.Equal("st", child.SuperTable);
            Assert.Equal([7, ulong.MaxValue], child.TagValues!);
            Assert.Single(store.ChildTables("d", "st"));
        }
    }

    [Fact]
    public void UpsertRows_keeps_columns_not_written_and_overwrites_written_nulls()
    {
        using var store = new SqliteStore(_dir);
        var t = CreateNormal(store);
        store.Write(tx =>
        {
            tx.UpsertRows(t, All, [[1000L, true, (sbyte)1, 1UL, 1f, 1d, "x", "y", new byte[] { 1 }]]);
            tx.UpsertRows(t, [0, 2], [[1000L, null, (sbyte)2, null, null, null, null, null, null]]);
            tx.UpsertRows(t, [0, 6], [[1000L, null, null, null, null, null, null, null, null]]);
            return 0;
        });
        var row = Assert.Single(store.ScanRows(t.Info, 0, 5000));
        Assert.Equal((sbyte)2, row[2]);
        Assert.Equal(true, row[1]);
        Assert.Null(row[6]);
        Assert.Equal("y", row[7]);
    }

    [Fact]
    public void Scan_honours_the_range_and_orders_by_ts()
    {
        using var store = new SqliteStore(_dir);
        var t = CreateNormal(store);
        store.Write(tx =>
        {
            tx.UpsertRows(t, [0], Enumerable.Range(0, 100).Reverse().Select(i => new object?[] { (long)i, null, null, null, null, null, null, null, null }));
            return 0;
        });
        var ts = store.ScanRows(t.Info, 10, 19).Select(r => (long)r[0]!).ToList();
        Assert.Equal(Enumerable.Range(10, 10).Select(i => (long)i), ts);
        Assert.Empty(store.ScanRows(t.Info, 50, 40));
    }

    [Fact]
    public void Failed_write_rolls_back_rows_and_catalog()
    {
        using var store = new SqliteStore(_dir);
        var t = CreateNormal(store);
        Assert.Throws<InvalidOperationException>(() => store.Write<int>(tx =>
        {
            tx.CreateTable(new TableInfo("d", "t2", TableKind.Normal, null, AllColumns, [], null));
            tx.UpsertRows(t, [0], [[5L, null, null, null, null, null, null, null, null]]);
            throw new InvalidOperationException("boom");
        }));
        Assert.Null(store.FindTable("d", "t2"));
        Assert.Empty(store.ScanRows(t.Info, long.MinValue, long.MaxValue));
    }

    [Fact]
    public void Dropping_a_super_table_drops_its_children_and_rows()
    {
        using var store = new SqliteStore(_dir);
        CreateNormal(store);
        store.Write(tx =>
        {
            var super = tx.CreateTable(new TableInfo("d", "st", TableKind.Super, null, AllColumns[..2], [new ColumnInfo("g", TaosDataType.Int, 4)], null));
            var c1 = tx.CreateTable(new TableInfo("d", "c1", TableKind.Child, "st", super.Info.Columns, super.Info.Tags, [1]));
            var c2 = tx.CreateTable(new TableInfo("d", "c2", TableKind.Child, "st", super.Info.Columns, super.Info.Tags, [2]));
            tx.UpsertRows(c1, [0, 1], [[1L, true]]);
            tx.UpsertRows(c2, [0, 1], [[1L, false], [2L, true]]);
            return 0;
        });
        var c2Info = store.FindTable("d", "c2")!;
        store.Write(tx =>
        {
            tx.DropTable(store.FindEntry("d", "c1")!);
            return 0;
        });
        Assert.Null(store.FindTable("d", "c1"));
        Assert.Equal(2, store.ScanRows(c2Info, long.MinValue, long.MaxValue).Count());
        store.Write(tx =>
        {
            tx.DropTable(store.FindEntry("d", "st")!);
            return 0;
        });
        Assert.Null(store.FindTable("d", "c2"));
        Assert.Single(store.Tables("d"));
    }

    [Fact]
    public async Task Reads_proceed_while_a_write_transaction_is_open()
    {
        using var store = new SqliteStore(_dir);
        var t = CreateNormal(store);
        store.Write(tx =>
        {
            tx.UpsertRows(t, [0], [[1L, null, null, null, null, null, null, null, null]]);
            return 0;
        });
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var writer = Task.Run(() => store.Write(tx =>
        {
            tx.UpsertRows(t, [0], [[2L, null, null, null, null, null, null, null, null]]);
            started.Set();
            release.Wait(TimeSpan.FromSeconds(10));
            return 0;
        }));
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
        var count = Task.Run(() => store.ScanRows(t.Info, long.MinValue, long.MaxValue).Count());
        var finished = await Task.WhenAny(count, Task.Delay(TimeSpan.FromSeconds(5)));
        Assert.True(finished == count, "a reader was blocked by the open write transaction");
        Assert.Equal(1, await count);
        release.Set();
        await writer;
        Assert.Equal(2, store.ScanRows(t.Info, long.MinValue, long.MaxValue).Count());
    }

    [Fact]
    public void A_data_directory_from_before_write_sequences_reads_as_before_and_numbers_from_zero()
    {
        using (var store = new SqliteStore(_dir))
        {
            var t = CreateNormal(store);
            store.Write(tx =>
            {
                tx.UpsertRows(t, [0], [[1L, null, null, null, null, null, null, null, null]]);
                return 0;
            });
        }
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Path.Combine(_dir, "taos.db") + ";Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE write_seq";
            command.ExecuteNonQuery();
        }
        using (var store = new SqliteStore(_dir))
        {
            Assert.Equal(0, store.LastSequence("d"));
            var t = store.FindEntry("d", "t")!;
            Assert.Single(store.ScanRows(t.Info, long.MinValue, long.MaxValue));
            store.Write(tx =>
            {
                tx.UpsertRows(t, [0], [[2L, null, null, null, null, null, null, null, null]]);
                return 0;
            });
            Assert.Equal(1, store.LastSequence("d"));
        }
    }

    [Fact]
    public async Task A_write_waits_while_another_connection_holds_the_write_lock_and_then_commits()
    {
        using var store = new SqliteStore(_dir);
        var t = CreateNormal(store);
        using var other = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
            { DataSource = Path.Combine(_dir, "taos.db"), Pooling = false }.ToString());
        other.Open();
        // What the checkpointer's TRUNCATE does: hold the write lock for a while.
        var held = other.BeginTransaction();
        var write = Task.Run(() => store.Write(tx =>
        {
            tx.UpsertRows(t, [0, 6], [[1000L, null, null, null, null, null, "waited", null, null]]);
            return 1;
        }));
        await Task.Delay(300);
        Assert.False(write.IsCompleted);
        held.Rollback();
        Assert.Equal(1, await write);
        Assert.Equal("waited", Assert.Single(store.ScanRows(t.Info, long.MinValue, long.MaxValue))[6]);
    }
}
