using Taos.Server.Engine.Topics;
using Taos.Server.Engine.Write;

namespace Taos.Server.Tests.Engine.Topics;

/// <summary>GEOMETRY tag values go back to WKT when write_raw creates a child table from raw meta.</summary>
public class WkbTextTests
{
    [Theory]
    [InlineData("POINT(1 2)")]
    [InlineData("POINT(-1.5 2.25)")]
    [InlineData("LINESTRING(1 2,3 4,5 6)")]
    [InlineData("POLYGON((0 0,1 0,1 1,0 0))")]
    public void Wkb_reads_back_as_the_wkt_it_came_from(string wkt)
    {
        byte[] wkb = WktReader.TryRead(wkt, out string? error) ?? throw new InvalidOperationException(error);
        Assert.Equal(wkt, WkbText.Write(wkb));
        Assert.Equal(wkb, WktReader.TryRead(WkbText.Write(wkb), out _));
    }

    [Fact]
    public void Malformed_wkb_is_a_format_exception()
    {
        byte[] point = WktReader.TryRead("POINT(1 2)", out _)!;
        Assert.Throws<FormatException>(() => WkbText.Write(point[..^1]));
        byte[] unknown = [.. point];
        unknown[1] = 9;
        Assert.Throws<FormatException>(() => WkbText.Write(unknown));
    }
}
