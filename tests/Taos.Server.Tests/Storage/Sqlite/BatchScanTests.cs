using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Storage.Sqlite;

namespace Taos.Server.Tests.Storage.Sqlite;

/// <summary>The typed batch scan gives exactly the stored values, for any column selection.</summary>
public sealed class BatchScanTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-batch-" + Guid.NewGuid().ToString("N"));

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

    private static readonly ColumnInfo[] Columns =
    [
        new("ts", TaosDataType.Timestamp, 8), new("b", TaosDataType.Bool, 1), new("ti", TaosDataType.TinyInt, 1),
        new("si", TaosDataType.SmallInt, 2), new("i", TaosDataType.Int, 4), new("bi", TaosDataType.BigInt, 8),
        new("uti", TaosDataType.UTinyInt, 1), new("usi", TaosDataType.USmallInt, 2), new("ui", TaosDataType.UInt, 4),
        new("ubi", TaosDataType.UBigInt, 8), new("f", TaosDataType.Float, 4), new("d", TaosDataType.Double, 8),
        new("s", TaosDataType.VarChar, 16), new("n", TaosDataType.NChar, 8), new("vb", TaosDataType.VarBinary, 8),
    ];

    private static object?[] Row(long i) => i % 7 == 3
        ? [1000L + i, null, null, null, null, null, null, null, null, null, null, null, null, null, null]
        : [1000L + i, i % 2 == 0, (sbyte)(i % 256 - 128), (short)-i, (int)(i * 3), long.MinValue + i, (byte)(i % 256),
            (ushort)i, uint.MaxValue - (uint)i, ulong.MaxValue - (ulong)i, i * 0.1f, i / 3.0, "s" + i, "ñ" + i, new byte[] { (byte)i, 0xab }];

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 })]
    [InlineData(new[] { 11, 0, 10 })]
    [InlineData(new int[0])]
    public void Batches_hold_the_stored_values_of_the_selected_columns(int[] selected)
    {
        using var store = new SqliteStore(_dir);
        var table = store.Write(tx =>
        {
            tx.CreateDatabase(new DatabaseInfo("d", TaosPrecision.Milliseconds, new Dictionary<string, string> { ["keep"] = "5256000m" }));
            var t = tx.CreateTable(new TableInfo("d", "t", TableKind.Normal, null, Columns, [], null));
            tx.UpsertRows(t, Enumerable.Range(0, Columns.Length).ToArray(), Enumerable.Range(0, 2500).Select(i => Row(i)).ToList());
            return t.Info;
        });
        var expected = store.ScanRows(table, 1100, 3200).ToList();
        // Every column read back is the value stored: rows 100..2200 of those inserted.
        Assert.Equal(Enumerable.Range(100, 2101).Select(i => Row(i)), expected);
        var got = new List<object?[]>();
        var sizes = new List<int>();
        foreach (var batch in store.ScanBatches(table, 1100, 3200, selected))
        {
            sizes.Add(batch.Count);
            for (int r = 0; r < batch.Count; r++) got.Add(batch.Columns.Select(c => c.GetValue(r)).ToArray());
        }
        Assert.Equal([1024, 1024, 53], sizes);
        Assert.Equal(expected.Count, got.Count);
        for (int r = 0; r < expected.Count; r++)
        {
            Assert.Equal(selected.Select(i => expected[r][i]).ToArray(), got[r]);
        }
    }

    [Fact]
    public void A_table_stored_in_parts_scans_as_batches_too()
    {
        using var store = new SqliteStore(_dir);
        var columns = new List<ColumnInfo> { new("ts", TaosDataType.Timestamp, 8) };
        columns.AddRange(Enumerable.Range(1, 2500).Select(i => new ColumnInfo("c" + i, TaosDataType.Int, 4)));
        var table = store.Write(tx =>
        {
            tx.CreateDatabase(new DatabaseInfo("d", TaosPrecision.Milliseconds, new Dictionary<string, string> { ["keep"] = "5256000m" }));
            var t = tx.CreateTable(new TableInfo("d", "wide", TableKind.Normal, null, columns, [], null));
            var first = new object?[columns.Count];
            var second = new object?[columns.Count];
            (first[0], first[1], first[2400]) = (5L, 1, 2400);
            (second[0], second[2400]) = (6L, 7);
            tx.UpsertRows(t, [0, 1, 2400], [first, second]);
            return t.Info;
        });
        var batch = Assert.Single(store.ScanBatches(table, long.MinValue, long.MaxValue, [2400, 0, 2]));
        Assert.Equal(2, batch.Count);
        Assert.Equal([2400, 5L, null], new[] { 0, 1, 2 }.Select(c => batch.Columns[c].GetValue(0)));
        Assert.Equal([7, 6L, null], new[] { 0, 1, 2 }.Select(c => batch.Columns[c].GetValue(1)));
    }
}
