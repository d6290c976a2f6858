using Taos.Server.Engine.Time;

namespace Taos.Server.Tests.Engine.Time;

public class TaosTimeTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly TimeZoneInfo Plus8 = TimeZoneInfo.CreateCustomTimeZone("p8", TimeSpan.FromHours(8), "p8", "p8");

    [Theory]
    [InlineData("2024-01-01 00:00:00.000", TaosPrecision.Milliseconds, 1704067200000L)]
    [InlineData("2024-01-01 00:00:05", TaosPrecision.Milliseconds, 1704067205000L)]
    [InlineData("2024-01-01T00:00:05.5", TaosPrecision.Milliseconds, 1704067205500L)]
    [InlineData("2024-01-01", TaosPrecision.Milliseconds, 1704067200000L)]
    [InlineData("2024-01-01 00:00:00.123456", TaosPrecision.Microseconds, 1704067200123456L)]
    [InlineData("2024-01-01 00:00:00.123456789", TaosPrecision.Nanoseconds, 1704067200123456789L)]
    [InlineData("2024-01-01 00:00:00.123456789", TaosPrecision.Milliseconds, 1704067200123L)]
    [InlineData("2024-01-01 08:00:00+08:00", TaosPrecision.Milliseconds, 1704067200000L)]
    [InlineData("2024-01-01 08:00:00+0800", TaosPrecision.Milliseconds, 1704067200000L)]
    [InlineData("2024-01-01 00:00:00Z", TaosPrecision.Milliseconds, 1704067200000L)]
    [InlineData("1969-12-31 23:59:59.999", TaosPrecision.Milliseconds, -1L)]
    public void TryParseTimestamp_valid_text_gives_epoch_ticks(string text, TaosPrecision precision, long expected)
    {
        Assert.True(TimestampText.TryParse(text, precision, Utc, out long ticks));
        Assert.Equal(expected, ticks);
    }

    [Fact]
    public void TryParseTimestamp_without_suffix_reads_in_server_zone()
    {
        Assert.True(TimestampText.TryParse("2024-01-01 08:00:00", TaosPrecision.Milliseconds, Plus8, out long ticks));
        Assert.Equal(1704067200000L, ticks);
        Assert.True(TimestampText.TryParse("2024-01-01 00:00:00Z", TaosPrecision.Milliseconds, Plus8, out ticks));
        Assert.Equal(1704067200000L, ticks);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("2024-13-01 00:00:00")]
    [InlineData("2024-02-30")]
    [InlineData("2024-01-01 25:00:00")]
    [InlineData("2024-01-01 00:00:00+13:00")]
    [InlineData("2024-01-01 00:00:00 junk")]
    [InlineData("")]
    public void TryParseTimestamp_invalid_text_fails(string text)
    {
        Assert.False(TimestampText.TryParse(text, TaosPrecision.Milliseconds, Utc, out _));
    }

    [Theory]
    [InlineData(10, 's', TaosPrecision.Milliseconds, 10_000L)]
    [InlineData(1, 'u', TaosPrecision.Milliseconds, 0L)]
    [InlineData(500, 'u', TaosPrecision.Microseconds, 500L)]
    [InlineData(1, 'w', TaosPrecision.Nanoseconds, 604_800_000_000_000L)]
    [InlineData(3, 'a', TaosPrecision.Microseconds, 3_000L)]
    public void TryDurationTicks_converts_units(long value, char unit, TaosPrecision precision, long expected)
    {
        Assert.True(Durations.TryTicks(value, unit, precision, out long ticks));
        Assert.Equal(expected, ticks);
    }

    [Fact]
    public void TryDurationTicks_rejects_calendar_units() =>
        Assert.False(Durations.TryTicks(1, 'n', TaosPrecision.Milliseconds, out _));

    [Fact]
    public void TryAdd_months_and_years_step_the_calendar()
    {
        Assert.True(Durations.TryAdd(1704067200000L, 1, 'n', TaosPrecision.Milliseconds, Utc, out long next));
        Assert.Equal(1706745600000L, next); // 2024-02-01
        Assert.True(Durations.TryAdd(1704067200000L, -1, 'y', TaosPrecision.Milliseconds, Utc, out long prev));
        Assert.Equal(1672531200000L, prev); // 2023-01-01
        Assert.True(Durations.TryAdd(1704067200000L, -10, 'a', TaosPrecision.Milliseconds, Utc, out long minus));
        Assert.Equal(1704067199990L, minus);
    }

    [Fact]
    public void Now_and_Today_agree_with_the_clock()
    {
        long now = Clock.Now(TaosPrecision.Milliseconds);
        long expected = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.InRange(now, expected - 5000, expected + 5000);
        long today = Clock.Today(TaosPrecision.Milliseconds, Utc);
        Assert.Equal(0, today % 86_400_000);
        Assert.InRange(now - today, 0, 86_400_000);
        Assert.InRange(Clock.Now(TaosPrecision.Microseconds) / 1000, now - 5000, now + 5000);
    }

    [Fact]
    public void Convert_between_precisions()
    {
        Assert.Equal(1_000_000L, Precisions.Convert(1, TaosPrecision.Milliseconds, TaosPrecision.Nanoseconds));
        Assert.Equal(-1L, Precisions.Convert(-1, TaosPrecision.Nanoseconds, TaosPrecision.Milliseconds));
        Assert.Equal(1L, Precisions.Convert(1_999, TaosPrecision.Microseconds, TaosPrecision.Milliseconds));
    }
}
