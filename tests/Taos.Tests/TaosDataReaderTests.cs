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
}
