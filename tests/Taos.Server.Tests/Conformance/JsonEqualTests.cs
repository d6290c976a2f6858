using System.Text.Json;

namespace Taos.Server.Tests.Conformance;

/// <summary>The harness's comparison itself: it must be able to fail.</summary>
public class JsonEqualTests
{
    private static JsonElement J(string json) => JsonDocument.Parse(json).RootElement;

    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("{\"a\":1,\"b\":[true,null]}", "{\"b\":[true,null],\"a\":1}")]
    [InlineData("\"x\"", "\"x\"")]
    public void Equal_values_compare_equal(string a, string b) =>
        Assert.True(ConformanceReplayTests.JsonEqual(J(a), J(b)));

    [Theory]
    [InlineData("1", "2")]
    [InlineData("18446744073709551615", "18446744073709551614")]
    [InlineData("0.31", "0.310001")]
    [InlineData("[1,2]", "[2,1]")]
    [InlineData("{\"a\":1}", "{\"a\":1,\"b\":2}")]
    [InlineData("true", "false")]
    [InlineData("null", "0")]
    [InlineData("\"1\"", "1")]
    public void Different_values_compare_different(string a, string b) =>
        Assert.False(ConformanceReplayTests.JsonEqual(J(a), J(b)));
}
