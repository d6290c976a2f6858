using System.Text;
using System.Text.Json;
using Taos.Server.Endpoints.WebSocket;

namespace Taos.Server.Tests.Endpoints.WebSocket;

/// <summary>
/// A /ws request read from its frame with a reader: the same fields, the same refusals and the same argument values
/// a JsonDocument of the frame gave, and a string argument handed over as UTF-8 exactly as its text decodes.
/// </summary>
public sealed class WsRequestTests
{
    private static WsRequest Parse(string frame)
    {
        Assert.True(WsRequest.TryParse(Encoding.UTF8.GetBytes(frame), out var request));
        return request!;
    }

    private static string Data(WsRequest request)
    {
        Assert.True(request.TryGetUtf8String("data", out var data, out byte[]? rented));
        try
        {
            return Encoding.UTF8.GetString(data.Span);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    [Theory]
    [InlineData(@"sm,g=4 v=123i64,f=61.5,s=\""alpha\"" 1700000000123")]
    [InlineData(@"st,t\\,1=a\\ b\\=c s=\""q\\\""uote\\\\d\"" 1\nst c=2 2\r\n# note")]
    [InlineData(@"st,t=\u00e9\u4e2d\ud83d\ude00 s=L\""\u00fcn\"" 1")]
    [InlineData(@"ctl\u0001\u001f\t\b\f\/ \u0022x\u005c")]
    [InlineData("st,t=é中文😀 s=\\\"ü\\\" 1")]
    [InlineData("")]
    public void Data_decodes_as_its_JSON_text_decodes(string jsonText)
    {
        string frame = "{\"action\":\"insert\",\"args\":{\"req_id\":1,\"protocol\":1,\"precision\":\"ms\",\"ttl\":0,\"data\":\"" + jsonText + "\"}}";
        string expected = JsonDocument.Parse(frame).RootElement.GetProperty("args").GetProperty("data").GetString()!;
        var request = Parse(frame);
        Assert.Equal(expected, Data(request));
        Assert.True(request.TryGetString("data", out string text));
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Data_without_escapes_is_the_frame_s_own_bytes()
    {
        var request = Parse("""{"action":"insert","args":{"data":"m v=1 1"}}""");
        Assert.True(request.TryGetUtf8String("data", out var data, out byte[]? rented));
        Assert.Null(rented);
        Assert.Equal("m v=1 1", Encoding.UTF8.GetString(data.Span));
    }

    [Fact]
    public void Data_that_is_not_UTF8_fails_as_reading_it_as_a_string_fails()
    {
        byte[] frame = [.. "{\"action\":\"insert\",\"args\":{\"data\":\"m s=\\\""u8, 0xC3, 0x28, .. "\\\" 1\"}}"u8];
        Assert.True(WsRequest.TryParse(frame, out var request));
        var before = Assert.ThrowsAny<Exception>(() => JsonDocument.Parse(frame).RootElement.GetProperty("args").GetProperty("data").GetString());
        var now = Assert.ThrowsAny<Exception>(() => request!.TryGetUtf8String("data", out _, out _));
        Assert.Equal((before.GetType(), before.Message), (now.GetType(), now.Message));
    }

    [Fact]
    public void Absent_null_and_mistyped_arguments_answer_as_before()
    {
        var request = Parse("""{"action":"insert","req_id":null,"args":{"req_id":7,"ttl":null,"protocol":"1","precision":5,"data":null,"n":-1,"f":1.0}}""");
        Assert.Equal(("insert", 0UL), (request.Action, request.TopRequestId));
        Assert.True(request.TryReadRequestId());
        Assert.Equal(7UL, request.RequestId);
        Assert.True(request.TryGetUInt64("ttl", out ulong ttl) && ttl == 0);
        Assert.True(request.TryGetUInt64("absent", out ulong absent) && absent == 0);
        Assert.False(request.TryGetUInt64("protocol", out _));
        Assert.False(request.TryGetUInt64("n", out _));
        Assert.False(request.TryGetUInt64("f", out _));
        Assert.False(request.TryGetString("precision", out _));
        Assert.False(request.TryGetUtf8String("precision", out _, out _));
        Assert.True(request.TryGetUtf8String("data", out var data, out _) && data.IsEmpty);
        Assert.True(request.TryGet("protocol", out var element) && element.GetString() == "1");
        Assert.False(request.TryGet("absent", out _));

        // args that is not an object: nothing unmarshals; absent or null args: everything is zero.
        Assert.False(Parse("""{"action":"insert","args":[1]}""").TryGetUInt64("ttl", out _));
        Assert.False(Parse("""{"action":"insert","args":"x"}""").TryGetString("data", out _));
        Assert.True(Parse("""{"action":"insert","args":null}""").TryGetString("data", out string empty) && empty.Length == 0);
        Assert.True(Parse("""{"action":"insert"}""").TryReadRequestId());
    }

    [Fact]
    public void The_last_of_a_repeated_name_wins_and_top_level_fields_are_checked()
    {
        var request = Parse("""{"action":"a","args":{"req_id":1},"action":"insert","req_id":9,"args":{"ttl":1,"ttl":2,"x":{"y":[1,{"z":2}]}}}""");
        Assert.Equal(("insert", 9UL), (request.Action, request.TopRequestId));
        Assert.True(request.TryGetUInt64("ttl", out ulong ttl));
        Assert.Equal(2UL, ttl);
        Assert.True(request.TryGet("x", out var x) && x.GetProperty("y")[1].GetProperty("z").GetInt32() == 2);
        Assert.True(request.TryGetUInt64("req_id", out ulong reqId) && reqId == 0);

        Assert.False(WsRequest.TryParse("""{"action":1}"""u8.ToArray(), out _));
        Assert.False(WsRequest.TryParse("""{"req_id":"1"}"""u8.ToArray(), out _));
        Assert.False(WsRequest.TryParse("""{"req_id":-1}"""u8.ToArray(), out _));
        Assert.False(WsRequest.TryParse("""[{"action":"version"}]"""u8.ToArray(), out _));
        Assert.ThrowsAny<JsonException>(() => WsRequest.TryParse("""{"action":"insert","args":{"data":"x}"""u8.ToArray(), out _));
        Assert.ThrowsAny<JsonException>(() => WsRequest.TryParse(""u8.ToArray(), out _));
    }

    [Fact]
    public void A_request_read_as_an_element_reads_the_same()
    {
        string frame = """{"action":"insert","args":{"req_id":3,"data":"a\"b\\c\u00e9"}}""";
        Assert.True(WsRequest.TryParse(JsonDocument.Parse(frame).RootElement, out var request));
        Assert.Equal("insert", request!.Action);
        Assert.True(request.TryReadRequestId());
        Assert.Equal(3UL, request.RequestId);
        Assert.Equal("a\"b\\cé", Data(request));
    }
}
