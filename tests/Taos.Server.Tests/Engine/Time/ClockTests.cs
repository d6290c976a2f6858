using Taos.Server.Engine.Time;

namespace Taos.Server.Tests.Engine.Time;

public class ClockTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

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
    public void Today_is_local_midnight_in_the_zone()
    {
        var plus8 = TimeZoneInfo.CreateCustomTimeZone("p8", TimeSpan.FromHours(8), "p8", "p8");
        // 2024-01-01 20:00 UTC is 2024-01-02 04:00 at +08:00: today there began 2024-01-01 16:00 UTC.
        Assert.Equal(1704124800000L, Clock.Today(1704139200000L, TaosPrecision.Milliseconds, plus8));
        Assert.Equal(1704067200000L, Clock.Today(1704139200000L, TaosPrecision.Milliseconds, Utc));
    }
}
