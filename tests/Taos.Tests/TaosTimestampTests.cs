namespace Taos.Tests;

public class TaosTimestampTests
{
    [Theory]
    [InlineData(1704067200123L, TaosPrecision.Milliseconds)]
    [InlineData(-62135596800000L, TaosPrecision.Milliseconds)]
    [InlineData(-62135596800001L, TaosPrecision.Milliseconds)]
    [InlineData(253402300799999L, TaosPrecision.Milliseconds)]
    [InlineData(253402300800000L, TaosPrecision.Milliseconds)]
    [InlineData(long.MaxValue, TaosPrecision.Milliseconds)]
    [InlineData(long.MinValue, TaosPrecision.Milliseconds)]
    [InlineData(-62135596800000000L, TaosPrecision.Microseconds)]
    [InlineData(-62135596800000001L, TaosPrecision.Microseconds)]
    [InlineData(253402300799999999L, TaosPrecision.Microseconds)]
    [InlineData(253402300800000000L, TaosPrecision.Microseconds)]
    [InlineData(-1L, TaosPrecision.Microseconds)]
    [InlineData(1704067200123456700L, TaosPrecision.Nanoseconds)]
    [InlineData(1704067200123456789L, TaosPrecision.Nanoseconds)]
    [InlineData(-100L, TaosPrecision.Nanoseconds)]
    [InlineData(-150L, TaosPrecision.Nanoseconds)]
    [InlineData(long.MinValue + 8, TaosPrecision.Nanoseconds)]
    [InlineData(long.MaxValue, TaosPrecision.Nanoseconds)]
    public void ToDateTime_is_the_exact_checked_conversion_at_every_edge(long ticks, TaosPrecision precision)
    {
        var ts = new TaosTimestamp(ticks, precision);
        // The definition: exact values convert as TruncateToDateTime does; others throw.
        object Expected()
        {
            try
            {
                return ts.IsDateTimeExact ? ts.TruncateToDateTime() : (object)typeof(InvalidCastException);
            }
            catch (Exception e)
            {
                return e.GetType().BaseType == typeof(ArithmeticException) || e is ArgumentException ? "out of range" : e.GetType();
            }
        }
        object Actual()
        {
            try
            {
                var value = ts.ToDateTime();
                Assert.Equal(DateTimeKind.Utc, value.Kind);
                return value;
            }
            catch (Exception e)
            {
                return e.GetType().BaseType == typeof(ArithmeticException) || e is ArgumentException ? "out of range" : e.GetType();
            }
        }
        Assert.Equal(Expected(), Actual());
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00.000Z", 1704067200000L, TaosPrecision.Milliseconds)]
    [InlineData("2026-11-24T23:21:53.094158Z", 1795562513094158L, TaosPrecision.Microseconds)]
    [InlineData("2026-11-24T23:21:53.112310787Z", 1795562513112310787L, TaosPrecision.Nanoseconds)]
    [InlineData("2024-01-01T08:00:00.000+08:00", 1704067200000L, TaosPrecision.Milliseconds)]
    public void Parse_rest_text_gives_exact_ticks(string text, long ticks, TaosPrecision precision)
    {
        var ts = TaosTimestamp.Parse(text);
        Assert.Equal(ticks, ts.EpochTicks);
        Assert.Equal(precision, ts.Precision);
    }

    [Fact]
    public void ToString_round_trips_nanoseconds()
    {
        var ts = new TaosTimestamp(1795562513112310787L, TaosPrecision.Nanoseconds);
        Assert.Equal("2026-11-24T23:21:53.112310787Z", ts.ToString());
        Assert.Equal(ts, TaosTimestamp.Parse(ts.ToString()));
    }

    [Fact]
    public void ToDateTime_ns_not_multiple_of_100_throws_pointing_to_TaosTimestamp()
    {
        var ts = new TaosTimestamp(1795562513112310787L, TaosPrecision.Nanoseconds);
        var e = Assert.Throws<InvalidCastException>(() => ts.ToDateTime());
        Assert.Contains("TaosTimestamp", e.Message);
        Assert.False(ts.IsDateTimeExact);
        Assert.Equal(new DateTime(2026, 11, 24, 23, 21, 53, DateTimeKind.Utc).AddTicks(1123107), ts.TruncateToDateTime());
    }

    [Fact]
    public void ToDateTime_exact_values_convert_to_utc()
    {
        var ms = new TaosTimestamp(1704067200123L, TaosPrecision.Milliseconds).ToDateTime();
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, 123, DateTimeKind.Utc), ms);
        Assert.Equal(DateTimeKind.Utc, ms.Kind);
        var us = new TaosTimestamp(1704067200123456L, TaosPrecision.Microseconds).ToDateTime();
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234560), us);
        var ns = new TaosTimestamp(1704067200123456700L, TaosPrecision.Nanoseconds).ToDateTime();
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234567), ns);
        Assert.Equal(TimeSpan.FromHours(8), new TaosTimestamp(0, TaosPrecision.Milliseconds).ToDateTimeOffset(TimeSpan.FromHours(8)).Offset);
    }

    [Fact]
    public void TruncateToDateTime_negative_ns_rounds_toward_negative_infinity()
    {
        var ts = new TaosTimestamp(-1, TaosPrecision.Nanoseconds);
        Assert.Equal(DateTime.UnixEpoch.AddTicks(-1), ts.TruncateToDateTime());
    }

    [Fact]
    public void Equality_compares_instants_across_precisions()
    {
        var a = new TaosTimestamp(1, TaosPrecision.Milliseconds);
        var b = new TaosTimestamp(1_000_000, TaosPrecision.Nanoseconds);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(new TaosTimestamp(2, TaosPrecision.Microseconds) < new TaosTimestamp(3_000, TaosPrecision.Nanoseconds));
    }

    [Fact]
    public void FromDateTime_rejects_digits_below_precision()
    {
        var dt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(5);
        Assert.Throws<ArgumentException>(() => TaosTimestamp.FromDateTime(dt, TaosPrecision.Milliseconds));
        Assert.Equal(1704067200000000500L, TaosTimestamp.FromDateTime(dt, TaosPrecision.Nanoseconds).EpochTicks);
    }

    [Fact]
    public void TryParse_rejects_garbage() => Assert.False(TaosTimestamp.TryParse("yesterday", out _));
}
