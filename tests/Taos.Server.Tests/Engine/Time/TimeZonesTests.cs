using Taos.Server.Engine.Time;

namespace Taos.Server.Tests.Engine.Time;

public class TimeZonesTests
{
    private static readonly TimeZoneInfo Minus0330 = TimeZoneInfo.CreateCustomTimeZone("m0330", new TimeSpan(-3, -30, 0), "m0330", "m0330");

    [Fact]
    public void Split_keeps_the_fraction_non_negative()
    {
        Assert.Equal((-1L, 999L), TimeZones.Split(-1, TaosPrecision.Milliseconds));
        Assert.Equal((1L, 5L), TimeZones.Split(1_000_005, TaosPrecision.Microseconds));
    }

    [Fact]
    public void Local_time_and_ticks_round_trip_through_the_zone()
    {
        long ticks = 1704067200000L;
        var local = TimeZones.ToLocal(ticks, TaosPrecision.Milliseconds, Minus0330);
        Assert.Equal(new DateTime(2023, 12, 31, 20, 30, 0), local);
        Assert.Equal(ticks + 7, TimeZones.LocalToTicks(local, 7, Minus0330, TaosPrecision.Milliseconds));
        Assert.Equal(-(3 * 3600 + 1800) * 1000L, TimeZones.OffsetTicks(ticks, TaosPrecision.Milliseconds, Minus0330));
        Assert.Equal("-0330", TimeZones.OffsetText(new TimeSpan(-3, -30, 0)));
        Assert.Equal("+0800", TimeZones.OffsetText(TimeSpan.FromHours(8)));
    }

    [Fact]
    public void DisplayText_is_the_zone_as_TIMEZONE_shows_it()
    {
        Assert.Equal("UTC (UTC, +0000)", TimeZones.DisplayText(TimeZoneInfo.Utc));
        Assert.Equal("m0330 (m0330, -0330)", TimeZones.DisplayText(Minus0330));
    }
}
