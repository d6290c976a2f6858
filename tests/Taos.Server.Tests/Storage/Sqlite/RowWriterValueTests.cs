using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Storage.Sqlite;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Storage.Sqlite;

/// <summary>
/// Every value type goes through <see cref="RowWriter"/>'s typed binding and reads back as it was given: NULLs,
/// the integer widths signed and unsigned at their limits, bool, float, double, UTF-8 text (ASCII, multi-byte, empty,
/// a NUL inside), NCHAR, VARBINARY and GEOMETRY bytes (empty too); over multi-row chunks, the rest row by row, a table
/// wider than one SQLite part, rows handed over lazily; and the write log records every timestamp written, in order.
/// </summary>
public sealed class RowWriterValueTests : IDisposable
{
    private static readonly ColumnInfo[] Columns =
    [
        new("ts", TaosDataType.Timestamp, 8), new("b", TaosDataType.Bool, 1), new("ti", TaosDataType.TinyInt, 1),
        new("si", TaosDataType.SmallInt, 2), new("i", TaosDataType.Int, 4), new("bi", TaosDataType.BigInt, 8),
        new("uti", TaosDataType.UTinyInt, 1), new("usi", TaosDataType.USmallInt, 2), new("ui", TaosDataType.UInt, 4),
        new("ubi", TaosDataType.UBigInt, 8), new("f", TaosDataType.Float, 4), new("d", TaosDataType.Double, 8),
        new("s", TaosDataType.VarChar, 64), new("n", TaosDataType.NChar, 16), new("vb", TaosDataType.VarBinary, 16),
        new("g", TaosDataType.Geometry, 64),
    ];

    private static readonly string[] Texts = ["alpha", "ñ涛 ünïcödé 😀", "", "a\0b", "x"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-rowvalues-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => ServerFixture.TryDelete(_dir);

    private static object?[] Row(int i) => i % 7 == 6
        ? [1000L + i, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null]
        :
        [
            1000L + i, i % 2 == 0, i % 3 == 0 ? sbyte.MinValue : (sbyte)i, i % 3 == 0 ? short.MaxValue : (short)-i,
            i % 3 == 0 ? int.MinValue : i * 1000, i % 3 == 0 ? long.MaxValue : -i * 1_000_000_000L,
            i % 3 == 0 ? byte.MaxValue : (byte)i, i % 3 == 0 ? ushort.MaxValue : (ushort)i, i % 3 == 0 ? uint.MaxValue : (uint)i,
            i % 3 == 0 ? ulong.MaxValue : (ulong)i, i * 0.5f, i % 3 == 0 ? double.MinValue : i * 0.25,
            Texts[i % Texts.Length], i % 2 == 0 ? "涛" + i : "", i % 2 == 0 ? new byte[] { 0, 1, (byte)i } : [],
            new byte[] { 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)i, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
        ];

    private static TableEntry Create(SqliteStore store, IReadOnlyList<ColumnInfo> columns) => store.Write(tx =>
    {
        tx.CreateDatabase(new DatabaseInfo("d", TaosPrecision.Milliseconds, new Dictionary<string, string> { ["keep"] = "5256000m" }));
        return tx.CreateTable(new TableInfo("d", "t", TableKind.Normal, null, columns, [], null));
    });

    [Theory]
    [InlineData(1)]
    [InlineData((RowWriter.ChunkRows * 2) + 3)]
    public void Every_type_reads_back_as_written(int count)
    {
        using var store = new SqliteStore(_dir);
        var table = Create(store, Columns);
        var rows = Enumerable.Range(0, count).Select(Row).ToList();
        store.Write(tx =>
        {
            tx.UpsertRows(table, Enumerable.Range(0, Columns.Length).ToArray(), rows);
            return 0;
        });
        var read = store.ScanRows(table.Info, long.MinValue, long.MaxValue).ToList();
        Assert.Equal(count, read.Count);
        for (int r = 0; r < count; r++)
        {
            Assert.Equal(rows[r], read[r]);
        }
    }

    [Fact]
    public void Rows_given_lazily_and_partial_columns_write_and_log_every_timestamp_in_order()
    {
        using var store = new SqliteStore(_dir);
        var table = Create(store, Columns);
        int[] order = [5, 1, 3, 1, 40, 2];
        store.Write(tx =>
        {
            tx.UpsertRows(table, [0, 5, 12], order.Select(i => new object?[] { (long)i, null, null, null, null, (long)i, null, null, null, null, null, null, "s" + i, null, null, null }).ToArray());
            tx.UpsertRows(table, [0, 4], Enumerable.Range(0, 40).Select(i => new object?[] { (long)i, null, null, null, i, null, null, null, null, null, null, null, null, null, null, null }));
            return 0;
        });
        var read = store.ScanRows(table.Info, long.MinValue, long.MaxValue).ToList();
        Assert.Equal(41, read.Count);
        Assert.Equal([1L, null, null, null, 1, 1L, null, null, null, null, null, null, "s1", null, null, null], read[1]);
        Assert.Equal([40L, null, null, null, null, 40L, null, null, null, null, null, null, "s40", null, null, null], read[40]);
        Assert.Equal([7L, null, null, null, 7, null, null, null, null, null, null, null, null, null, null, null], read[7]);
        var entry = Assert.Single(store.ReadWriteLog("d", 0), e => e.Meta is null);
        Assert.Equal(order.Select(i => (long)i).Concat(Enumerable.Range(0, 40).Select(i => (long)i)), entry.Timestamps);
    }

    [Fact]
    public void A_table_wider_than_one_part_writes_every_part()
    {
        int width = TableLayout.ColumnsPerPart + 40;
        var columns = new List<ColumnInfo> { new("ts", TaosDataType.Timestamp, 8) };
        for (int c = 1; c < width; c++)
        {
            columns.Add(c % 2 == 0 ? new ColumnInfo("c" + c, TaosDataType.VarChar, 8) : new ColumnInfo("c" + c, TaosDataType.BigInt, 8));
        }
        using var store = new SqliteStore(_dir);
        var table = Create(store, columns);
        int count = RowWriter.ChunkRows + 2;
        object?[] WideRow(int r)
        {
            var row = new object?[width];
            row[0] = (long)r;
            for (int c = 1; c < width; c++) row[c] = (c + r) % 5 == 0 ? null : c % 2 == 0 ? "v" + r : (long)(c * r);
            return row;
        }
        var rows = Enumerable.Range(0, count).Select(WideRow).ToList();
        store.Write(tx =>
        {
            tx.UpsertRows(table, Enumerable.Range(0, width).ToArray(), rows);
            tx.UpsertRows(table, [0, 2, width - 2], [[3L, .. Enumerable.Repeat<object?>("z", width - 1)]]);
            return 0;
        });
        rows[3][2] = "z";
        rows[3][width - 2] = "z";
        var read = store.ScanRows(table.Info, long.MinValue, long.MaxValue).ToList();
        Assert.Equal(count, read.Count);
        for (int r = 0; r < count; r++)
        {
            Assert.Equal(rows[r], read[r]);
        }
    }
}
