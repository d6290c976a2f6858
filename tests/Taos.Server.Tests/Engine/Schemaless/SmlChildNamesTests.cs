using System.Text;
using Taos.Server.Engine.Schemaless;

namespace Taos.Server.Tests.Engine.Schemaless;

/// <summary>The cache of derived child table names: the same name as deriving it each time, per series text, bounded.</summary>
public sealed class SmlChildNamesTests
{
    [Fact]
    public void A_series_is_named_as_TDengine_derives_it_and_the_same_across_requests()
    {
        var names = new SmlChildNames();
        var first = InfluxLineParser.Parse(Encoding.UTF8.GetBytes("st,b=2,a=1 c=1 1"), SmlTimeUnit.Milliseconds)[0];
        var again = InfluxLineParser.Parse(Encoding.UTF8.GetBytes("st,b=2,a=1 c=9 2"), SmlTimeUnit.Milliseconds)[0];
        var other = InfluxLineParser.Parse(Encoding.UTF8.GetBytes("st,a=1,b=3 c=1 1"), SmlTimeUnit.Milliseconds)[0];
        string name = names.Of("st", first);
        Assert.Equal(SmlChildName.Of("st", first.Tags), name);
        Assert.Equal(name, names.Of("st", again));
        Assert.Equal(SmlChildName.Of("st", other.Tags), names.Of("st", other));
        Assert.NotEqual(name, names.Of("st", other));
    }

    [Fact]
    public void It_starts_over_when_full_and_still_names_right()
    {
        var names = new SmlChildNames();
        var lines = string.Join('\n', Enumerable.Range(0, SmlChildNames.Capacity + 10).Select(i => $"st,t={i} c=1 1"));
        var points = InfluxLineParser.Parse(Encoding.UTF8.GetBytes(lines), SmlTimeUnit.Milliseconds);
        foreach (var point in points) names.Of("st", point);
        Assert.Equal(SmlChildName.Of("st", points[0].Tags), names.Of("st", points[0]));
        Assert.Equal(SmlChildName.Of("st", points[^1].Tags), names.Of("st", points[^1]));
    }

    [Fact]
    public void A_point_without_series_text_is_refused()
    {
        var point = new SmlPoint("st", [], [], new SmlTimestamp(1, SmlTimeUnit.Milliseconds));
        Assert.Throws<ArgumentException>(() => new SmlChildNames().Of("st", point));
    }
}
