using Taos.Server.Engine.Time;

namespace Taos.Server.Tests.Engine.Time;

public class EarlyTimestampsTests
{
    // Recorded from TDengine 3.3.0.1 (rest-breadth fn#66, #72, #79): TIMEDIFF(ts, 0) of these rows.
    [Theory]
    [InlineData(-86400001L, TaosPrecision.Milliseconds, -86400000L)]
    [InlineData(-1000001L, TaosPrecision.Microseconds, -1000000L)]
    [InlineData(-1L, TaosPrecision.Nanoseconds, 0L)]
    public void Times_before_1970_lose_their_fraction(long ticks, TaosPrecision precision, long expected)
    {
        Assert.Equal(expected, EarlyTimestamps.AsRead(ticks, precision));
    }

    [Theory]
    [InlineData(1704067200123L, TaosPrecision.Milliseconds)]
    [InlineData(1709210096789012345L, TaosPrecision.Nanoseconds)]
    public void Times_from_2001_keep_theirs(long ticks, TaosPrecision precision)
    {
        Assert.Equal(ticks, EarlyTimestamps.AsRead(ticks, precision));
    }

    [Fact]
    public void Times_before_2001_are_read_as_whole_seconds()
    {
        // 1990-01-01T00:00:00.500Z: 631152000 seconds, below 10^9.
        Assert.Equal(631152000000L, EarlyTimestamps.AsRead(631152000500L, TaosPrecision.Milliseconds));
    }
}
