using Taos.Server.Engine.Time;

namespace Taos.Server.Tests.Engine.Time;

/// <summary>TO_CHAR / TO_TIMESTAMP format strings.</summary>
public class TimeFormatTests
{
    private static readonly TimeZoneInfo Plus8 = TimeZoneInfo.CreateCustomTimeZone("p8", TimeSpan.FromHours(8), "p8", "p8");

    [Fact]
    public void Format_writes_local_fields_in_the_zone()
    {
        // 2024-01-01 00:00:00.123 UTC is 08:00:00.123 at +08:00.
        Assert.Equal("2024-01-01 08:00:00.123 +08", TimeFormat.Format(1704067200123L, "yyyy-mm-dd hh24:mi:ss.ms tzh", TaosPrecision.Milliseconds, Plus8));
        // TDengine writes month and day names padded to 9 characters (C's %-9s).
        Assert.Equal("JANUARY   Monday    am", TimeFormat.Format(1704067200123L, "MONTH Day am", TaosPrecision.Milliseconds, Plus8));
    }

    // Recorded from TDengine 3.3.0.1 (rest-breadth fn#64).
    [Theory]
    [InlineData(1704067200123L, "2024-01-01 00:00:00.123|Jan 01 2024|MONDAY    mon")]
    [InlineData(1709210096789L, "2024-02-29 12:34:56.789|Feb 29 2024|THURSDAY  thu")]
    public void Format_pads_day_names_as_recorded(long ticks, string expected)
    {
        Assert.Equal(expected, TimeFormat.Format(ticks, "yyyy-mm-dd hh24:mi:ss.ms|Mon DD YYYY|DAY dy", TaosPrecision.Milliseconds, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Format_splits_times_before_1970_toward_zero_as_TDengine_does()
    {
        // 1969-12-30T23:59:59.999Z: the second rounds toward 1970 and the millisecond field is negative (fn#64).
        Assert.Equal("1969-12-31 00:00:00.-01|Dec 31 1969|WEDNESDAY wed",
            TimeFormat.Format(-86400001L, "yyyy-mm-dd hh24:mi:ss.ms|Mon DD YYYY|DAY dy", TaosPrecision.Milliseconds, TimeZoneInfo.Utc));
    }

    [Fact]
    public void TryParse_reads_the_layout_back()
    {
        Assert.True(TimeFormat.TryParse("2024-01-01 08:00:00", "yyyy-mm-dd hh24:mi:ss", TaosPrecision.Milliseconds, Plus8, out long ticks));
        Assert.Equal(1704067200000L, ticks);
        Assert.True(TimeFormat.TryParse("2024-01-01 00:00:00 +00", "yyyy-mm-dd hh24:mi:ss tzh", TaosPrecision.Microseconds, Plus8, out ticks));
        Assert.Equal(1704067200000000L, ticks);
        Assert.False(TimeFormat.TryParse("x", "yyyy", TaosPrecision.Milliseconds, Plus8, out _));
    }
}
