using Taos.Protocol;

namespace Taos.Tests.Protocol;

public class RestTimestampTests
{
    [Theory]
    [InlineData(1704067200000L, TaosPrecision.Milliseconds, "2024-01-01T00:00:00.000Z")]
    [InlineData(1704067200000001L, TaosPrecision.Microseconds, "2024-01-01T00:00:00.000001Z")]
    [InlineData(1704067201123456789L, TaosPrecision.Nanoseconds, "2024-01-01T00:00:01.123456789Z")]
    [InlineData(-1L, TaosPrecision.Milliseconds, "1969-12-31T23:59:59.999Z")]
    public void Format_utc_writes_precision_digits(long ticks, TaosPrecision precision, string expected)
    {
        Assert.Equal(expected, RestTimestamp.Format(ticks, precision, null));
        Assert.True(RestTimestamp.TryParse(expected, out long parsed, out var parsedPrecision, out _));
        Assert.Equal(ticks, parsed);
        Assert.Equal(precision, parsedPrecision);
    }

    [Fact]
    public void Format_with_zone_writes_offset()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        const string expected = "2024-01-01T08:00:05.000+08:00";
        Assert.Equal(expected, RestTimestamp.Format(1704067205000L, TaosPrecision.Milliseconds, zone));
        Assert.True(RestTimestamp.TryParse(expected, out long ticks, out _, out var offset));
        Assert.Equal(1704067205000L, ticks);
        Assert.Equal(TimeSpan.FromHours(8), offset);
    }
}
