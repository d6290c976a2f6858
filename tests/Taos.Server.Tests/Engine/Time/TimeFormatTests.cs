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
        Assert.Equal("JANUARY Monday am", TimeFormat.Format(1704067200123L, "MONTH Day am", TaosPrecision.Milliseconds, Plus8));
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
