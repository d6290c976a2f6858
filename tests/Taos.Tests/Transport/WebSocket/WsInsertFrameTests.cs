using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Taos.Schemaless;
using Taos.Transport;
using Taos.Transport.WebSocket;

namespace Taos.Tests.Transport.WebSocket;

/// <summary>
/// The <c>insert</c> frame written straight from the lines: valid JSON whose <c>data</c> is exactly the lines joined
/// by <c>\n</c>, as the serializer wrote it before (quotes, backslashes, control characters, non-ASCII text).
/// </summary>
public class WsInsertFrameTests
{
    private static SchemalessRequest Request(params string?[] lines) =>
        new(lines, TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds, 7, null, Timeout.InfiniteTimeSpan);

    // The frame as Utf8JsonWriter wrote it before: the reference the new frame must decode like.
    private static byte[] Serialized(ulong requestId, SchemalessRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("action", "insert");
            writer.WriteStartObject("args");
            writer.WriteNumber("req_id", requestId);
            writer.WriteNumber("protocol", (int)request.Protocol);
            writer.WriteString("precision", request.PrecisionText);
            writer.WriteNumber("ttl", request.Ttl);
            writer.WriteString("data", request.JoinedText());
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    [Theory]
    [InlineData("sm,g=4 v=123i64,f=61.5,s=\"alpha\" 1700000000123")]
    [InlineData("st,t\\,1=a\\ b\\=c s=\"q\\\"uote\\\\d\" 1")]
    [InlineData("st,t=é中文😀 s=L\"ünï\" 1")]
    [InlineData("tab\there\r\nbell\u0007\u0000nul\u001f\u007f<>&'+ end")]
    [InlineData("")]
    public void A_line_decodes_to_itself(string line)
    {
        var request = Request(line, line);
        byte[] frame = WsInsertFrame.Build(42, request);
        var node = JsonNode.Parse(frame)!;
        Assert.Equal(line + "\n" + line, node["args"]!["data"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Serialized(42, request)), node));
    }

    [Fact]
    public void Many_lines_and_null_lines_join_as_string_join_does()
    {
        string?[] lines = [.. Enumerable.Range(0, 1000).Select(i => i % 7 == 0 ? null : $"m,t={i} v={i}i64,s=\"x\\\"{i}\" {i}")];
        var request = Request(lines);
        var data = JsonNode.Parse(WsInsertFrame.Build(ulong.MaxValue, request))!["args"]!;
        Assert.Equal(string.Join('\n', lines), data["data"]!.GetValue<string>());
        Assert.Equal((ulong.MaxValue, 1, "ms", 7), (data["req_id"]!.GetValue<ulong>(), data["protocol"]!.GetValue<int>(),
            data["precision"]!.GetValue<string>(), data["ttl"]!.GetValue<int>()));
    }

    [Fact]
    public void A_lone_surrogate_decodes_to_U_FFFD_as_before()
    {
        var request = Request("st s=\"\ud800\" 1", "\udc00x😀\ud83d");
        var now = JsonNode.Parse(WsInsertFrame.Build(1, request))!;
        Assert.Equal("st s=\"\ufffd\" 1\n\ufffdx😀\ufffd", now["args"]!["data"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Serialized(1, request)), now));
    }
}
