using Taos.Server.Engine.Time;

namespace Taos.Server.Tests.Engine.Time;

public class PrecisionsTests
{
    [Fact]
    public void Convert_between_precisions()
    {
        Assert.Equal(1_000_000L, Precisions.Convert(1, TaosPrecision.Milliseconds, TaosPrecision.Nanoseconds));
        Assert.Equal(-1L, Precisions.Convert(-1, TaosPrecision.Nanoseconds, TaosPrecision.Milliseconds));
        Assert.Equal(1L, Precisions.Convert(1_999, TaosPrecision.Microseconds, TaosPrecision.Milliseconds));
    }

    [Theory]
    [InlineData("ms", TaosPrecision.Milliseconds)]
    [InlineData("US", TaosPrecision.Microseconds)]
    [InlineData("ns", TaosPrecision.Nanoseconds)]
    public void Names_read_and_write(string text, TaosPrecision precision)
    {
        Assert.True(Precisions.TryParse(text, out var parsed));
        Assert.Equal(precision, parsed);
        Assert.Equal(text.ToLowerInvariant(), Precisions.Name(precision));
        Assert.False(Precisions.TryParse("s", out _));
    }
}
