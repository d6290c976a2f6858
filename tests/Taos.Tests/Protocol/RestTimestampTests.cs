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

    [Theory]
    [InlineData("2024-01-01T00:00:00.000Z", true)]
    [InlineData("2024-02-29T23:59:59.999999Z", true)]
    [InlineData("1969-12-31T23:59:59.123456789Z", true)]
    [InlineData("2024-01-01 08:00:05.000+08:00", true)]
    [InlineData("2024-01-01T08:00:05.5-03:30", true)]
    [InlineData("2024-01-01T08:00:05Z", true)]
    [InlineData("9998-12-31T23:59:59.999Z", true)]
    [InlineData("0002-01-01T00:00:00.000Z", true)]
    [InlineData("0001-01-01T00:00:00.000Z", true)]
    [InlineData("9999-12-31T23:59:59.999Z", true)]
    [InlineData("0000-01-01T00:00:00.000Z", false)]
    [InlineData("2262-04-11T23:47:16.854775807Z", true)]
    [InlineData("2262-04-11T23:47:16.854775808Z", false)]
    [InlineData("9999-12-31T23:59:59.999999999Z", false)]
    [InlineData("2024-01-01T00:00:00.000\u00e9", false)]
    [InlineData("2023-02-29T00:00:00.000Z", false)]
    [InlineData("2024-13-01T00:00:00.000Z", false)]
    [InlineData("2024-01-01T24:00:00.000Z", false)]
    [InlineData("2024-01-01T00:60:00.000Z", false)]
    [InlineData("2024-01-01T00:00:60.000Z", false)]
    [InlineData("2024-01-01T00:00:00.0000000000Z", false)]
    [InlineData("2024-01-01T00:00:00.000", false)]
    [InlineData("2024-01-01T00:00:00.000+0800", false)]
    [InlineData("2024-0a-01T00:00:00.000Z", false)]
    [InlineData("+024-01-01T00:00:00.000Z", false)]
    [InlineData("2024-01-01T00:00:00.000Zx", false)]
    public void TryParse_of_text_and_of_UTF8_agree_and_refuse_what_the_precision_cannot_hold(string text, bool taken)
    {
        bool parsed = RestTimestamp.TryParseUtf8(System.Text.Encoding.UTF8.GetBytes(text), out long ticks, out var precision, out var offset);
        Assert.Equal(taken, parsed);
        Assert.Equal(taken, RestTimestamp.TryParse(text, out long textTicks, out var textPrecision, out var textOffset));
        Assert.Equal((textTicks, textPrecision, textOffset), (ticks, precision, offset));
        if (parsed && offset == TimeSpan.Zero && precision == TaosPrecision.Milliseconds)
        {
            Assert.Equal(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), ticks);
        }
    }

    [Fact]
    public void Random_moments_of_every_precision_and_zone_parse_back_to_their_ticks()
    {
        TimeZoneInfo?[] zones = [null, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"),
            TimeZoneInfo.FindSystemTimeZoneById("America/St_Johns"), TimeZoneInfo.FindSystemTimeZoneById("Pacific/Chatham")];
        var random = new Random(1414);
        for (int n = 0; n < 20_000; n++)
        {
            var precision = (TaosPrecision)random.Next(3);
            // Years 2 to 9998 (a zone's offset may not leave 1 to 9999), or what 64-bit nanoseconds hold.
            (long min, long max) = precision switch
            {
                TaosPrecision.Milliseconds => (-62_104_060_800_000L, 253_370_764_800_000L),
                TaosPrecision.Microseconds => (-62_104_060_800_000_000L, 253_370_764_800_000_000L),
                _ => (long.MinValue + 86_400_000_000_000L, long.MaxValue - 86_400_000_000_000L),
            };
            long ticks = random.NextInt64(min, max);
            var zone = zones[random.Next(zones.Length)];
            string text = RestTimestamp.Format(ticks, precision, zone);
            Assert.True(RestTimestamp.TryParseUtf8(System.Text.Encoding.UTF8.GetBytes(text), out long parsed, out var parsedPrecision, out var offset), text);
            Assert.Equal((ticks, precision), (parsed, parsedPrecision));
            var utc = DateTime.UnixEpoch.AddSeconds(Math.Floor(ticks / (double)PrecisionTicks.PerSecond(precision)));
            Assert.Equal(zone?.GetUtcOffset(utc) ?? TimeSpan.Zero, offset);
        }
    }
}
