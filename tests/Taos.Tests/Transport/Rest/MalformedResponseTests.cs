using System.Net;
using System.Text;

namespace Taos.Tests.Transport.Rest;

public class MalformedResponseTests
{
    private sealed class FixedHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) });
    }

    private static async Task<Exception?> Run(HttpStatusCode status, string body)
    {
        await using var ds = new TaosDataSourceBuilder("Url=http://x.test").UseHttpMessageHandler(new FixedHandler(status, body)).Build();
        await using var c = ds.CreateConnection();
        c.OpenWithoutCheck();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "select 1";
        return await Record.ExceptionAsync(async () =>
        {
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
            }
        });
    }

    [Theory]
    [InlineData("{\"code\":0,\"column_meta\":[[\"v\",\"INT\",4]],\"data\":[[1],[2")]
    [InlineData("")]
    [InlineData("{\"code\":0,\"column_meta\":[[\"v\",\"INT\",4]],\"data\":[[1,2]],\"rows\":1}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"code\":0,\"column_meta\":[[\"t\",\"TIMESTAMP\",8]],\"data\":[[\"not a time\"]],\"rows\":1}")]
    public async Task Truncated_or_malformed_body_throws_TaosException(string body)
    {
        var e = await Run(HttpStatusCode.OK, body);
        var taos = Assert.IsType<TaosException>(e);
        Assert.Equal(TaosException.ClientErrorCode, taos.ErrorCode);
    }

    [Fact]
    public async Task Non_json_error_page_reports_the_http_status()
    {
        var e = Assert.IsType<TaosException>(await Run(HttpStatusCode.NotFound, "404 page not found"));
        Assert.Contains("404", e.Message);
    }

    [Theory]
    [InlineData("[\"2023-11-14T22:1")]
    [InlineData("[\"2023-11-14T22:13:20.000Z\",7,\"a\"")]
    [InlineData("[\"2023-13-14T22:13:20.000Z\",7,\"a\"]],\"rows\":51}")]
    [InlineData("[\"2023-11-14T22:13:20.000Z\",1e,\"a\"]],\"rows\":51}")]
    [InlineData("[\"2023-11-14T22:13:20.000Z\",--5,\"a\"]],\"rows\":51}")]
    [InlineData("[\"2023-11-14T22:13:20.000Z\",01,\"a\"]],\"rows\":51}")]
    [InlineData("[\"2023-11-14T22:13:20.000Z\",7,\"a\u0001\"]],\"rows\":51}")]
    [InlineData("[\"2023-11-14T22:13:20.000Z\",7]],\"rows\":51}")]
    public async Task A_malformed_row_after_well_formed_ones_throws_TaosException_once_they_are_read(string tail)
    {
        // The rows after the first are the fast path's (RestRowScanner); the malformed one reaches it first.
        var body = new StringBuilder("{\"code\":0,\"column_meta\":[[\"ts\",\"TIMESTAMP\",8],[\"v\",\"BIGINT\",8],[\"s\",\"VARCHAR\",8]],\"data\":[");
        for (int i = 0; i < 50; i++)
        {
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"[\"2023-11-14T22:13:{i:D2}.000Z\",{i},\"row {i}\"],");
        }
        await using var ds = new TaosDataSourceBuilder("Url=http://x.test").UseHttpMessageHandler(new FixedHandler(HttpStatusCode.OK, body + tail)).Build();
        await using var c = ds.CreateConnection();
        c.OpenWithoutCheck();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "select * from t";
        await using var r = await cmd.ExecuteReaderAsync();
        for (int i = 0; i < 50; i++)
        {
            Assert.True(await r.ReadAsync());
            Assert.Equal(i, r.GetInt64(1));
            Assert.Equal($"row {i}", r.GetString(2));
        }
        var e = Assert.IsType<TaosException>(await Record.ExceptionAsync(() => r.ReadAsync()));
        Assert.Equal(TaosException.ClientErrorCode, e.ErrorCode);
    }
}
