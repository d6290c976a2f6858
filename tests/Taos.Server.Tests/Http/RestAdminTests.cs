using System.Net;

namespace Taos.Server.Tests.Http;

/// <summary>The administration statements over REST on a running server: answers and errors as TDengine's REST carries them.</summary>
public class RestAdminTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private async Task<RestAnswer> OkAsync(string sql)
    {
        var answer = await fixture.SqlAsync(sql);
        Assert.True(answer.Status == HttpStatusCode.OK && answer.Code == 0, $"{sql} -> {answer}");
        return answer;
    }

    [Fact]
    public async Task Compact_answers_its_result_row_and_node_statements_affect_no_rows()
    {
        await OkAsync("create database if not exists ra");
        var compact = await OkAsync("compact database ra");
        Assert.StartsWith("{\"code\":0,\"column_meta\":[[\"result\",\"VARCHAR\",30],[\"id\",\"INT\",4],[\"reason\",\"VARCHAR\",126]],\"data\":[[\"accepted\",",
            compact.Text);
        var qnode = await OkAsync("create qnode on dnode 1");
        Assert.Equal("{\"code\":0,\"column_meta\":[[\"affected_rows\",\"INT\",4]],\"data\":[[0]],\"rows\":1}", qnode.Text);
        Assert.Equal(1, (await OkAsync("show qnodes")).Json.GetProperty("rows").GetInt32());
        Assert.Equal("{\"code\":0,\"column_meta\":[[\"status\",\"INT\",4]],\"data\":[[1]],\"rows\":1}", (await OkAsync("show cluster alive")).Text);
        await OkAsync("flush database ra");
        await OkAsync("trim database ra");
        await OkAsync("balance vgroup");
        await OkAsync("alter dnode 1 'debugFlag' '131'");
        await OkAsync("reset query cache");
    }

    [Theory]
    [InlineData("show scores", 65535, "Unknown error 65535")]
    [InlineData("kill transaction 5", 0x03D1, "Transaction not exists")]
    [InlineData("drop dnode 1", 0x03A8, "The replica of mnode cannot less than 1")]
    [InlineData("alter local 'nosuch' '1'", 0x0119, "Invalid config option")]
    [InlineData("merge vgroup 2 3", 0x0121, "Message not processed")]
    public async Task Errors_carry_TDengines_code_and_text(string sql, int code, string desc)
    {
        var answer = await fixture.SqlAsync(sql);
        Assert.Equal($"{{\"code\":{code},\"desc\":\"{desc}\"}}", answer.Text);
    }
}
