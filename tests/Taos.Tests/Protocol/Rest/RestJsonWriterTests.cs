using System.Buffers;
using System.Text;
using Taos.Protocol.Rest;

namespace Taos.Tests.Protocol.Rest;

public class RestJsonWriterTests
{
    private static string Render(Action<RestJsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new RestJsonWriter(buffer));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("b\"q", "\"b\\\"q\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("a\nb\rc\td", "\"a\\nb\\rc\\td\"")]
    [InlineData("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [InlineData("<a&b>", "\"<a&b>\"")]
    [InlineData("涛思数据 ñ", "\"涛思数据 ñ\"")]
    [InlineData("\u2028", "\"\u2028\"")]
    public void WriteDataString_escapes_like_taosAdapter_builder(string value, string expected) =>
        Assert.Equal(expected, Render(w => w.WriteDataString(value)));

    [Theory]
    [InlineData("syntax error near \"a<b\"", "\"syntax error near \\\"a\\u003cb\\\"\"")]
    [InlineData("x & y > z", "\"x \\u0026 y \\u003e z\"")]
    [InlineData("\u2028\u2029", "\"\\u2028\\u2029\"")]
    [InlineData("é", "\"é\"")]
    public void WriteGoString_escapes_like_go_encoding_json(string value, string expected) =>
        Assert.Equal(expected, Render(w => w.WriteGoString(value)));

    [Fact]
    public void WriteDataString_replaces_lone_surrogates() =>
        Assert.Equal("\"a\uFFFDb\"", Render(w => w.WriteDataString("a\uD800b")));
}
