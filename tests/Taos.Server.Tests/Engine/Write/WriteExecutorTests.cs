using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Write;
using Taos.Server.Storage.Sqlite;
using Taos.Server.Tests.Storage;

namespace Taos.Server.Tests.Engine.Write;

/// <summary>The write executor on batches built by hand, as stmt binds and schemaless lines will build them.</summary>
public sealed class WriteExecutorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-write-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteStore _store;
    private readonly DatabaseInfo _db = new("d", TaosPrecision.Milliseconds, new Dictionary<string, string>());
    private readonly TableInfo _super;

    public WriteExecutorTests()
    {
        _store = new SqliteStore(_dir);
        _super = _store.Write(tx =>
        {
            tx.CreateDatabase(_db);
            return tx.CreateTable(new TableInfo("d", "st", TableKind.Super, null,
                [new ColumnInfo("ts", TaosDataType.Timestamp, 8), new ColumnInfo("a", TaosDataType.Int, 4), new ColumnInfo("b", TaosDataType.Int, 4)],
                [new ColumnInfo("g", TaosDataType.Int, 4)], null)).Info;
        });
    }

    public void Dispose()
    {
        _store.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private const long Ts = 1704067200000L;

    private int _commits;

    private WriteExecutor Executor() => new(_store, () => _commits++);

    [Fact]
    public void Rows_with_the_same_ts_merge_column_by_column_and_the_target_is_created()
    {
        var batch = new WriteBatch(_db, "c1", new AutoCreate(_super, [7]));
        batch.Add([0, 1], [[Ts, 1, null], [Ts + 1, 2, null]]);
        batch.Add([0, 2], [[Ts, null, 10]]);
        // A later NULL does not erase a value given before; a later value wins.
        batch.Add([0, 1, 2], [[Ts, null, 20]]);
        int affected = Executor().Execute(() => [batch]);
        Assert.Equal(2, affected);
        var table = _store.FindTable("d", "c1")!;
        Assert.Equal((TableKind.Child, "st"), (table.Kind, table.SuperTable));
        Assert.Equal([7], table.TagValues!);
        var rows = _store.ScanRows(table, long.MinValue, long.MaxValue).ToList();
        Assert.Equal([Ts, 1, 20], rows[0]);
        Assert.Equal([Ts + 1, 2, null], rows[1]);
        Assert.Equal(2, _store.LastSequence("d"));
        Assert.Equal(1, _commits);
    }

    [Fact]
    public void A_ts_outside_keep_writes_nothing_of_the_whole_write()
    {
        var fine = new WriteBatch(_db, "c1", new AutoCreate(_super, [1]));
        fine.Add([0, 1], [[Ts, 1, null]]);
        var tooOld = new WriteBatch(_db, "c2", new AutoCreate(_super, [2]));
        tooOld.Add([0, 1], [[1000L, 1, null]]);
        var e = Assert.Throws<TaosServerException>(() => Executor().Execute(() => [fine, tooOld]));
        Assert.Equal((ServerErrorCode.TimestampOutOfRange, "Timestamp data out of range"), (e.Code, e.Message));
        Assert.Null(_store.FindTable("d", "c1"));
        Assert.Null(_store.FindTable("d", "c2"));
        Assert.Equal(1, _store.LastSequence("d"));
        Assert.Equal(0, _commits);
    }

    [Fact]
    public void A_write_into_an_existing_table_keeps_the_columns_it_does_not_give()
    {
        var first = new WriteBatch(_db, "c1", new AutoCreate(_super, [1]));
        first.Add([0, 1, 2], [[Ts, 1, 2]]);
        Executor().Execute(() => [first]);
        var table = _store.FindTable("d", "c1")!;
        var second = new WriteBatch(_db, table);
        second.Add([0, 2], [[Ts, null, 5]]);
        Assert.Equal(1, Executor().Execute(() => [second]));
        Assert.Equal([Ts, 1, 5], Assert.Single(_store.ScanRows(table, long.MinValue, long.MaxValue)));
    }
}
