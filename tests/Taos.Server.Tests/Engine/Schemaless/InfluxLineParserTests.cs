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

    private static List<SmlPoint> Parse(string data) => InfluxLineParser.Parse(Encoding.UTF8.GetBytes(data), SmlTimeUnit.Milliseconds);

    [Fact]
    public void Every_field_suffix_gives_its_type_and_value()
    {
        var fields = Assert.Single(Parse("st a=-8i8,b=8u8,c=-16i16,d=16u16,e=-32i32,f=32u32,g=-64i64,h=64u64,i=-1i,j=1.5f32,k=2.5f64,l=3.5,"
            + "m=t,n=T,o=true,p=FALSE,q=f,r=\"s\",s=L\"n\",t=b\"\\x0aFF\",u=B\"raw\",v=g\"POINT (1 2)\",w=1E2I32,x=7U64 1")).Fields;
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x"],
            fields.Select(f => f.Key));
        Assert.Equal([TaosDataType.TinyInt, TaosDataType.UTinyInt, TaosDataType.SmallInt, TaosDataType.USmallInt, TaosDataType.Int, TaosDataType.UInt,
            TaosDataType.BigInt, TaosDataType.UBigInt, TaosDataType.BigInt, TaosDataType.Float, TaosDataType.Double, TaosDataType.Double,
            TaosDataType.Bool, TaosDataType.Bool, TaosDataType.Bool, TaosDataType.Bool, TaosDataType.Bool, TaosDataType.VarChar, TaosDataType.NChar,
            TaosDataType.VarBinary, TaosDataType.VarBinary, TaosDataType.Geometry, TaosDataType.Int, TaosDataType.UBigInt], fields.Select(f => f.Type));
        Assert.Equal([(sbyte)-8, (byte)8, (short)-16, (ushort)16, -32, 32u, -64L, 64UL, -1L, 1.5f, 2.5, 3.5, true, true, true, false, false, "s", "n"],
            fields.Take(19).Select(f => f.Value));
        Assert.Equal(new byte[] { 0x0a, 0xff }, fields[19].Value);
        Assert.Equal("raw"u8.ToArray(), fields[20].Value);
        Assert.Equal((100, 7UL), ((int)fields[22].Value, (ulong)fields[23].Value));
        Assert.Equal([1, 1, 2, 2, 4, 4, 8, 8, 8, 4, 8, 8, 1, 1, 1, 1, 1, 1, 1, 2, 3], fields.Take(21).Select(f => f.Length));
    }

    [Fact]
    public void Escapes_are_removed_from_measurements_keys_tags_and_strings()
    {
        var point = Assert.Single(Parse(@"m\ x\,y,k\ 1\,\=k=v\ 1\,v\=,t=a\\b f\ 1\=\,=""q\""u\\o\te"",g=L""\"""" 1"));
        Assert.Equal("m x,y", point.Measurement);
        Assert.Equal([("k 1,=k", "v 1,v="), ("t", @"a\\b")], point.Tags.Select(t => (t.Key, (string)t.Value)));
        Assert.Equal([("f 1=,", @"q""u\o\te"), ("g", "\"")], point.Fields.Select(f => (f.Key, (string)f.Value)));
        Assert.Equal(@"m\ x\,y,k\ 1\,\=k=v\ 1\,v\=,t=a\\b", point.Series);
        // A tag value ending in a backslash escapes the space after it: the rest of the line is still the series.
        Assert.Equal("invalid data:=1 1", Fails(@"st,t=a\ c=1 1").Message);
    }

    [Fact]
    public void Unicode_text_keeps_its_characters_and_counts_its_bytes()
    {
        var point = Assert.Single(Parse("测量,标签=值😀 字段=\"ü中\",n=L\"é\" 1"));
        Assert.Equal("测量", point.Measurement);
        Assert.Equal(("标签", "值😀", 7), (point.Tags[0].Key, (string)point.Tags[0].Value, point.Tags[0].Length));
        Assert.Equal([("字段", "ü中", 5), ("n", "é", 2)], point.Fields.Select(f => (f.Key, (string)f.Value, f.Length)));
        Assert.Equal("smlParseValue error:值😀 1", Fails("测量 键=1,字段=值😀 1").Message);
        Assert.Equal(0x021F, Fails("st " + string.Concat(Enumerable.Repeat("键", 22)) + "=1").Code);
        Assert.Single(Parse("st " + string.Concat(Enumerable.Repeat("键", 21)) + "=1"));
        Assert.Equal(0x0218, Fails(string.Concat(Enumerable.Repeat("测", 65)) + " c=1").Code);
    }

    [Fact]
    public void Crlf_blank_lines_spaces_and_comments_are_skipped()
    {
        var points = Parse("\r\n  \n# st c=9 9\r\nst c=1 1\r\n\r\n   st  c=2   2  \r\n#\nst c=3");
        Assert.Equal([1L, 2L, 0L], points.Select(p => p.Timestamp.Value));
        Assert.Equal([1.0, 2.0, 3.0], points.Select(p => (double)p.Fields[0].Value));
        Assert.Empty(Parse("\n\r\n# only a comment\n   \n"));
    }

    [Fact]
    public void An_error_quotes_the_rest_of_the_data_cut_to_511_characters()
    {
        string tail = string.Concat(Enumerable.Range(0, 400).Select(i => $"\nst,t=é c={i} {i}"));
        var e = Fails("st c=1 1\nst c=1x 2" + tail);
        Assert.Equal(0x0203, e.Code);
        Assert.Equal(511, e.Message.Length);
        Assert.Equal(("smlParseValue error:1x 2" + tail)[..511], e.Message);
    }
}
