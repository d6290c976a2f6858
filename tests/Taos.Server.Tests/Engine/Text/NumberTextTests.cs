using Taos.Server.Engine.Text;

namespace Taos.Server.Tests.Engine.Text;

public class NumberTextTests
{
    [Fact]
    public void Floats_show_their_shortest_round_trip_digits()
    {
        Assert.Equal("1.5", NumberText.Shortest(1.5f));
        Assert.Equal("0.1", NumberText.Shortest(0.1f));
        Assert.Equal("0.1", NumberText.Shortest(0.1));
        Assert.Equal("1e+21", NumberText.Shortest(1e21));
        Assert.Equal("100", NumberText.Shortest(100.0));
    }
}
