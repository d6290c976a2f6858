using System.Text;
using Taos.Server.Engine.Schemaless;

namespace Taos.Server.Tests.Engine.Schemaless;

/// <summary>The line-protocol parser alone: what clientSml reads from a line, and its refusals.</summary>
public sealed class InfluxLineParserTests
{
    private static TaosServerException Fails(string data)
    {
        return Assert.Throws<TaosServerException>(() => InfluxLineParser.Parse(Encoding.UTF8.GetBytes(data), SmlTimeUnit.Milliseconds));
    }

    [Fact]
    public void A_line_gives_measurement_tags_fields_and_time()
    {
        var point = Assert.Single(InfluxLineParser.Parse(Encoding.UTF8.GetBytes("# comment\n\n  st,t1=3,t2=a\\=b c1=3i64,c2=\"pass,it\",c3=L\"n\",c4=1e3 1626006833639\r\n"), SmlTimeUnit.Milliseconds));
        Assert.Equal("st", point.Measurement);
        Assert.Equal([("t1", "3"), ("t2", "a=b")], point.Tags.Select(t => (t.Key, (string)t.Value)).ToList());
        Assert.Equal([(TaosDataType.BigInt, (object)3L), (TaosDataType.VarChar, "pass,it"), (TaosDataType.NChar, "n"), (TaosDataType.Double, 1000.0)],
            point.Fields.Select(f => (f.Type, f.Value)).ToList());
        Assert.Equal(new SmlTimestamp(1626006833639, SmlTimeUnit.Milliseconds), point.Timestamp);
        Assert.True(InfluxLineParser.Parse(Encoding.UTF8.GetBytes("st c=1"), SmlTimeUnit.NotConfigured)[0].Timestamp.IsNow);
        Assert.Equal(SmlTimeUnit.Nanoseconds, InfluxLineParser.Parse(Encoding.UTF8.GetBytes("st c=1 5"), SmlTimeUnit.NotConfigured)[0].Timestamp.Unit);
    }

    [Fact]
    public void Malformed_lines_are_refused_with_clientSml_texts()
    {
        Assert.Equal((0x3002, "Invalid data format"), (Fails(",t=1 c=1").Code, Fails(",t=1 c=1").Message));
        Assert.Equal("invalid data: c=1", Fails("st,t1 c=1").Message);
        Assert.Equal("invalid value: c=1", Fails("st,t1= c=1").Message);
        Assert.Equal("invalid key or key is too long than 64:=1 1", Fails("st =1 1").Message);
        Assert.Equal(0x021F, Fails("st " + new string('k', 65) + "=1").Code);
        Assert.Equal((0x0218, "measure is empty or too large than 192"), (Fails(new string('m', 193) + " c=1").Code, Fails(new string('m', 193) + " c=1").Message));
        Assert.Equal("smlParseValue error:tru 1", Fails("st c=tru 1").Message);
        Assert.Equal("smlParseValue error:128i8", Fails("st c=128i8").Message);
    }

    [Fact]
    public void Lines_of_one_series_share_its_tags_and_series_text()
    {
        var points = InfluxLineParser.Parse(Encoding.UTF8.GetBytes("st,t=1 c=1i64 1\nst,t=1 c=2i64 2\nst,t=2 c=3i64 3\nst\\ x,t=1 c=4 4\nst\\ x,t=1 c=5 5"), SmlTimeUnit.Milliseconds);
        Assert.Equal(5, points.Count);
        Assert.Same(points[0].Tags, points[1].Tags);
        Assert.Same(points[0].Series, points[1].Series);
        Assert.Equal("st,t=1", points[0].Series);
        Assert.NotSame(points[0].Tags, points[2].Tags);
        Assert.Equal("2", points[2].Tags[0].Value);
        // An escaped space belongs to the measurement, so to the series.
        Assert.Equal("st x", points[3].Measurement);
        Assert.Equal("st\\ x,t=1", points[4].Series);
        Assert.Same(points[3].Tags, points[4].Tags);
        Assert.Equal([1L, 2L, 3L], points.Take(3).Select(p => (long)p.Fields[0].Value));
    }

    [Fact]
    public void Integer_fields_read_as_before_at_the_edges_of_bigint()
    {
        Assert.Equal(long.MaxValue, InfluxLineParser.Parse(Encoding.UTF8.GetBytes("st c=9223372036854775807i64"), SmlTimeUnit.Milliseconds)[0].Fields[0].Value);
        Assert.Equal(-5L, InfluxLineParser.Parse(Encoding.UTF8.GetBytes("st c=-5i"), SmlTimeUnit.Milliseconds)[0].Fields[0].Value);
        Assert.Equal(1500L, InfluxLineParser.Parse(Encoding.UTF8.GetBytes("st c=1.5e3I64"), SmlTimeUnit.Milliseconds)[0].Fields[0].Value);
        Assert.Equal("smlParseValue error:1e30i64", Fails("st c=1e30i64").Message);
        Assert.Equal("smlParseValue error:5I", Fails("st c=5I").Message);
    }
}
