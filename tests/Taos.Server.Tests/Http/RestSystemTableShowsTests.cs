using System.Net;

namespace Taos.Server.Tests.Http;

/// <summary>The cluster's SHOW statements over REST: column meta as TDengine's system tables declare them.</summary>
public class RestSystemTableShowsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private async Task<RestAnswer> OkAsync(string sql)
    {
        var answer = await fixture.SqlAsync(sql);
        Assert.True(answer.Status == HttpStatusCode.OK && answer.Code == 0, $"{sql} -> {answer}");
        return answer;
    }

    [Fact]
    public async Task Show_dnodes_answers_the_one_dnode_with_its_column_meta()
    {
        var answer = await OkAsync("show dnodes");
        Assert.StartsWith(
            "{\"code\":0,\"column_meta\":[[\"id\",\"INT\",4],[\"endpoint\",\"VARCHAR\",134],[\"vnodes\",\"SMALLINT\",2],[\"support_vnodes\",\"SMALLINT\",2]," +
            "[\"status\",\"VARCHAR\",10],[\"create_time\",\"TIMESTAMP\",8],[\"reboot_time\",\"TIMESTAMP\",8],[\"note\",\"VARCHAR\",256]],\"data\":[[1,\"" +
            System.Net.Dns.GetHostName() + ":6030\",",
            answer.Text);
        Assert.Equal(1, answer.Json.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Show_grants_answers_the_community_row()
    {
        var answer = await OkAsync("show grants");
        var row = answer.Json.GetProperty("data")[0];
        Assert.Equal("community", row[0].GetString());
        Assert.Equal("unlimited", row[1].GetString());
        Assert.Equal("false", row[2].GetString());
    }

    [Theory]
    [InlineData("show mnodes")]
    [InlineData("show qnodes")]
    [InlineData("show snodes")]
    [InlineData("show vnodes")]
    [InlineData("show cluster")]
    [InlineData("show licences")]
    [InlineData("show variables")]
    [InlineData("show local variables")]
    [InlineData("show dnode 1 variables like 'time%'")]
    [InlineData("show vnodes on dnode 1")]
    [InlineData("show arbgroups")]
    [InlineData("show compacts")]
    public async Task Each_cluster_show_answers(string sql) => await OkAsync(sql);
}
