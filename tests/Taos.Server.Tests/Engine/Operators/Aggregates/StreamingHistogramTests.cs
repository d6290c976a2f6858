using Taos.Server.Engine.Operators.Aggregates;

namespace Taos.Server.Tests.Engine.Operators.Aggregates;

public class StreamingHistogramTests
{
    private static StreamingHistogram Of(params double[] values)
    {
        var h = new StreamingHistogram();
        foreach (var v in values) h.Add(v);
        return h;
    }

    [Fact]
    public void The_median_of_a_few_values_is_the_bin_reached_as_TDengine_recorded()
    {
        // rest-breadth fn#8: APERCENTILE(v, 50) of 1, 2, 3, 5, 6, 7 is 3 (the exact percentile is 4).
        Assert.Equal(3.0, Of(1, 2, 3, 5, 6, 7).Percentile(50));
    }

    [Fact]
    public void The_ends_are_the_minimum_and_the_maximum()
    {
        var h = Of(4, 9, 1, 7);
        Assert.Equal(1.0, h.Percentile(0));
        Assert.Equal(9.0, h.Percentile(100));
        Assert.Equal(1.0, h.Percentile(10));
    }

    [Fact]
    public void Between_bins_it_interpolates()
    {
        // 4 values: 30 % is 1.2 values, 0.2 of the way from the first bin (1) to the second (2).
        Assert.Equal(1.2, Of(1, 2, 3, 4).Percentile(30), 9);
    }

    [Fact]
    public void More_distinct_values_than_bins_merge_the_closest_and_keep_the_estimate_close()
    {
        var h = new StreamingHistogram();
        for (int i = 1; i <= 10_000; i++) h.Add(i);
        Assert.Equal(10_000, h.Total);
        Assert.InRange(h.Percentile(50), 4_900, 5_100);
    }
}
