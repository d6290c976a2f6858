using Taos.Protocol;
using Taos.Transport;

namespace Taos.Tests;

public class TaosDataReaderTests
{
    /// <summary>A result as any transport could give it: metadata with a precision, rows of decoded values.</summary>
    private sealed class FakeResult(IReadOnlyList<TaosColumnMeta> columns, params TaosValue[][] rows) : ITaosResult
    {
        private int _next;

        public IReadOnlyList<TaosColumnMeta> Columns => columns;

        public long? AffectedRows => null;

        public long? RowCount => _next == rows.Length ? rows.Length : null;

        public ValueTask<bool> ReadRowAsync(TaosValue[] row, bool async, CancellationToken cancellationToken)
        {
            if (_next == rows.Length) return new ValueTask<bool>(false);
            rows[_next++].CopyTo(row, 0);
            return new ValueTask<bool>(true);
        }

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }

    private static TaosValue Null => new() { Kind = TaosValueKind.Null };

    private static TaosValue Timestamp(long ticks, TaosPrecision precision) =>
        new() { Kind = TaosValueKind.Timestamp, Int64 = ticks, Precision = precision };

    [Theory]
    [InlineData(TaosPrecision.Milliseconds, 1704067200123L, typeof(DateTime))]
    [InlineData(TaosPrecision.Microseconds, 1704067200123456L, typeof(DateTime))]
    [InlineData(TaosPrecision.Nanoseconds, 1704067200123456789L, typeof(TaosTimestamp))]
    public async Task Timestamp_columns_are_typed_by_the_metadata_not_by_the_first_row(TaosPrecision precision, long ticks, Type expected)
    {
        var result = new FakeResult([new TaosColumnMeta("t2", "TIMESTAMP", TaosDataType.Timestamp, 8, precision)],
            [Null], [Timestamp(ticks, precision)]);
        await using var reader = await TaosDataReader.CreateAsync(new TaosCommand(), result, System.Data.CommandBehavior.Default, true, CancellationToken.None);
        Assert.Equal(expected, reader.GetFieldType(0));
        Assert.True(reader.HasRows);
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.IsDBNull(0));
        Assert.True(await reader.ReadAsync());
        Assert.IsType(expected, reader.GetValue(0));
        Assert.Equal(new TaosTimestamp(ticks, precision), reader.GetTaosTimestamp(0));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task GetFieldValue_non_string_types_allocate_nothing_per_row()
    {
        const int rows = 20_000;
        var data = new TaosValue[rows][];
        for (int i = 0; i < rows; i++)
        {
            data[i] =
            [
                Timestamp(1704067200000L + i, TaosPrecision.Milliseconds),
                new() { Kind = TaosValueKind.Int64, Int64 = i },
                new() { Kind = TaosValueKind.Int64, Int64 = -i },
                new() { Kind = TaosValueKind.Double, Double = i / 2.0 },
                new() { Kind = TaosValueKind.Float, Double = i / 4.0 },
            ];
        }
        var result = new FakeResult(
        [
            new TaosColumnMeta("ts", "TIMESTAMP", TaosDataType.Timestamp, 8, TaosPrecision.Milliseconds),
            new TaosColumnMeta("i", "INT", TaosDataType.Int, 4, TaosPrecision.Milliseconds),
            new TaosColumnMeta("bi", "BIGINT", TaosDataType.BigInt, 8, TaosPrecision.Milliseconds),
            new TaosColumnMeta("d", "DOUBLE", TaosDataType.Double, 8, TaosPrecision.Milliseconds),
            new TaosColumnMeta("f", "FLOAT", TaosDataType.Float, 4, TaosPrecision.Milliseconds),
        ], data);
        await using var reader = await TaosDataReader.CreateAsync(new TaosCommand(), result, System.Data.CommandBehavior.Default, false, CancellationToken.None);
        Assert.True(reader.Read());
        double sum = Sum(reader);
        long before = GC.GetAllocatedBytesForCurrentThread();
        while (reader.Read()) sum += Sum(reader);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(sum > 0);
        Assert.True(allocated < rows, $"{allocated} bytes for {rows} rows");
    }

    private static double Sum(TaosDataReader r) =>
        r.GetFieldValue<DateTime>(0).Ticks + r.GetFieldValue<TaosTimestamp>(0).EpochTicks + r.GetFieldValue<int>(1) + r.GetFieldValue<long>(2) +
        r.GetFieldValue<double>(3) + r.GetFieldValue<float>(4) + r.GetInt32(1) + r.GetInt64(2) + r.GetDouble(3) + r.GetFloat(4) + r.GetDateTime(0).Ticks;
}
