using System.Text.Json.Nodes;
using Taos.Schemaless;
using Taos.Transport;
using Taos.Transport.WebSocket;

namespace Taos.Tests.Transport.WebSocket;

/// <summary>
/// The <c>insert</c> frames the connector sends carry what the official C# connector sent to a real TDengine 3.3.0.1
/// (its recorded session, <c>Conformance/data/official_csharp_schemaless.txt</c>): same action, same arguments.
/// </summary>
public class WsSchemalessRequestTests
{
    private static TaosSchemalessPrecision Precision(string text) => text switch
    {
        "" => TaosSchemalessPrecision.NotConfigured,
        "ms" => TaosSchemalessPrecision.Milliseconds,
        _ => throw new InvalidDataException(text),
    };

    [Fact]
    public void Insert_frames_equal_the_recorded_official_client_frames()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Conformance", "data", "official_csharp_schemaless.txt");
        var recorded = File.ReadLines(path).Where(l => l.Contains(" C> {\"action\":\"insert\"", StringComparison.Ordinal))
            .Select(l => JsonNode.Parse(l[(l.IndexOf('{'))..])!).ToList();
        Assert.Equal(4, recorded.Count);
        foreach (var frame in recorded)
        {
            var args = frame["args"]!;
            var request = new SchemalessRequest([args["data"]!.GetValue<string>()], (TaosSchemalessProtocol)args["protocol"]!.GetValue<int>(),
                Precision(args["precision"]!.GetValue<string>()), args["ttl"]!.GetValue<int>(), null, Timeout.InfiniteTimeSpan);
            var sent = JsonNode.Parse(WsRequests.Insert(args["req_id"]!.GetValue<ulong>(), request));
            Assert.True(JsonNode.DeepEquals(frame, sent), $"{sent!.ToJsonString()}\n!=\n{frame.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData(TaosSchemalessPrecision.NotConfigured, "")]
    [InlineData(TaosSchemalessPrecision.Hours, "h")]
    [InlineData(TaosSchemalessPrecision.Minutes, "m")]
    [InlineData(TaosSchemalessPrecision.Seconds, "s")]
    [InlineData(TaosSchemalessPrecision.Milliseconds, "ms")]
    [InlineData(TaosSchemalessPrecision.Microseconds, "u")]
    [InlineData(TaosSchemalessPrecision.Nanoseconds, "ns")]
    public void Precisions_are_spelled_as_taosAdapter_reads_them(TaosSchemalessPrecision precision, string text) =>
        Assert.Equal(text, new SchemalessRequest([""], TaosSchemalessProtocol.Line, precision, 0, null, Timeout.InfiniteTimeSpan).PrecisionText);
}
