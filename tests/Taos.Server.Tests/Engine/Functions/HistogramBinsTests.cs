using Taos.Server.Engine.Functions;

namespace Taos.Server.Tests.Engine.Functions;

public class HistogramBinsTests
{
    [Fact]
    public void User_input_edges_are_the_array()
    {
        Assert.Equal([0.0, 3, 6, 10], HistogramBins.Edges("user_input", "[0, 3, 6, 10]")!);
    }

    [Fact]
    public void Linear_and_log_bins_are_generated_with_optional_infinite_ends()
    {
        Assert.Equal([0.0, 5, 10], HistogramBins.Edges("linear_bin", """{"start": 0, "width": 5, "count": 2, "infinity": false}""")!);
        Assert.Equal([double.NegativeInfinity, 1, 10, 100, double.PositiveInfinity],
            HistogramBins.Edges("LOG_BIN", """{"start": 1, "factor": 10, "count": 2, "infinity": true}""")!);
    }

    [Theory]
    [InlineData("user_input", "[3, 1]")]
    [InlineData("user_input", "[1]")]
    [InlineData("user_input", "not json")]
    [InlineData("linear_bin", """{"start": 0, "width": 0, "count": 2, "infinity": false}""")]
    [InlineData("linear_bin", """{"start": 0, "count": 2, "infinity": false}""")]
    [InlineData("log_bin", """{"start": 1, "factor": 1, "count": 2, "infinity": false}""")]
    [InlineData("other_bin", "[0, 1]")]
    public void A_bad_description_has_no_edges(string type, string description)
    {
        Assert.Null(HistogramBins.Edges(type, description));
    }

    [Fact]
    public void A_bin_is_written_as_TDengine_writes_it()
    {
        Assert.Equal("{\"lower_bin\":0, \"upper_bin\":3, \"count\":3}", HistogramBins.Text(0, 3, 3, null));
        Assert.Equal("{\"lower_bin\":-inf, \"upper_bin\":1e+06, \"count\":0.500000}", HistogramBins.Text(double.NegativeInfinity, 1e6, 1, 0.5));
    }
}
