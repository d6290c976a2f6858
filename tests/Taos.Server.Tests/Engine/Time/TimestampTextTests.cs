using Taos.Server.Engine.Time;

namespace Taos.Server.Tests.Engine.Time;

public class TimestampTextTests
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
}
