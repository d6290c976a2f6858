namespace Taos.Server.Tests.Http;

/// <summary>SMA indexes, TSMAs and the GRANT forms of TDengine 3.3.0.1 over real REST on loopback.</summary>
public class RestSmaTsmaAndGrantTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private async Task OkAsync(string sql)
    {
        var answer = await fixture.SqlAsync(sql);
        Assert.True(answer.Code == 0, sql + " -> " + answer);
    }

    [Fact]
    public async Task Sma_index_tsma_and_subscribe_grant_round_trip()
    {
        await OkAsync("create database if not exists rest_sma");
        await OkAsync("create stable if not exists rest_sma.st (ts timestamp, v double) tags (g int)");
        await OkAsync("create sma index rest_s1 on rest_sma.st function(max(v)) interval(1m)");
        await OkAsync("create tsma rest_t1 on rest_sma.st function(avg(v)) interval(10m)");
        var tsmas = await fixture.SqlAsync("show rest_sma.tsmas");
        Assert.StartsWith("{\"code\":0,\"column_meta\":[[\"tsma_name\",\"VARCHAR\",192],[\"db_name\",\"VARCHAR\",64]", tsmas.Text, StringComparison.Ordinal);
        Assert.Contains("\"600000a\"", tsmas.Text, StringComparison.Ordinal);
        var indexes = await fixture.SqlAsync("select index_name, index_type from information_schema.ins_indexes where db_name = 'rest_sma' order by index_name");
        Assert.Contains("[\"rest_s1\",\"sma_index\"]", indexes.Text, StringComparison.Ordinal);
        var interval = await fixture.SqlAsync("create tsma rest_t2 on rest_sma.st function(avg(v)) interval(2h)");
        Assert.Equal((12551, "Invalid tsma interval, 1ms ~ 1h is allowed"), (interval.Code, interval.Desc));

        await OkAsync("create topic if not exists rest_tp as select ts, v from rest_sma.st");
        await OkAsync("create user rest_u pass 'pw_rest_u'");
        await OkAsync("grant subscribe on rest_tp to rest_u");
        var privileges = await fixture.SqlAsync("select privilege, db_name from information_schema.ins_user_privileges where user_name = 'rest_u'");
        Assert.Contains("[\"subscribe\",\"rest_tp\"]", privileges.Text, StringComparison.Ordinal);
        var missing = await fixture.SqlAsync("grant subscribe on rest_nope to rest_u");
        Assert.Equal((993, "Topic not exist"), (missing.Code, missing.Desc));

        await OkAsync("drop tsma rest_sma.rest_t1");
        await OkAsync("drop index rest_sma.rest_s1");
        await OkAsync("drop user rest_u");
    }
}
