using System.Text.Json;
using Taos.Protocol.RawBlock;

namespace Taos.Server.Tests.Conformance;

/// <summary>Every raw block the WebSocket recordings hold reads back and re-encodes byte for byte.</summary>
[Trait("Category", "Conformance")]
public class WsRecordedBlockTests
{
    [Theory]
    [InlineData("ws.jsonl")]
    [InlineData("restws.jsonl")]
    public void Every_recorded_fetch_block_re_encodes_byte_for_byte(string file)
    {
        var frames = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Conformance", "data", "ws", file))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("type").GetString() == "binary")
            .Select(r => Convert.FromHexString(r.GetProperty("hex").GetString()!))
            .ToList();

        Assert.NotEmpty(frames);
        foreach (byte[] frame in frames)
        {
            byte[] block = frame[16..];
            var data = RawBlockReader.Read(block);
            Assert.Equal(RawBlockLayout.HasSchemaFlag, data.Flag);
            Assert.Equal(Convert.ToHexStringLower(block), Convert.ToHexStringLower(RawBlockWriter.Write(data.Columns, data.Rows, data.GroupId)));
        }
    }
}
