using Taos.Schemaless;

namespace Taos.Tests.Schemaless;

/// <summary>
/// <see cref="TaosPoint"/>'s line protocol: the escaping of the InfluxDB line-protocol reference, TDengine's type
/// suffixes, the timestamp in each precision, and the values a line cannot carry.
/// </summary>
public class TaosPointTests
{
    [Fact]
    public void Escapes_as_the_line_protocol_reference_shows()
    {
        // docs.influxdata.com line protocol, "Special characters": measurement "my Measurement", tag key "tag Key1",
        // tag value "tag Value1", field key "field Key1", string field value "\"string\" within a string".
        var point = TaosPoint.Measurement("my Measurement").Tag("tag Key1", "tag Value1")
            .Field("field Key1", "\"string\" within a string").Timestamp(1556813561098000000);
        Assert.Equal(@"my\ Measurement,tag\ Key1=tag\ Value1 field\ Key1=""\""string\"" within a string"" 1556813561098000000", point.ToString());
        Assert.Equal(@"m\,x=1,k\,\=\ =v\,\=\  f\,\=\ =""a\\b""", TaosPoint.Measurement("m,x=1").Tag("k,= ", "v,= ").Field("f,= ", @"a\b").ToString());
        Assert.Equal(@"m,k=a\b f=L""中\""文""", TaosPoint.Measurement("m").Tag("k", @"a\b").NCharField("f", "中\"文").ToString());
    }

    [Fact]
    public void Every_field_type_gets_its_suffix()
    {
        var point = TaosPoint.Measurement("m")
            .Field("d", 10.3).Field("f", 1.5f).Field("i64", -9L).Field("i32", 219).Field("i16", (short)-7).Field("i8", (sbyte)-3)
            .Field("u64", ulong.MaxValue).Field("u32", uint.MaxValue).Field("u16", ushort.MaxValue).Field("u8", byte.MaxValue)
            .Field("b", true).Field("c", false).Field("s", "x").Field("n", (string)"y").Field("vb", new byte[] { 1, 0xAB });
        Assert.Equal("m d=10.3f64,f=1.5f32,i64=-9i64,i32=219i32,i16=-7i16,i8=-3i8,u64=18446744073709551615u64,u32=4294967295u32," +
            "u16=65535u16,u8=255u8,b=true,c=false,s=\"x\",n=\"y\",vb=b\"\\x01AB\"", point.ToString());
        Assert.Equal("m d=1E+300f64,e=5E-324f64", TaosPoint.Measurement("m").Field("d", 1e300).Field("e", double.Epsilon).ToString());
    }

    [Theory]
    [InlineData(TaosSchemalessPrecision.Nanoseconds, "1700000000123456700")]
    [InlineData(TaosSchemalessPrecision.NotConfigured, "1700000000123456700")]
    [InlineData(TaosSchemalessPrecision.Microseconds, "1700000000123456")]
    [InlineData(TaosSchemalessPrecision.Milliseconds, "1700000000123")]
    [InlineData(TaosSchemalessPrecision.Seconds, "1700000000")]
    [InlineData(TaosSchemalessPrecision.Minutes, "28333333")]
    [InlineData(TaosSchemalessPrecision.Hours, "472222")]
    public void A_time_is_written_in_the_unit_of_the_precision(TaosSchemalessPrecision precision, string expected)
    {
        var time = DateTime.UnixEpoch.AddTicks(17000000001234567);
        Assert.Equal("m v=1i32 " + expected, TaosPoint.Measurement("m").Field("v", 1).Timestamp(time).ToLineProtocol(precision));
        Assert.Equal("m v=1i32 " + expected, TaosPoint.Measurement("m").Field("v", 1).Timestamp(new DateTimeOffset(time).ToOffset(TimeSpan.FromHours(8))).ToLineProtocol(precision));
    }

    [Fact]
    public void Raw_nanosecond_and_pre_1970_timestamps()
    {
        Assert.Equal("m v=1i32 42", TaosPoint.Measurement("m").Field("v", 1).Timestamp(42).ToLineProtocol(TaosSchemalessPrecision.Seconds));
        var ts = new TaosTimestamp(1700000000123456789, TaosPrecision.Nanoseconds);
        Assert.Equal("m v=1i32 1700000000123456789", TaosPoint.Measurement("m").Field("v", 1).Timestamp(ts).ToString());
        var before = DateTime.UnixEpoch.AddMilliseconds(-1500);
        Assert.Equal("m v=1i32 -2", TaosPoint.Measurement("m").Field("v", 1).Timestamp(before).ToLineProtocol(TaosSchemalessPrecision.Seconds));
        Assert.Equal("m v=1i32", TaosPoint.Measurement("m").Field("v", 1).ToString());
    }

    [Fact]
    public void Values_a_line_cannot_carry_are_refused_and_leave_the_point_as_it_was()
    {
        Assert.Throws<ArgumentException>(() => TaosPoint.Measurement(""));
        Assert.Throws<ArgumentException>(() => TaosPoint.Measurement("#m"));
        Assert.Throws<ArgumentException>(() => TaosPoint.Measurement("m\\"));
        var point = TaosPoint.Measurement("m").Field("ok", 1);
        Assert.Throws<ArgumentException>(() => point.Field("d", double.NaN));
        Assert.Throws<ArgumentException>(() => point.Field("f", float.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => point.Field("s", "two\nlines"));
        Assert.Throws<ArgumentException>(() => point.Field("k\\", 1));
        Assert.Throws<ArgumentException>(() => point.Field("s", "ends with \\"));
        Assert.Throws<ArgumentException>(() => point.NCharField("s", "ends with \\"));
        Assert.Throws<ArgumentException>(() => point.Field("", 1));
        Assert.Throws<ArgumentException>(() => point.Tag("t", ""));
        Assert.Throws<ArgumentException>(() => point.Tag("t", "v\\"));
        Assert.Throws<ArgumentException>(() => point.Tag("t\n", "v"));
        Assert.Throws<ArgumentNullException>(() => point.Field("b", (byte[])null!));
        Assert.Equal("m ok=1i32", point.ToString());
        Assert.Throws<InvalidOperationException>(() => TaosPoint.Measurement("m").Tag("t", "v").ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => point.Timestamp(new TaosTimestamp(long.MaxValue, TaosPrecision.Milliseconds)));
    }
}
