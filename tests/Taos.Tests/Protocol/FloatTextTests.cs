using Taos.Protocol;

namespace Taos.Tests.Protocol;

public class FloatTextTests
{
    [Theory]
    [InlineData(0.31f, "0.31")]
    [InlineData(-3.4e38f, "-3.4e+38")]
    [InlineData(1e-7f, "1e-7")]
    public void Float_digits_are_the_floats_own(float value, string expected)
    {
        Assert.Equal(expected, FloatText.FormatFloat(value));
        Assert.Equal(RestNumber.FormatFloat(value), FloatText.FormatFloat(value));
    }

    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1.5e-10, "1.5e-10")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(0.0, "0")]
    public void Double_digits_are_the_shortest_round_trip(double value, string expected)
    {
        Assert.Equal(expected, FloatText.FormatDouble(value));
        Assert.Equal(RestNumber.FormatDouble(value), FloatText.FormatDouble(value));
    }
}
