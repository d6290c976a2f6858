using Taos.Server.Engine.Catalog;
using Taos.Server.Storage.Sqlite;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Storage.Sqlite;

/// <summary>Upserts in chunks of <see cref="RowWriter.ChunkRows"/> rows: every row lands, same-ts rows update in order, partial columns keep the rest.</summary>
public sealed class RowWriterTests : IDisposable
{
    private static readonly ColumnInfo[] Columns =
        [new("ts", TaosDataType.Timestamp, 8), new("v", TaosDataType.BigInt, 8), new("s", TaosDataType.VarChar, 8)];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-rows-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => ServerFixture.TryDelete(_dir);

    [Theory]
    [InlineData(1)]
    [InlineData(RowWriter.ChunkRows)]
    [InlineData((RowWriter.ChunkRows * 3) + 5)]
    public void Every_row_of_full_and_partial_chunks_is_written(int count)
    {
        using var store = new SqliteStore(_dir);
        var table = store.Write(tx =>
        {
            tx.CreateDatabase(new DatabaseInfo("d", TaosPrecision.Milliseconds, new Dictionary<string, string> { ["keep"] = "5256000m" }));
            return tx.CreateTable(new TableInfo("d", "t", TableKind.Normal, null, Columns, [], null));
        });
        store.Write(tx =>
        {
            tx.UpsertRows(table, [0, 1, 2], Enumerable.Range(0, count).Select(i => new object?[] { (long)i, (long)i * 10, "s" + i }).ToList());
            return 0;
        });
        // A second write of every other row, ts and v only, inside chunks again: s stays, v changes.
        store.Write(tx =>
        {
            tx.UpsertRows(table, [0, 1], Enumerable.Range(0, count).Where(i => i % 2 == 0).Select(i => new object?[] { (long)i, -1L, null }).ToList());
            return 0;
        });
        var rows = store.ScanRows(table.Info, long.MinValue, long.MaxValue).ToList();
        Assert.Equal(count, rows.Count);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal((long)i, rows[i][0]);
            Assert.Equal(i % 2 == 0 ? -1L : i * 10L, rows[i][1]);
            Assert.Equal("s" + i, rows[i][2]);
        }
    }

    [Fact]
    public void Rows_with_the_same_ts_in_one_chunk_update_in_order()
    {
        using var store = new SqliteStore(_dir);
        var table = store.Write(tx =>
        {
            tx.CreateDatabase(new DatabaseInfo("d", TaosPrecision.Milliseconds, new Dictionary<string, string> { ["keep"] = "5256000m" }));
            return tx.CreateTable(new TableInfo("d", "t", TableKind.Normal, null, Columns, [], null));
        });
        store.Write(tx =>
        {
            tx.UpsertRows(table, [0, 1, 2], Enumerable.Range(0, RowWriter.ChunkRows).Select(i => new object?[] { (long)(i % 4), (long)i, "x" }).ToList());
            return 0;
        });
        var rows = store.ScanRows(table.Info, long.MinValue, long.MaxValue).ToList();
        Assert.Equal([0L, 1L, 2L, 3L], rows.Select(r => (long)r[0]!));
        Assert.Equal([28L, 29L, 30L, 31L], rows.Select(r => (long)r[1]!));
    }
}
