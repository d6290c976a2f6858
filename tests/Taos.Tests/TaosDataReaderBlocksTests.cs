using System.Data;
using Taos.Protocol;
using Taos.Protocol.RawBlock;
using Taos.Transport;

namespace Taos.Tests;

/// <summary>
/// The reader over raw blocks (<see cref="ITaosResultBlocks"/>, as WebSocket and TMQ results give them): every getter
/// reads straight from the block exactly what the cell path (<see cref="RawBlockView.Fill"/> into cells, then the
/// same getters) reads — every type, NULLs, each precision, with and without a time zone — and never touches a block
/// after moving past it (its buffer may be reused at once).
/// </summary>
public class TaosDataReaderBlocksTests
{
    private static readonly (string Name, TaosDataType Type, int Length)[] Schema =
    [
        ("ts", TaosDataType.Timestamp, 8), ("c_bool", TaosDataType.Bool, 1), ("c_tinyint", TaosDataType.TinyInt, 1),
        ("c_smallint", TaosDataType.SmallInt, 2), ("c_int", TaosDataType.Int, 4), ("c_bigint", TaosDataType.BigInt, 8),
        ("c_utinyint", TaosDataType.UTinyInt, 1), ("c_usmallint", TaosDataType.USmallInt, 2), ("c_uint", TaosDataType.UInt, 4),
        ("c_ubigint", TaosDataType.UBigInt, 8), ("c_float", TaosDataType.Float, 4), ("c_double", TaosDataType.Double, 8),
        ("c_varchar", TaosDataType.VarChar, 34), ("c_nchar", TaosDataType.NChar, 130), ("c_varbinary", TaosDataType.VarBinary, 34),
        ("c_geometry", TaosDataType.Geometry, 66), ("c_json", TaosDataType.Json, RawBlockLayout.JsonBytes), ("c_ts2", TaosDataType.Timestamp, 8),
    ];

    private static readonly byte[] Point = Convert.FromHexString("0101000000000000000000f03f0000000000000040");

