using Taos.Server.Engine.Topics;

namespace Taos.Server.Tests.Engine.Topics;

/// <summary>C's printf conversions of TDengine's JSON meta: cJSON's print_number (%1.15g, else %1.17g) and dataConverToStr's %e.</summary>
public class CFormatTests
{
    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(-7.0, "-7")]
    [InlineData(2.5, "2.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1e15, "1e+15")]
    [InlineData(123456789012345.0, "123456789012345")]
    [InlineData(1234567890123456.0, "1234567890123456")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(1.1f, "1.1000000238418579")]
    [InlineData(double.NaN, "null")]
    public void Numbers_print_as_cjson_prints_them(double value, string expected) => Assert.Equal(expected, CFormat.Number(value));

    [Theory]
    [InlineData(1.5, "1.500000e+00")]
    [InlineData(-123456.0, "-1.234560e+05")]
    [InlineData(1e-7, "1.000000e-07")]
    [InlineData(1e100, "1.000000e+100")]
    public void Exponent_is_cs_percent_e(double value, string expected) => Assert.Equal(expected, CFormat.Exponent(value));
}
