using Taos.Server.Engine.Time;

namespace Taos.Server.Tests.Engine.Time;

public class CalendarMonthsTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly TimeZoneInfo Plus8 = TimeZoneInfo.CreateCustomTimeZone("p8", TimeSpan.FromHours(8), "p8", "p8");

    [Fact]
    public void A_month_step_clamps_the_day_and_keeps_the_time_and_fraction()
    {
        // 2024-01-31 10:00:00.123 + 1n = 2024-02-29 10:00:00.123 (leap year), as taosTimeAdd clamps tm_mday.
        Assert.Equal(1709200800123L, CalendarMonths.Add(1706695200123L, 1, TaosPrecision.Milliseconds, Utc));
    }

    [Fact]
    public void Month_indexes_and_starts_are_local_to_the_zone()
    {
        // 2024-01-31 20:00 UTC is February at +08:00.
        long ts = 1706731200000L;
        Assert.Equal(2024 * 12L, CalendarMonths.MonthIndex(ts, TaosPrecision.Milliseconds, Utc));
        Assert.Equal(2024 * 12L + 1, CalendarMonths.MonthIndex(ts, TaosPrecision.Milliseconds, Plus8));
        Assert.Equal(1706745600000L - 8 * 3_600_000L, CalendarMonths.MonthStart(2024 * 12L + 1, TaosPrecision.Milliseconds, Plus8));
    }

    [Fact]
    public void TryAdd_refuses_steps_off_the_calendar()
    {
        Assert.True(CalendarMonths.TryAdd(0, 12, TaosPrecision.Milliseconds, Utc, out long next));
        Assert.Equal(31_536_000_000L, next);
        Assert.False(CalendarMonths.TryAdd(0, 120_001, TaosPrecision.Milliseconds, Utc, out _));
        Assert.False(CalendarMonths.TryAdd(0, 100_000, TaosPrecision.Milliseconds, Utc, out _));
    }
}
