using Taos.Protocol;

namespace Taos.Tests.Protocol;

/// <summary>Floating-point text as taosAdapter (Go's encoding/json) writes it, and as TDengine's SQL shows it.</summary>
public class FloatTextTests
{
    [Theory]
    [InlineData(0.31f, "0.31")]
    [InlineData(-3.4e38f, "-3.4e+38")]
    [InlineData(3.14f, "3.14")]
    [InlineData(10f, "10")]
    [InlineData(1e-7f, "1e-7")]
    [InlineData(1.5f, "1.5")]
    [InlineData(0.1f, "0.1")]
    public void FormatFloat_matches_taosAdapter(float value, string expected) =>
        Assert.Equal(expected, FloatText.FormatFloat(value));

    [Theory]
    [InlineData(1.7e308, "1.7e+308")]
    [InlineData(11.422222243414986, "11.422222243414986")]
    [InlineData(222.0, "222")]
    [InlineData(21.600000381469727, "21.600000381469727")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1.5e-10, "1.5e-10")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(0.0, "0")]
    [InlineData(0.1, "0.1")]
    [InlineData(100.0, "100")]
    public void FormatDouble_matches_taosAdapter(double value, string expected) =>
        Assert.Equal(expected, FloatText.FormatDouble(value));
}