    // Block 1: typical values, then the extremes; an empty block; block 2: all NULL but ts, then small values.
    private static object?[][][] Rows(long ts, long step) =>
    [
        [
            [ts, true, (sbyte)-1, (short)-2, -3, -4L, (byte)1, (ushort)2, 3u, 4ul, 3.14f, 2.718281828, "varchar", "涛思数据", new byte[] { 1, 2, 0xab }, Point, "{\"k\":1}", ts + step],
            [ts + step, false, sbyte.MinValue, short.MaxValue, int.MinValue, long.MaxValue, byte.MaxValue, ushort.MaxValue, uint.MaxValue, ulong.MaxValue, -3.4e38f, double.Epsilon, "", "ñ😀", Array.Empty<byte>(), Point, "{}", -step],
        ],
        [],
        [
            [ts + (2 * step), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
            [ts + (3 * step), true, (sbyte)7, (short)-300, 65536, -1L, (byte)200, (ushort)40000, 3_000_000_000u, (ulong)long.MaxValue + 1, 0.5f, -0.25, "x", "y", new byte[] { 0 }, Point, "null", 0L],
        ],
    ];

    public static TheoryData<TaosPrecision, string?> Precisions => new()
    {
        { TaosPrecision.Milliseconds, null }, { TaosPrecision.Microseconds, null }, { TaosPrecision.Nanoseconds, null },
        { TaosPrecision.Milliseconds, "America/New_York" }, { TaosPrecision.Nanoseconds, "Asia/Shanghai" },
    };

    [Theory]
    [MemberData(nameof(Precisions))]
    public async Task Every_getter_reads_from_the_block_what_the_cell_path_reads(TaosPrecision precision, string? zone)
    {
        // ns: 123456789 is not a multiple of 100 (GetDateTime throws on both paths), 1_000 is.
        var (ts, step) = precision switch
        {
            TaosPrecision.Milliseconds => (1704067200123L, 1000L),
            TaosPrecision.Microseconds => (1704067200123456L, 1_000_000L),
            _ => (1704067200123456789L, 1_000L),
        };
        var blocks = Blocks(Rows(ts, step));
        var columns = Meta(precision);
        var command = zone is null ? new TaosCommand() : new TaosCommand { Connection = new TaosConnection("Url=http://127.0.0.1:1;Timezone=" + zone) };
        var zoneInfo = zone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(zone);
        await using var fromBlocks = await TaosDataReader.CreateAsync(command, new BlockResult(columns, blocks), CommandBehavior.Default, true, CancellationToken.None);
        await using var fromCells = await TaosDataReader.CreateAsync(command, new CellResult(columns, blocks, zoneInfo), CommandBehavior.Default, true, CancellationToken.None);

        Assert.True(fromBlocks.HasRows);
        int rows = 0;
        while (await fromBlocks.ReadAsync())
        {
            Assert.True(await fromCells.ReadAsync());
            for (int c = 0; c < columns.Length; c++)
            {
                foreach (var (name, read) in Getters)
                {
                    Assert.True(Equals(Outcome(() => read(fromCells, c)), Outcome(() => read(fromBlocks, c))), $"row {rows}, {columns[c].Name}, {name}: cells {Outcome(() => read(fromCells, c))}, block {Outcome(() => read(fromBlocks, c))}");
                }
            }
            rows++;
        }
        Assert.False(await fromCells.ReadAsync());
        Assert.Equal(4, rows);
        Assert.Throws<InvalidOperationException>(() => fromBlocks.GetInt32(4));
    }

    [Fact]
    public async Task The_block_path_reads_each_type_as_its_natural_dotnet_type_and_NULL_as_DBNull()
    {
        var blocks = Blocks(Rows(1704067200123L, 1000));
        await using var r = await TaosDataReader.CreateAsync(new TaosCommand(), new BlockResult(Meta(TaosPrecision.Milliseconds), blocks), CommandBehavior.Default, false, CancellationToken.None);
        Assert.True(r.Read());
        Assert.True(r.Read());
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 1, 123, DateTimeKind.Utc), r.GetDateTime(0));
        Assert.Equal(sbyte.MinValue, r.GetSByte(2));
        Assert.Equal(int.MinValue, r.GetInt32(4));
        Assert.Equal(long.MaxValue, r.GetInt64(5));
        Assert.Equal(ulong.MaxValue, r.GetUInt64(9));
        Assert.Throws<OverflowException>(() => r.GetInt64(9));
        Assert.Equal(-3.4e38f, r.GetFloat(10));
        Assert.Equal(double.Epsilon, r.GetDouble(11));
        Assert.Equal("", r.GetString(12));
        Assert.Equal("ñ😀", r.GetString(13));
        Assert.Empty((byte[])r.GetValue(14));
        Assert.Equal(new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Utc), r.GetDateTime(17));
        Assert.True(r.Read());
        for (int c = 1; c < 18; c++)
        {
            Assert.True(r.IsDBNull(c));
            Assert.Same(DBNull.Value, r.GetValue(c));
            Assert.Throws<InvalidCastException>(() => r.GetInt64(c));
        }
        Assert.Null(r.GetFieldValue<int?>(4));
        Assert.True(r.Read());
        Assert.Equal(3_000_000_000u, r.GetUInt32(8));
        Assert.Throws<OverflowException>(() => r.GetInt32(8));
        Assert.Equal(3_000_000_000L, r.GetInt64(8));
        Assert.False(r.Read());
        Assert.Equal(4, r.RowsRead);
    }

    [Fact]
    public async Task A_block_is_never_read_after_the_reader_moved_past_it()
    {
        var blocks = Blocks(Rows(1704067200123L, 1000));
        var result = new BlockResult(Meta(TaosPrecision.Milliseconds), blocks) { ScribbleOnRecycle = true };
        await using var r = await TaosDataReader.CreateAsync(new TaosCommand(), result, CommandBehavior.Default, true, CancellationToken.None);
        Assert.True(await r.ReadAsync());
        using var bytes = r.GetStream(14);
        string text = r.GetString(13);
        Assert.True(await r.ReadAsync());
        Assert.True(await r.ReadAsync());
        // The first block's buffer is now garbage: the open stream and the string were copies.
        Assert.All(blocks[0].Buffer.Skip(100), b => Assert.Equal(0xFF, b));
        Assert.Equal(new byte[] { 1, 2, 0xab }, ReadAll(bytes));
        Assert.Equal("涛思数据", text);
        Assert.True(r.IsDBNull(1));
        Assert.True(await r.ReadAsync());
        Assert.Equal(65536, r.GetInt32(4));
        Assert.False(await r.ReadAsync());
        Assert.Throws<InvalidOperationException>(() => r.GetInt32(4));
        Assert.Throws<InvalidOperationException>(() => r.IsDBNull(4));
    }

    [Fact]
    public async Task A_failed_fetch_is_a_TaosException_and_leaves_no_row_to_read()
    {
        var blocks = Blocks(Rows(1704067200123L, 1000));
        var result = new BlockResult(Meta(TaosPrecision.Milliseconds), blocks) { FailAfter = 1 };
        await using var r = await TaosDataReader.CreateAsync(new TaosCommand(), result, CommandBehavior.Default, false, CancellationToken.None);
        Assert.True(r.Read());
        Assert.True(r.Read());
        Assert.Throws<TaosException>(() => r.Read());
        Assert.Throws<InvalidOperationException>(() => r.GetInt32(4));
        Assert.Throws<TaosException>(() => r.Read());
    }

    [Fact]
    public async Task A_block_whose_column_holds_another_type_than_the_result_says_is_a_TaosException()
    {
        // The result says VARCHAR and INT; the block holds INT and VARCHAR.
        var block = RawBlockWriter.Write([new RawBlockColumn(TaosDataType.Int, 4), new RawBlockColumn(TaosDataType.VarChar, 10)], [[1, "a"]]);
        TaosColumnMeta[] columns = [new("s", "VARCHAR", TaosDataType.VarChar, 10, TaosPrecision.Milliseconds), new("i", "INT", TaosDataType.Int, 4, TaosPrecision.Milliseconds)];
        await using var r = await TaosDataReader.CreateAsync(new TaosCommand(), new BlockResult(columns, [RawBlockView.Parse(block, 0, block.Length)]), CommandBehavior.Default, false, CancellationToken.None);
        Assert.True(r.Read());
        Assert.Contains("malformed raw block", Assert.Throws<TaosException>(() => r.GetInt32(1)).Message);
        Assert.Throws<InvalidCastException>(() => r.GetString(0));
    }

    [Fact]
    public async Task Primitive_getters_on_blocks_allocate_nothing()
    {
        var rows = new List<object?[]>();
        for (int i = 0; i < 20_000; i++)
        {
            rows.Add([1704067200000L + i, i, (long)i * 3, i * 0.5, i * 0.25f]);
        }
        RawBlockColumn[] layout = [new(TaosDataType.Timestamp, 8), new(TaosDataType.Int, 4), new(TaosDataType.BigInt, 8), new(TaosDataType.Double, 8), new(TaosDataType.Float, 4)];
        var block = RawBlockWriter.Write(layout, rows);
        TaosColumnMeta[] columns = [.. layout.Select((l, i) => new TaosColumnMeta("c" + i, TaosTypes.Name(l.Type), l.Type, l.Bytes, TaosPrecision.Milliseconds))];
        await using var r = await TaosDataReader.CreateAsync(new TaosCommand(), new BlockResult(columns, [RawBlockView.Parse(block, 0, block.Length)]), CommandBehavior.Default, false, CancellationToken.None);
        Read(r, 10);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = Read(r, int.MaxValue);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(sum > 0);
        Assert.True(allocated < 1000, $"{allocated} bytes allocated reading 20,000 rows");
    }

    private static double Read(TaosDataReader r, int rows)
    {
        double sum = 0;
        for (int i = 0; i < rows && r.Read(); i++)
        {
            sum += r.GetDateTime(0).Ticks + r.GetInt32(1) + r.GetInt64(2) + r.GetDouble(3) + r.GetFloat(4) + r.GetTaosTimestamp(0).EpochTicks
                + r.GetFieldValue<long>(2) + (r.IsDBNull(1) ? 0 : 1) + r.GetDateTimeOffset(0).Offset.Ticks;
        }
        return sum;
    }

    private static readonly (string Name, Func<TaosDataReader, int, object?> Read)[] Getters =
    [
        ("IsDBNull", (r, c) => r.IsDBNull(c)),
        ("GetValue", (r, c) => r.GetValue(c)),
        ("GetBoolean", (r, c) => r.GetBoolean(c)),
        ("GetByte", (r, c) => r.GetByte(c)),
        ("GetSByte", (r, c) => r.GetSByte(c)),
        ("GetInt16", (r, c) => r.GetInt16(c)),
        ("GetInt32", (r, c) => r.GetInt32(c)),
        ("GetInt64", (r, c) => r.GetInt64(c)),
        ("GetUInt16", (r, c) => r.GetUInt16(c)),
        ("GetUInt32", (r, c) => r.GetUInt32(c)),
        ("GetUInt64", (r, c) => r.GetUInt64(c)),
        ("GetFloat", (r, c) => r.GetFloat(c)),
        ("GetDouble", (r, c) => r.GetDouble(c)),
        ("GetDecimal", (r, c) => r.GetDecimal(c)),
        ("GetString", (r, c) => r.GetString(c)),
        ("GetChar", (r, c) => r.GetChar(c)),
        ("GetDateTime", (r, c) => r.GetDateTime(c)),
        ("GetDateTime.Kind", (r, c) => r.GetDateTime(c).Kind),
        ("GetDateTimeOffset", (r, c) => r.GetDateTimeOffset(c)),
        ("GetTaosTimestamp", (r, c) => r.GetTaosTimestamp(c)),
        ("GetBytes", (r, c) => Convert.ToHexString(BytesOf(r, c))),
        ("GetBytes.Length", (r, c) => r.GetBytes(c, 0, null, 0, 0)),
        ("GetChars", (r, c) => new string(CharsOf(r, c))),
        ("GetStream", (r, c) => Convert.ToHexString(ReadAll(r.GetStream(c)))),
        ("GetTextReader", (r, c) => r.GetTextReader(c).ReadToEnd()),
        ("GetFieldValue<int>", (r, c) => r.GetFieldValue<int>(c)),
        ("GetFieldValue<long>", (r, c) => r.GetFieldValue<long>(c)),
        ("GetFieldValue<ulong>", (r, c) => r.GetFieldValue<ulong>(c)),
        ("GetFieldValue<double>", (r, c) => r.GetFieldValue<double>(c)),
        ("GetFieldValue<float?>", (r, c) => r.GetFieldValue<float?>(c)),
        ("GetFieldValue<DateTime>", (r, c) => r.GetFieldValue<DateTime>(c)),
        ("GetFieldValue<DateTimeOffset>", (r, c) => r.GetFieldValue<DateTimeOffset>(c)),
        ("GetFieldValue<TaosTimestamp?>", (r, c) => r.GetFieldValue<TaosTimestamp?>(c)),
        ("GetFieldValue<string>", (r, c) => r.GetFieldValue<string>(c)),
        ("GetFieldValue<object>", (r, c) => r.GetFieldValue<object>(c) is byte[] b ? Convert.ToHexString(b) : r.GetFieldValue<object>(c)),
        ("GetFieldValue<byte[]>", (r, c) => Convert.ToHexString(r.GetFieldValue<byte[]>(c))),
        ("GetFieldValue<DayOfWeek>", (r, c) => r.GetFieldValue<DayOfWeek>(c)),
        ("GetFieldValue<bool?>", (r, c) => r.GetFieldValue<bool?>(c)),
    ];

    // A value, or the exception's type and message.
    private static object? Outcome(Func<object?> read)
    {
        try
        {
            object? value = read();
            return value is byte[] bytes ? Convert.ToHexString(bytes) : value;
        }
        catch (Exception e)
        {
            return e.GetType().Name + ": " + e.Message;
        }
    }

    private static byte[] BytesOf(TaosDataReader r, int c)
    {
        var buffer = new byte[64];
        long n = r.GetBytes(c, 1, buffer, 0, buffer.Length);
        return buffer[..(int)n];
    }

    private static char[] CharsOf(TaosDataReader r, int c)
    {
        var buffer = new char[64];
        long n = r.GetChars(c, 0, buffer, 0, buffer.Length);
        return buffer[..(int)n];
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static TaosColumnMeta[] Meta(TaosPrecision precision) =>
        [.. Schema.Select(s => new TaosColumnMeta(s.Name, TaosTypes.Name(s.Type), s.Type, s.Length, precision))];

    private static RawBlockView[] Blocks(object?[][][] blocks)
    {
        RawBlockColumn[] layout = [.. Schema.Select(s => new RawBlockColumn(s.Type, s.Length))];
        return [.. blocks.Select(rows => RawBlockWriter.Write(layout, rows)).Select(b => RawBlockView.Parse(b, 0, b.Length))];
    }

    /// <summary>The blocks offered block by block, as a WebSocket result offers them.</summary>
    private sealed class BlockResult(IReadOnlyList<TaosColumnMeta> columns, RawBlockView[] blocks) : ITaosResultBlocks
    {
        private int _next;

        /// <summary>Overwrite a block's buffer once the reader moved past it, as a recycled receive buffer would be.</summary>
        public bool ScribbleOnRecycle { get; init; }

        /// <summary>Fail the fetch after this many blocks.</summary>
        public int FailAfter { get; init; } = int.MaxValue;

        public IReadOnlyList<TaosColumnMeta> Columns => columns;

        public long? AffectedRows => null;

        public long? RowCount => null;

        public ValueTask<RawBlockView?> NextBlockAsync(bool async, CancellationToken cancellationToken)
        {
            if (ScribbleOnRecycle && _next > 0) Array.Fill(blocks[_next - 1].Buffer, (byte)0xFF);
            if (_next >= FailAfter) throw new TaosException("The server sent a malformed raw block: test.");
            while (_next < blocks.Length)
            {
                var block = blocks[_next++];
                if (block.Rows > 0) return new ValueTask<RawBlockView?>(block);
            }
            return new ValueTask<RawBlockView?>((RawBlockView?)null);
        }

        public ValueTask<bool> ReadRowAsync(TaosValue[] row, bool async, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A block result is read by blocks.");

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }

    /// <summary>The same blocks decoded row by row into cells (the reader's cell path).</summary>
    private sealed class CellResult(IReadOnlyList<TaosColumnMeta> columns, RawBlockView[] blocks, TimeZoneInfo? zone) : ITaosResult
    {
        private int _block;
        private int _row;

        public IReadOnlyList<TaosColumnMeta> Columns => columns;

        public long? AffectedRows => null;

        public long? RowCount => null;

        public ValueTask<bool> ReadRowAsync(TaosValue[] row, bool async, CancellationToken cancellationToken)
        {
            while (_block < blocks.Length)
            {
                if (_row < blocks[_block].Rows)
                {
                    blocks[_block].Fill(_row++, row, columns[0].Precision, zone);
                    return new ValueTask<bool>(true);
                }
                _block++;
                _row = 0;
            }
            return new ValueTask<bool>(false);
        }

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }
}
