using Taos.Protocol;

namespace Taos.Tests.Protocol;

public class PrecisionTicksTests
{
    [Theory]
    [InlineData(TaosPrecision.Milliseconds, 1_000L, 1_000_000L)]
    [InlineData(TaosPrecision.Microseconds, 1_000_000L, 1_000L)]
    [InlineData(TaosPrecision.Nanoseconds, 1_000_000_000L, 1L)]
    public void Ticks_per_second_and_nanoseconds_per_tick(TaosPrecision precision, long perSecond, long nanosPerTick)
    {
        Assert.Equal(perSecond, PrecisionTicks.PerSecond(precision));
        Assert.Equal(nanosPerTick, PrecisionTicks.NanosecondsPerTick(precision));
        Assert.Equal(1_000_000_000L, PrecisionTicks.PerSecond(precision) * PrecisionTicks.NanosecondsPerTick(precision));
    }
}
