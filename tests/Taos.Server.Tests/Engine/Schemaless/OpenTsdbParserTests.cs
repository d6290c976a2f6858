using System.Text;
using Taos.Server.Engine.Schemaless;

namespace Taos.Server.Tests.Engine.Schemaless;

/// <summary>The OpenTSDB telnet and JSON parsers alone.</summary>
public sealed class OpenTsdbParserTests
{
    [Fact]
    public void Telnet_lines_read_metric_time_value_and_tags()
    {
        var point = Assert.Single(TelnetLineParser.Parse(Encoding.UTF8.GetBytes("sys.if.bytes.out 1479496100 1.3E3 host=web01 interface=eth0\n"), SmlTimeUnit.NotConfigured));
        Assert.Equal(("sys.if.bytes.out", 1300.0, "_value"), (point.Measurement, point.Fields[0].Value, point.Fields[0].Key));
        Assert.Equal(new SmlTimestamp(1479496100, SmlTimeUnit.Seconds), point.Timestamp);
        Assert.Equal(["host", "interface"], point.Tags.Select(t => t.Key).ToList());
        Assert.Equal(SmlTimeUnit.Microseconds, TelnetLineParser.Parse(Encoding.UTF8.GetBytes("m 17 1 a=b"), SmlTimeUnit.Microseconds)[0].Timestamp.Unit);
        var e = Assert.Throws<TaosServerException>(() => TelnetLineParser.Parse(Encoding.UTF8.GetBytes("m 1479496100 x a=b"), SmlTimeUnit.NotConfigured));
        Assert.Equal((0x3002, "invalid value:m 1479496100 x a=b"), (e.Code, e.Message));
        e = Assert.Throws<TaosServerException>(() => TelnetLineParser.Parse(Encoding.UTF8.GetBytes("m 1479496100"), SmlTimeUnit.NotConfigured));
        Assert.Equal("invalid value:m 1479496100", e.Message);
    }

    [Fact]
    public void Json_reads_plain_and_typed_values()
    {
        var points = OpenTsdbJsonParser.Parse(Encoding.UTF8.GetBytes("""
            [{"metric":"m","timestamp":1479496100000,"value":true,"tags":{"host":"a","n":2}},
             {"metric":"m","timestamp":{"value":1479496100,"type":"s"},"value":{"value":7,"type":"tinyint"},"tags":{"host":{"value":"b","type":"binary"}}}]
            """), SmlTimeUnit.NotConfigured);
        Assert.Equal((TaosDataType.Bool, (object)true), (points[0].Fields[0].Type, points[0].Fields[0].Value));
        Assert.Equal([TaosDataType.NChar, TaosDataType.Double], points[0].Tags.Select(t => t.Type).ToList());
        Assert.Equal((TaosDataType.TinyInt, (object)(sbyte)7), (points[1].Fields[0].Type, points[1].Fields[0].Value));
        Assert.Equal(TaosDataType.VarChar, points[1].Tags[0].Type);
        Assert.Equal(new SmlTimestamp(1479496100, SmlTimeUnit.Seconds), points[1].Timestamp);
        var e = Assert.Throws<TaosServerException>(() => OpenTsdbJsonParser.Parse(Encoding.UTF8.GetBytes("""{"metric":"m","value":1,"tags":{}}"""), SmlTimeUnit.NotConfigured));
        Assert.Equal((0x3002, "Invalid data format"), (e.Code, e.Message));
    }

    [Fact]
    public void Telnet_lines_skip_runs_of_spaces_crlf_blank_lines_and_comments()
    {
        var points = TelnetLineParser.Parse(Encoding.UTF8.GetBytes("# c\r\n\r\n  m.é   1479496100  5i32  标签=值😀   b=2 \r\nm 1479496100123 t host=a\n"), SmlTimeUnit.NotConfigured);
        Assert.Equal(2, points.Count);
        Assert.Equal(("m.é", TaosDataType.Int, (object)5), (points[0].Measurement, points[0].Fields[0].Type, points[0].Fields[0].Value));
        Assert.Equal([("标签", "值😀", 7), ("b", "2", 1)], points[0].Tags.Select(t => (t.Key, (string)t.Value, t.Length)));
        Assert.Equal(new SmlTimestamp(1479496100123, SmlTimeUnit.Milliseconds), points[1].Timestamp);
        Assert.Equal((TaosDataType.Bool, (object)true), (points[1].Fields[0].Type, points[1].Fields[0].Value));
        var e = Assert.Throws<TaosServerException>(() => TelnetLineParser.Parse(Encoding.UTF8.GetBytes("m 1479496100 1 a=\nm 2"), SmlTimeUnit.NotConfigured));
        Assert.Equal((0x3002, "invalid value:a="), (e.Code, e.Message));
        e = Assert.Throws<TaosServerException>(() => TelnetLineParser.Parse(Encoding.UTF8.GetBytes("m 14794961x0 1 a=b"), SmlTimeUnit.NotConfigured));
        Assert.Equal((0x3002, "invalid timestamp:14794961x0"), (e.Code, e.Message));
        e = Assert.Throws<TaosServerException>(() => TelnetLineParser.Parse(Encoding.UTF8.GetBytes(new string('m', 193) + " 1479496100 1 a=b"), SmlTimeUnit.NotConfigured));
        Assert.Equal(0x0218, e.Code);
    }
}
