using Taos.Server.Engine.Binding;

namespace Taos.Server.Tests.Engine.Binding;

/// <summary>Value conversions and comparisons over result values.</summary>
public class ValuesTests
{
    [Fact]
    public void Integers_compare_exactly_across_signedness()
    {
        Assert.True(Values.Compare(ulong.MaxValue, -1L) > 0);
        Assert.True(Values.Compare(-1, 0UL) < 0);
        Assert.Equal(0, Values.Compare((sbyte)5, 5UL));
        Assert.True(Values.Compare(long.MaxValue, long.MaxValue - 1) > 0);
    }

    [Fact]
    public void Strings_compare_in_code_point_order()
    {
        Assert.True(Values.CompareStrings("\uFFFF", "\U0001F600") < 0);
        Assert.True(Values.CompareStrings("a", "ab") < 0);
    }

    [Fact]
    public void Text_of_values_cast_to_strings()
    {
        Assert.Equal("1.500000", Values.ToText(1.5));
        Assert.Equal("true", Values.ToText(true));
        Assert.Equal("42", Values.ToText(42L));
    }

    [Fact]
    public void Timestamp_conversion_reads_text_in_the_zone()
    {
        Assert.Equal(1704067200000L, Values.Convert("2024-01-01 00:00:00", TaosDataType.Timestamp, TaosPrecision.Milliseconds, TimeZoneInfo.Utc));
        Assert.Equal(123L, Values.Convert("123", TaosDataType.Timestamp, TaosPrecision.Milliseconds, TimeZoneInfo.Utc));
        Assert.Null(Values.Convert("junk", TaosDataType.Timestamp, TaosPrecision.Milliseconds, TimeZoneInfo.Utc));
        Assert.Equal(long.MaxValue, Values.ToLong(1e30));
    }
}
