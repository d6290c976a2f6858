using Taos.Server.Engine.Time;

namespace Taos.Server.Tests.Engine.Time;

public class Iso8601TextTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly TimeZoneInfo Plus8 = TimeZoneInfo.CreateCustomTimeZone("p8", TimeSpan.FromHours(8), "p8", "p8");

    [Fact]
    public void Writes_local_time_with_the_fraction_and_offset()
    {
        Assert.Equal("2024-01-01T08:00:00.000+0800", Iso8601Text.Format(1704067200000L, Plus8));
        Assert.Equal("2024-01-01T00:00:00.000001+0000", Iso8601Text.Format(1704067200000001L, Utc));
    }

    // Recorded from TDengine 3.3.0.1 (rest-breadth fn#56, #62, #71, #77): the digit count decides the precision.
    [Theory]
    [InlineData(0L, "1970-01-01T00:00:00+0000")]
    [InlineData(-1L, "1969-12-31T23:59:59+0000")]
    [InlineData(-86400001L, "1967-04-06T23:59:59+0000")]
    [InlineData(-1000001L, "1969-12-20T10:13:19+0000")]
    [InlineData(1704067200123456L, "2024-01-01T00:00:00.123456+0000")]
    [InlineData(1704067200123456789L, "2024-01-01T00:00:00.123456789+0000")]
    public void Reads_the_precision_from_the_number_of_digits(long value, string expected)
    {
        Assert.Equal(expected, Iso8601Text.Format(value, Utc));
    }

    [Fact]
    public void Writes_the_time_at_the_given_zone_with_its_text()
    {
        Assert.Equal("2024-01-01T08:00:00.000+08:00", Iso8601Text.Format(1704067200000L, TimeSpan.FromHours(8), "+08:00"));
        Assert.Equal("2024-01-01T00:00:00.000Z", Iso8601Text.Format(1704067200000L, TimeSpan.Zero, "Z"));
        Assert.Equal("1967-04-07T07:59:59+08:00", Iso8601Text.Format(-86400001L, TimeSpan.FromHours(8), "+08:00"));
    }

    [Theory]
    [InlineData(17040672001L)]
    [InlineData(170406720012345L)]
    public void Other_lengths_have_no_answer(long value)
    {
        Assert.Null(Iso8601Text.Format(value, Utc));
    }
}
