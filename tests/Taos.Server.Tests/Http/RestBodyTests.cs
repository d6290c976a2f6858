using System.IO.Pipelines;
using System.Text;
using Taos.Server.Http;

namespace Taos.Server.Tests.Http;

public class RestBodyTests
{
    private static async Task<(RestBodyStatus, string)> ReadAsync(byte[] body, int chunk = 4096)
    {
        var pipe = new Pipe();
        var reading = RestBody.ReadSqlAsync(pipe.Reader, CancellationToken.None);
        for (int i = 0; i < body.Length; i += chunk)
        {
            await pipe.Writer.WriteAsync(body.AsMemory(i, Math.Min(chunk, body.Length - i)));
        }
        await pipe.Writer.CompleteAsync();
        return await reading;
    }

    private static byte[] B(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData("", RestBodyStatus.Empty, "")]
    [InlineData(" \t\r\n\v\f", RestBodyStatus.Blank, "")]
    [InlineData("  select 1 \n", RestBodyStatus.Ok, "select 1")]
    [InlineData("select 1\0garbage", RestBodyStatus.Ok, "select 1")]
    [InlineData(" select 1 \0", RestBodyStatus.Ok, "select 1 ")]
    [InlineData("\0", RestBodyStatus.Ok, "")]
    public async Task ReadSqlAsync_trims_and_stops_at_nul(string body, object status, string sql) =>
        Assert.Equal(((RestBodyStatus)status, sql), await ReadAsync(B(body), chunk: 3));

    [Fact]
    public async Task ReadSqlAsync_replaces_invalid_utf8()
    {
        var (status, sql) = await ReadAsync([(byte)'a', 0xFF, (byte)'b']);
        Assert.Equal(RestBodyStatus.Ok, status);
        Assert.Equal("a\uFFFDb", sql);
    }

    [Fact]
    public async Task ReadSqlAsync_allows_exactly_1_MiB_plus_surrounding_space()
    {
        string sql = new string('x', RestBody.MaxSqlLength);
        var (status, read) = await ReadAsync(B("\n " + sql + new string(' ', 100_000) + "\n"));
        Assert.Equal(RestBodyStatus.Ok, status);
        Assert.Equal(RestBody.MaxSqlLength, read.Length);
    }

    [Theory]
    [InlineData(1, "")]
    [InlineData(0, " y")]
    [InlineData(0, " \0")]
    public async Task ReadSqlAsync_refuses_more_than_1_MiB(int extra, string tail)
    {
        string body = new string('x', RestBody.MaxSqlLength + extra) + tail;
        Assert.Equal(RestBodyStatus.TooLong, (await ReadAsync(B(body))).Item1);
    }
}
